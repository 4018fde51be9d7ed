/**
 * Lines of text from runs: runs on one baseline make a line, left to right, with a space where
 * the gap between two runs is a word gap. Used for a cell's lines and for the text outside tables.
 */
import type { TextRun } from './geometry.ts';

/** A line of text: its runs left to right. */
export interface TextLine {
  text: string;
  /** the line's runs, left to right, duplicates dropped */
  runs: TextRun[];
  x0: number;
  x1: number;
  top: number;
  base: number;
  size: number;
}

/**
 * Groups runs into lines (same baseline) and joins each line's runs, with a space where the gap
 * between two runs is wider than a narrow space. Runs drawn twice at almost the same place (fake
 * bold in some producers) are kept once.
 */
export function toLines(
  runs: readonly TextRun[],
  spaceWidth: (gap: number, size: number) => string,
): TextLine[] {
  const sorted = [...runs].sort((p, q) => p.base - q.base || p.x0 - q.x0);
  const groups: TextRun[][] = [];
  for (const r of sorted) {
    const g = groups[groups.length - 1];
    const head = g?.[0];
    if (g && head && !r.rotated && !head.rotated && r.base - head.base <= Math.max(r.size, head.size) * 0.5)
      g.push(r);
    else groups.push([r]);
  }
  return groups.map((g) => {
    g.sort((p, q) => p.x0 - q.x0);
    let text = '';
    let prev: TextRun | null = null;
    const kept: TextRun[] = [];
    for (const r of g) {
      if (prev) {
        if (r.str === prev.str && Math.abs(r.x0 - prev.x0) < r.size * 0.3) continue;
        text += spaceWidth(r.x0 - prev.x1, Math.max(r.size, prev.size));
      }
      text += r.str;
      kept.push(r);
      prev = r;
    }
    const size = Math.max(...g.map((r) => r.size));
    return {
      text,
      runs: kept,
      x0: Math.min(...g.map((r) => r.x0)),
      x1: Math.max(...g.map((r) => r.x1)),
      top: Math.min(...g.map((r) => r.top)),
      base: g[0]?.base ?? 0,
      size,
    };
  });
}

/** One space where the gap is at least a narrow space (0.15 em); nothing otherwise. */
export function oneSpace(gap: number, size: number): string {
  return gap >= size * 0.15 ? ' ' : '';
}
