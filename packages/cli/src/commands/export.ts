import { extname } from 'node:path';
import { WRITE_FORMATS, type WriteFormat, writeDisclosure } from '@jixiao/formats';
import { EXIT, errors } from '../errors.ts';
import type { Io } from '../io.ts';
import { readInput, withLine } from '../read-input.ts';
import { writeFileAtomic } from '../write-atomic.ts';

export interface ExportArgs {
  file: string;
  /** as given with --format; when absent, taken from the extension of `output` */
  format?: string | undefined;
  /** write here (atomically); text formats go to stdout without it */
  output?: string | undefined;
}

/**
 * Formats that are text (UTF-8) and may go to stdout. The others are binary: written to a
 * terminal they are garbage and can upset it, so they need `-o`.
 */
export const TEXT_FORMATS: ReadonlySet<WriteFormat> = new Set(['csv', 'html', 'json']);

/**
 * `jixiao export FILE --format F [-o OUT]`: reads any input `import` reads and writes it as PDF,
 * Excel, Word, CSV, HTML or canonical JSON. The reader's warnings go to stderr as for `import`.
 */
export async function runExport(args: ExportArgs, io: Io): Promise<number> {
  const format = exportFormat(args.format, args.output);
  if (args.output === undefined && !TEXT_FORMATS.has(format)) throw errors.exportOutputRequired(format);
  const input = await readInput(args.file);
  for (const d of input.diagnostics) {
    io.stderr(`${d.severity === 'info' ? '提示' : '警告'} ${d.code}: ${input.file}：${withLine(d)}\n`);
  }
  const { bytes, extension } = await writeDisclosure(input.disclosure, format);
  if (args.output === undefined) {
    // The same bytes as the file would hold, BOM included (CSV), so `> out.csv` opens in Excel.
    io.stdout(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes));
    return EXIT.OK;
  }
  const outExt = extname(args.output).slice(1).toLowerCase();
  if (args.format !== undefined && outExt !== extension) {
    io.stderr(`提示：输出文件 ${args.output} 的扩展名与导出格式 ${format}（.${extension}）不一致\n`);
  }
  writeFileAtomic(args.output, bytes);
  return EXIT.OK;
}

/** The format named by --format, or by the output file's extension. */
function exportFormat(given: string | undefined, output: string | undefined): WriteFormat {
  const isFormat = (f: string): f is WriteFormat => (WRITE_FORMATS as readonly string[]).includes(f);
  if (given !== undefined) {
    const f = given.toLowerCase();
    if (!isFormat(f)) throw errors.exportFormatUnknown(given, WRITE_FORMATS);
    return f;
  }
  const fromName = output === undefined ? '' : extname(output).slice(1).toLowerCase();
  if (isFormat(fromName)) return fromName;
  throw errors.exportFormatMissing();
}
