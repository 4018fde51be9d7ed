import { encodeDisclosure } from '@jixiao/core';
import { EXIT } from '../errors.ts';
import type { Io } from '../io.ts';
import { readInput, withLine } from '../read-input.ts';
import { writeFileAtomic } from '../write-atomic.ts';

export interface ImportArgs {
  file: string;
  /** write here (atomically) instead of stdout */
  output?: string | undefined;
}

/**
 * `jixiao import FILE [-o OUT]`: the canonical JSON of a `.txt`, `.json`, `.pdf` or `.xlsx`
 * disclosure. The reader's warnings go to stderr; its errors stop the command (exit 2) naming the
 * first place (line, page, sheet/cell).
 */
export async function runImport(args: ImportArgs, io: Io): Promise<number> {
  const input = await readInput(args.file);
  for (const d of input.diagnostics) {
    io.stderr(`${d.severity === 'info' ? '提示' : '警告'} ${d.code}: ${input.file}：${withLine(d)}\n`);
  }
  const json = `${JSON.stringify(encodeDisclosure(input.disclosure), null, 2)}\n`;
  if (args.output === undefined) io.stdout(json);
  else writeFileAtomic(args.output, json);
  return EXIT.OK;
}
