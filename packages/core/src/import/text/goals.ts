/**
 * Reads 项目总目标 / 年度总体目标. One text under both headings is the annual goal (spec). When both
 * cells are filled they stand side by side, so each printed line carries a piece of each column:
 * raw extraction separates them by a space, `-layout` text by a run of spaces at the column.
 */
import type { Line } from './lines.ts';

export const GOAL_HEADING_RE = /(项目总(?:体)?目标|中长期目标|年度总体目标|年度目标)/;
const OVERALL_RE = /项目总(?:体)?目标|中长期目标/;
const ANNUAL_RE = /年度总体目标|年度目标/;
const END_PUNCT_RE = /[。；;！!]$/;

export interface Goals {
  overallGoal: string;
  annualGoal: string;
}

/**
 * @param heading the line holding the heading(s)
 * @param lines the goal text lines below it (vertical labels already removed)
 */
export function readGoals(heading: Line, lines: readonly Line[]): Goals {
  const hasOverall = OVERALL_RE.test(heading.text);
  const hasAnnual = ANNUAL_RE.test(heading.text);
  // Text written on the heading line after the heading(s), e.g. "年度总体目标：完成…".
  const afterHeading = heading.text
    .replace(/项目总(?:体)?目标\s*(?:[（(][^）)]*[）)])?|中长期目标|年度总体目标|年度目标/g, '\u0000')
    .split('\u0000')
    .map((s) => s.replace(/^[：:\s]+/, '').trim())
    .filter((s) => s.length > 0);
  const body =
    afterHeading.length > 0
      ? [{ ...heading, raw: afterHeading.join(' '), text: afterHeading.join(' ') }, ...lines]
      : [...lines];
  if (body.length === 0) return { overallGoal: '', annualGoal: '' };
  if (!(hasOverall && hasAnnual)) {
    const text = joinText(body.map((l) => l.text));
    return hasOverall ? { overallGoal: text, annualGoal: '' } : { overallGoal: '', annualGoal: text };
  }
  const annualCol = heading.raw.search(ANNUAL_RE);
  const overallCol = heading.raw.search(OVERALL_RE);
  const split = splitColumns(body, annualCol > overallCol + 8 ? annualCol : -1);
  if (!split) return { overallGoal: '', annualGoal: joinText(body.map((l) => l.text)) };
  return { overallGoal: joinText(split.left), annualGoal: joinText(split.right) };
}

function joinText(pieces: readonly string[]): string {
  return pieces.join('');
}

/**
 * Splits side-by-side columns, or returns null when the lines read as one text. A line "has a gap"
 * when whitespace separates two runs of text; two columns need most lines to have one (a single
 * text has a stray space here and there: "完成市委政法委安排的 2023 年").
 */
function splitColumns(lines: readonly Line[], annualCol: number): { left: string[]; right: string[] } | null {
  const layout = annualCol >= 0 && lines.some((l) => /\S\s{3,}\S/.test(l.raw));
  const gapped = lines.filter((l) => /\S\s+\S/.test(l.text)).length;
  if (!layout && (lines.length < 1 || gapped * 2 < lines.length + 1)) return null;
  const left: string[] = [];
  const right: string[] = [];
  for (const l of lines) {
    if (layout) {
      // -layout: the right column starts near the 年度总体目标 heading's column.
      const indent = l.raw.length - l.raw.trimStart().length;
      if (indent >= annualCol - 2) {
        right.push(l.text);
        continue;
      }
      const m = /\s{2,}/g;
      let best: RegExpExecArray | null = null;
      for (let g = m.exec(l.raw); g !== null; g = m.exec(l.raw)) {
        if (
          !best ||
          Math.abs(g.index + g[0].length - annualCol) < Math.abs(best.index + best[0].length - annualCol)
        )
          best = g;
      }
      if (best && best.index + best[0].length >= annualCol - 4) {
        left.push(l.raw.slice(0, best.index).trim());
        right.push(l.raw.slice(best.index).trim());
      } else left.push(l.text);
      continue;
    }
    const m = /^(.*?\S)(\s+)(\S.*)$/.exec(l.text);
    if (m && gapCount(l.text) === 1) {
      left.push(m[1] ?? '');
      right.push(m[3] ?? '');
      continue;
    }
    if (m) {
      // several gaps: split at the widest one (the column gap), the first of equals
      const gaps = [...l.text.matchAll(/\s+/g)];
      const widest = gaps.reduce((a, b) => (b[0].length > a[0].length ? b : a));
      const at = widest.index ?? 0;
      left.push(l.text.slice(0, at));
      right.push(l.text.slice(at + widest[0].length));
      continue;
    }
    // One column has ended: the text continues the column that has not finished its sentence.
    const leftDone = left.length === 0 || END_PUNCT_RE.test(left[left.length - 1] ?? '');
    const rightDone = right.length === 0 || END_PUNCT_RE.test(right[right.length - 1] ?? '');
    if (!leftDone && rightDone) left.push(l.text);
    else right.push(l.text);
  }
  return { left, right };
}

function gapCount(s: string): number {
  return (s.match(/\s+/g) ?? []).length;
}
