/**
 * @jixiao/formats — one folder per file format. The registries are literal maps whose entries load
 * their format (and its heavy library) with `await import()` on first use, so importing this
 * module costs nothing.
 */
import type { Disclosure, ImportResult } from '@jixiao/core';
import type { Reader, ReadFormat, ReadOptions, WriteFormat, WriteOptions, Writer } from './types.ts';

export type * from './types.ts';

export const WRITERS: Record<WriteFormat, () => Promise<Writer>> = {
  pdf: async () => (await import('./pdf/write.ts')).pdfWriter,
  xlsx: async () => (await import('./xlsx/write.ts')).xlsxWriter,
  docx: async () => (await import('./docx/write.ts')).docxWriter,
  csv: async () => (await import('./csv/write.ts')).csvWriter,
  html: async () => (await import('./html/write.ts')).htmlWriter,
  json: async () => (await import('./json/write.ts')).jsonWriter,
};

export const READERS: Record<ReadFormat, () => Promise<Reader>> = {
  pdf: async () => (await import('./pdf/read.ts')).pdfReader,
  xlsx: async () => (await import('./xlsx/read.ts')).xlsxReader,
  json: async () => (await import('./json/read.ts')).jsonReader,
  txt: async () => (await import('./json/read.ts')).textReader,
};

export const WRITE_FORMATS = Object.keys(WRITERS) as WriteFormat[];
export const READ_FORMATS = Object.keys(READERS) as ReadFormat[];

/** Renders `disclosure` as `format`. */
export async function writeDisclosure(
  disclosure: Disclosure,
  format: WriteFormat,
  options?: WriteOptions,
): Promise<{ bytes: Uint8Array; mediaType: string; extension: string }> {
  const writer = await WRITERS[format]();
  return {
    bytes: await writer.write(disclosure, options),
    mediaType: writer.mediaType,
    extension: writer.extension,
  };
}

/** Reads a disclosure from `bytes` in `format`; never throws on bad input (see diagnostics). */
export async function readDisclosure(
  bytes: Uint8Array,
  format: ReadFormat,
  options?: ReadOptions,
): Promise<ImportResult<Disclosure>> {
  const reader = await READERS[format]();
  return reader.read(bytes, options);
}

/**
 * A blank Excel flat sheet for a budget unit to fill in (one row per indicator, drop-down lists)
 * with a 汇总 sheet naming the department and year; filled in, it imports like any flat sheet.
 */
export async function writeFlatTemplate(department: string, year: number): Promise<Uint8Array> {
  return (await import('./xlsx/write.ts')).writeTemplate(department, year);
}

/** The read format for a file name, by extension, or null. */
export function readFormatOf(fileName: string): ReadFormat | null {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  return ext !== undefined && (READ_FORMATS as string[]).includes(ext) ? (ext as ReadFormat) : null;
}
