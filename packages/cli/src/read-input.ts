/**
 * Reads one input file into the model, by extension: `.txt` through the text importer, `.json`
 * validated against `jixiao.disclosure/1`. Whatever cannot be read becomes a `CliError` (exit 2)
 * with a Chinese message naming the file and line; nothing here prints or exits.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { type Diagnostic, type Disclosure, importDisclosureText, safeDecodeDisclosure } from '@jixiao/core';
import { decodeUtf8 } from './decode-text.ts';
import { errors, fsReason } from './errors.ts';
import { findJsonSyntaxError, jsonValueLines } from './json-locate.ts';
import { describeIssues } from './schema-issues.ts';

/** A file read into the model. */
export interface Input {
  /** the path as given (for messages and the JSON `file` field) */
  file: string;
  kind: 'txt' | 'json';
  disclosure: Disclosure;
  /** the importer's warnings and notes (`.txt` only; errors have been raised instead) */
  diagnostics: Diagnostic[];
}

/** The extensions `check DIR` picks up. */
export const INPUT_EXTENSIONS: readonly string[] = ['.txt', '.json'];

/**
 * Reads `file`. Throws `CliError` when it is missing, a directory, of an unknown type, not UTF-8
 * text, invalid JSON or not a valid disclosure, or when the importer reports an error.
 */
export function readInput(file: string): Input {
  const ext = extname(file).toLowerCase();
  if (!INPUT_EXTENSIONS.includes(ext)) {
    // A missing file is reported as missing, whatever its name.
    readBytes(file);
    throw errors.inputTypeUnknown(file, extname(file));
  }
  const decoded = decodeUtf8(readBytes(file));
  if ('notText' in decoded) {
    const { line, binary } = decoded.notText;
    throw binary ? errors.inputBinary(file, line) : errors.inputNotUtf8(file, line);
  }
  return ext === '.txt' ? readText(file, decoded.text) : readJson(file, decoded.text);
}

function readBytes(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw errors.inputNotFound(file);
    if (code === 'EISDIR') throw errors.inputIsDirectory(file);
    throw errors.inputUnreadable(file, fsReason(e));
  }
}

function readText(file: string, text: string): Input {
  const { disclosure, diagnostics } = importDisclosureText(text, { source: file });
  const failures = diagnostics.filter((d) => d.severity === 'error');
  const first = failures[0];
  if (first) {
    throw errors.importFailed(
      first.code,
      file,
      withLine(first),
      failures.slice(1).map((d) => `${d.code}: ${withLine(d)}`),
    );
  }
  if (!disclosure) throw errors.noForms(file);
  return { file, kind: 'txt', disclosure, diagnostics };
}

/** The diagnostic's message, with its line in front when the message does not already name it. */
export function withLine(d: Diagnostic): string {
  if (d.line === undefined || d.message.includes(`第${d.line}行`)) return d.message;
  return `第${d.line}行：${d.message}`;
}

function readJson(file: string, text: string): Input {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const at = findJsonSyntaxError(text);
    if (at) throw errors.jsonSyntax(file, at.line, at.column, at.reason);
    throw errors.jsonSyntax(file, 1, 1, e instanceof Error ? e.message : String(e));
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json) || !Object.hasOwn(json, 'format')) {
    throw errors.jsonNotDisclosure(file);
  }
  const result = safeDecodeDisclosure(json);
  if (!result.success) {
    throw errors.jsonSchema(file, describeIssues(result.error.issues, json, jsonValueLines(text)));
  }
  return { file, kind: 'json', disclosure: result.data, diagnostics: [] };
}
