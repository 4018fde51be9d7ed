import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { errors, fsReason } from './errors.ts';

/**
 * Writes `file` atomically: the data goes to a temporary file beside it, is flushed, then renamed
 * over `file`, so a reader never sees half a file and a failed write leaves the old one intact.
 * Throws `CliError` (`OUTPUT_WRITE_FAILED`) when it cannot.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const tmp = join(
    dirname(file),
    `.${basename(file)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`,
  );
  try {
    const fd = openSync(tmp, 'wx');
    try {
      writeFileSync(fd, data); // loops until all is written
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw errors.outputWriteFailed(file, fsReason(e));
  }
}
