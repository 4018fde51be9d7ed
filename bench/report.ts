import { spawnSync } from 'node:child_process';
/** The bench's table and number formats, shared by the core part (`run.ts`) and the server part. */

export interface Row {
  what: string;
  figure: string;
  baseline: string;
  /** figure ÷ baseline: comparable across machines and load */
  ratio: string;
  target: string;
  verdict: string;
}

export function printTable(rows: Row[]): void {
  const header: Row = {
    what: 'measure',
    figure: 'figure',
    baseline: 'baseline (same run)',
    ratio: 'of baseline',
    target: 'target',
    verdict: 'result',
  };
  const cols = Object.keys(header) as (keyof Row)[];
  const width = Object.fromEntries(
    cols.map((c) => [c, Math.max(...[header, ...rows].map((r) => r[c].length))]),
  );
  const line = (r: Row) =>
    cols
      .map((c) => r[c].padEnd(width[c] ?? 0))
      .join('  ')
      .trimEnd();
  console.log(line(header));
  console.log(cols.map((c) => '-'.repeat(width[c] ?? 0)).join('  '));
  for (const r of rows) console.log(line(r));
}

export function ratio(figure: number, baseline: number): string {
  const r = figure / baseline;
  return r >= 0.01 ? `${(r * 100).toFixed(1)}%` : `1/${fmt(1 / r)}`;
}

export function fmt(n: number): string {
  if (n >= 1000) return Math.round(n).toLocaleString('en-US');
  return n >= 100 ? n.toFixed(0) : n.toFixed(1);
}

export const mib = (bytes: number) => `${fmt(bytes / 2 ** 20)} MiB`;

/** Peak resident set size of this process so far, in bytes. */
export const peakRss = () => process.resourceUsage().maxRSS * 1024;

/** The core the benches pin to; choose an idle one on a busy machine. */
export const BENCH_CPU = process.env.JIXIAO_BENCH_CPU ?? '0';

/**
 * Re-runs the current script under `taskset -c BENCH_CPU` (Linux) so the whole process, GC threads
 * included, has one core. Returns true when it did (the child's result is ours); false when it is
 * already pinned, or there is no taskset (then it runs here, unpinned).
 */
export function pinToOneCore(): boolean {
  if (process.env.JIXIAO_BENCH_PINNED || process.platform !== 'linux') return false;
  const child = spawnSync(
    'taskset',
    ['-c', BENCH_CPU, process.execPath, ...process.execArgv, ...process.argv.slice(1)],
    { stdio: 'inherit', env: { ...process.env, JIXIAO_BENCH_PINNED: '1' } },
  );
  if (child.error) return false;
  process.exitCode = 0;
  return true;
}
