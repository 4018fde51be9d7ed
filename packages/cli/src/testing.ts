/**
 * Helpers for the CLI's tests: run the real `jixiao` bin as a child process from the repo root, or
 * `main` in this process with captured output.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Io } from './io.ts';

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

/** An `Io` that collects what is written (no terminal, `env` as given) and the text written so far. */
export function captureIo(env: Record<string, string> = {}): { io: Io; stdout(): string; stderr(): string } {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    stdoutIsTTY: false,
    stderrIsTTY: false,
    env,
  };
  return { io, stdout: () => stdout, stderr: () => stderr };
}

/**
 * Runs `main` in this process with captured output: for argument handling, where a child process
 * adds nothing. (`main` is loaded here, not at the top, so that tests without it need not load the CLI.)
 */
export async function inProcess(argv: string[]): Promise<Run> {
  const { main } = await import('./main.ts');
  const captured = captureIo();
  const status = await main(argv, captured.io);
  return { status, stdout: captured.stdout(), stderr: captured.stderr() };
}

/** The fixture's canonical JSON, as text and parsed. */
export function fixtureJson(): { text: string; json: Record<string, unknown> } {
  const text = readFileSync(join(ROOT, FIXTURE_JSON), 'utf8');
  return { text, json: JSON.parse(text) as Record<string, unknown> };
}

/** A fresh temporary directory, a function that writes a file in it (returning its path), and one that removes it. */
export function tempDir(): {
  dir: string;
  file(name: string, content: string | Uint8Array): string;
  remove(): void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-cli-'));
  return {
    dir,
    file: (name, content) => {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * Whether a format's writer and reader have landed: until then their modules are placeholders
 * that reject with 'not built yet'. (Remove once pdf and xlsx are built.)
 */
export function formatBuilt(format: 'pdf' | 'xlsx'): boolean {
  return ['write', 'read'].every(
    (side) =>
      !readFileSync(join(ROOT, `packages/formats/src/${format}/${side}.ts`), 'utf8').includes('PLACEHOLDER'),
  );
}

/** A Node stack frame (`    at foo (file.ts:1:2)`): never shown for bad input. */
export const STACK_FRAME = /^\s+at .+[(:]/m;
