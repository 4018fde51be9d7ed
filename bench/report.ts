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
