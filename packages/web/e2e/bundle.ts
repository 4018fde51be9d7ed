/**
 * What a first visit downloads: the entry script, the page's own chunk, and every chunk they import
 * statically (lazy `import()`s are not counted: they load later, if at all). Sizes are of the .gz
 * files the build writes and the server sends (vite.config.ts), read from the build's manifest.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

interface Chunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

export interface RouteWeight {
  /** the page module, e.g. `src/pages/Login.tsx` */
  page: string;
  /** gzipped bytes of JavaScript loaded before the page shows */
  gzipBytes: number;
  /** the chunk files counted */
  files: string[];
}

/**
 * The first-visit JavaScript of every page of the build in `dist`, heaviest first, and of the app
 * shell alone (the entry and its static imports).
 */
export function routeWeights(dist: string): { shell: RouteWeight; pages: RouteWeight[] } {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    Chunk
  >;
  const entryKey = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
  if (!entryKey) throw new Error(`${dist}: the manifest has no entry chunk`);
  const entry = manifest[entryKey] as Chunk;
  const closure = (keys: string[], seen = new Set<string>()): Set<string> => {
    for (const key of keys) {
      if (seen.has(key)) continue;
      seen.add(key);
      closure(manifest[key]?.imports ?? [], seen);
    }
    return seen;
  };
  const gz = (file: string) => statSync(join(dist, `${file}.gz`)).size;
  const weigh = (keys: string[]) => {
    const files = [...closure(keys)].map((k) => (manifest[k] as Chunk).file);
    return { files, gzipBytes: files.reduce((sum, f) => sum + gz(f), 0) };
  };
  const shell = { page: '(app shell)', ...weigh([entryKey]) };
  const pages = (entry.dynamicImports ?? [])
    .filter((key) => key.startsWith('src/pages/'))
    .map((page) => ({ page, ...weigh([entryKey, page]) }))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  return { shell, pages };
}

/** The budget for the first route: 400 kB of JavaScript, gzipped. */
export const FIRST_ROUTE_BUDGET_BYTES = 400_000;
