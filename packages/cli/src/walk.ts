import { type Dirent, readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { errors, fsReason } from './errors.ts';
import { INPUT_EXTENSIONS } from './read-input.ts';

/**
 * The input files (`INPUT_EXTENSIONS`) under `dir`, recursively, in a stable order. Hidden entries and
 * `node_modules` are skipped; symbolic links to directories are not followed (no cycles).
 */
export function findInputFiles(dir: string): string[] {
  const found: string[] = [];
  const visit = (d: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch (e) {
      throw errors.inputUnreadable(d, fsReason(e));
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(d, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (isInput(entry.name) && (entry.isFile() || isFileLink(path))) found.push(path);
    }
  };
  visit(dir);
  return found;
}

function isInput(name: string): boolean {
  return INPUT_EXTENSIONS.includes(extname(name).toLowerCase());
}

function isFileLink(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
