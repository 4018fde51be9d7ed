/** Helpers for the CLI's tests: run the real `jixiao` bin as a child process from the repo root. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const BIN = 'packages/cli/bin/jixiao.mjs';
export const FIXTURE_TXT = 'testdata/songjiang-zfw-2024.txt';
export const FIXTURE_JSON = 'testdata/songjiang-zfw-2024.json';

export interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs `node packages/cli/bin/jixiao.mjs …args` in the repo root; never rejects. */
export function jixiao(args: readonly string[], env: Record<string, string> = {}): Promise<Run> {
  const { JIXIAO_DEBUG: _debug, NO_COLOR: _noColor, ...inherited } = process.env;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: ROOT, env: { ...inherited, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (error as { code?: unknown }).code : 0;
        resolve({ status: typeof code === 'number' ? code : -1, stdout, stderr });
      },
    );
  });
}

/** The fixture's canonical JSON, as text and parsed. */
export function fixtureJson(): { text: string; json: Record<string, unknown> } {
  const text = readFileSync(join(ROOT, FIXTURE_JSON), 'utf8');
  return { text, json: JSON.parse(text) as Record<string, unknown> };
}

/** A fresh temporary directory and a function that removes it. */
export function tempDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-cli-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A Node stack frame (`    at foo (file.ts:1:2)`): never shown for bad input. */
export const STACK_FRAME = /^\s+at .+[(:]/m;
