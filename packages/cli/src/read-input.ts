/**
 * Reads one input file into the model, by extension, through `@jixiao/formats`: `.txt` through the
 * text importer, `.json` validated against `jixiao.disclosure/1`, `.pdf` and `.xlsx` through their
 * readers. Whatever cannot be read becomes a `CliError` (exit 2) with a Chinese message naming the
 * file and the place (line, page, sheet/cell); nothing here prints or exits.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { Diagnostic, Disclosure } from '@jixiao/core';
import { READ_FORMATS, type ReadFormat, readDisclosure, readFormatOf } from '@jixiao/formats';
import { type CliError, errors, fsReason } from './errors.ts';

/** A file read into the model. */
export interface Input {
  /** the path as given (for messages and the JSON `file` field) */
  file: string;
  kind: ReadFormat;
  disclosure: Disclosure;
  /** the reader's warnings and notes (errors have been raised instead) */
  diagnostics: Diagnostic[];
}

/** The extensions the reading commands take, and `check DIR` picks up. */
export const INPUT_EXTENSIONS: readonly string[] = READ_FORMATS.map((f) => `.${f}`);

/**
 * Reads `file`. Throws `CliError` when it is missing, a directory, of an unknown type, not UTF-8
 * text (`.txt`, `.json`), invalid JSON or not a valid disclosure, or when the reader reports an error.
 */
export async function readInput(file: string): Promise<Input> {
  const kind = readFormatOf(file);
  // A missing file is reported as missing, whatever its name.
  const bytes = readBytes(file);
  if (kind === null) throw errors.inputTypeUnknown(file, extname(file));
  const { disclosure, diagnostics } = await readDisclosure(bytes, kind, { source: file });
  const failures = diagnostics.filter((d) => d.severity === 'error');
  if (failures.length > 0) throw failure(file, failures);
  if (!disclosure) throw errors.noForms(file);
  return { file, kind, disclosure, diagnostics };
}

function readBytes(file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw errors.inputNotFound(file);
    if (code === 'EISDIR') throw errors.inputIsDirectory(file);
    throw errors.inputUnreadable(file, fsReason(e));
  }
}

/** The reader's error diagnostics as one `CliError`: the first names the code, the rest are details. */
function failure(file: string, failures: readonly Diagnostic[]): CliError {
  const first = failures[0]!;
  switch (first.code) {
    case 'INPUT_BINARY':
      return errors.inputBinary(file, first.line ?? 1);
    case 'INPUT_NOT_UTF8':
      return errors.inputNotUtf8(file, first.line ?? 1);
    case 'JSON_SYNTAX':
      return errors.jsonSyntax(file, first.message);
    case 'JSON_NOT_DISCLOSURE':
      return errors.jsonNotDisclosure(file);
    case 'JSON_SCHEMA':
      return errors.jsonSchema(
        file,
        failures.map((d) => d.message),
      );
    default:
      return errors.importFailed(
        first.code,
        file,
        withLine(first),
        failures.slice(1).map((d) => `${d.code}: ${withLine(d)}`),
      );
  }
}

/** The diagnostic's message, with its line in front when the message does not already name it. */
export function withLine(d: Diagnostic): string {
  if (d.line === undefined || d.message.includes(`第${d.line}行`)) return d.message;
  return `第${d.line}行：${d.message}`;
}
