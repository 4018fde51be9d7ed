/**
 * The contract every format folder keeps: a writer turns a disclosure into bytes, a reader turns
 * bytes into a disclosure plus diagnostics (the same `ImportResult` the text importer returns —
 * never throws on bad input; every diagnostic names where: page, sheet/row/column or line).
 */
import type { Disclosure, ImportResult } from '@jixiao/core';

export type WriteFormat = 'pdf' | 'xlsx' | 'docx' | 'csv' | 'html' | 'json';
export type ReadFormat = 'pdf' | 'xlsx' | 'json' | 'txt';

export interface WriteOptions {
  /** only these projects (indices into `disclosure.projects`); default all */
  projects?: readonly number[];
}

export interface Writer {
  mediaType: string;
  extension: string;
  write(disclosure: Disclosure, options?: WriteOptions): Promise<Uint8Array>;
}

export interface ReadOptions {
  /** the file name, for messages */
  source?: string;
}

export interface Reader {
  read(bytes: Uint8Array, options?: ReadOptions): Promise<ImportResult<Disclosure>>;
}
