/**
 * A table read over several pages: its parts' cells with rows numbered across the parts, and the
 * cells that a page break cut in two made whole again.
 *
 * Producers mark a cut differently. Excel and WPS draw no rule across a merged cell at the break
 * (a 一级 label spanning rows on both pages), and pdfmake does the same for row-spanning cells: such
 * a cell is open at the bottom of one page and at the top of the next. A row split by the break
 * (pdfmake, Word) is closed on both sides, like two rows; it is told by its content: cells of the
 * row that were finished on the first page are blank on the second, and every cell with text on
 * both sides ends its first part with a full line and is no complete label.
 */
import type { Table } from './grid.ts';
import { oneSpace, toLines } from './grid-lines.ts';

/** A printed line of a cell, with the page it stands on. */
export interface LLine {
  text: string;
  page: number;
  x0: number;
  x1: number;
  size: number;
}

/** A cell of a table read over pages; rows are numbered over all its parts. */
export interface LCell {
  r0: number;
  r1: number;
  x0: number;
  x1: number;
  lines: LLine[];
  openTop: boolean;
  openBottom: boolean;
}

/** Printed labels of the forms: a cell holding one of these is complete, never a cut piece. */
const LABEL_RE = new RegExp(
  `^(?:${[
    '项目名称',
    '项目性质',
    '项目属性',
    '项目类别',
    '主管部门',
    '主管单位',
    '实施单位',
    '项目单位',
    '计划(?:开始|完成|结束)(?:日期|时间)',
    '项目资金总额',
    '年度资金(?:申请)?总额',
    '(?:其中[：:])?财政资金',
    '(?:其中[：:])?当年财政拨款',
    '上年结转资金',
    '其他资金',
    '项目资金[（(]万?元[)）]',
    '项目总(?:体)?目标',
    '年度总体目标',
    '[一二三]级指标',
    '(?:成本|产出|效益|满意度|(?:经济|社会|生态环境)成本|数量|质量|时效|(?:经济|社会|生态)效益|可持续影响)指标',
    '(?:服务对象|社会公众(?:或服务对象)?)满意度指标',
  ].join('|')})$`,
);

const squash = (s: string) => s.replace(/\s+/g, '');
const textOf = (c: LCell) => squash(c.lines.map((l) => l.text).join(''));
const sameSpan = (a: LCell, b: LCell) => Math.abs(a.x0 - b.x0) <= 3 && Math.abs(a.x1 - b.x1) <= 3;

/** Whether a cell's last line fills its cell, so that its text may go on below. */
function endsFull(c: LCell): boolean {
  const last = c.lines[c.lines.length - 1];
  if (!last) return false;
  const pad = Math.max(0, Math.min(...c.lines.map((l) => l.x0 - c.x0)));
  const inner = c.x1 - c.x0 - 2 * pad;
  return last.x1 - last.x0 + last.size * 1.05 > inner;
}

function cellsOf(table: Table, page: number, offset: number): LCell[] {
  return table.cells.map((c) => ({
    r0: c.r0 + offset,
    r1: c.r1 + offset,
    x0: c.x0,
    x1: c.x1,
    lines: toLines(c.runs, oneSpace).map((l) => ({ text: l.text, page, x0: l.x0, x1: l.x1, size: l.size })),
    openTop: c.openTop,
    openBottom: c.openBottom,
  }));
}

/** Whether the first row of the next part is the rest of a row the break split. */
function isSplitRow(
  pairs: readonly [LCell, LCell][],
  bottom: readonly LCell[],
  top: readonly LCell[],
): boolean {
  if (pairs.length === 0 || pairs.length !== top.length || pairs.length !== bottom.length) return false;
  if (pairs.every(([a, b]) => a.openBottom && b.openTop)) return true;
  const both = pairs.filter(([a, b]) => textOf(a) !== '' && textOf(b) !== '');
  const finished = pairs.some(([a, b]) => textOf(a) !== '' && textOf(b) === '');
  return (
    finished &&
    both.length > 0 &&
    both.every(
      ([a, b]) =>
        (a.openBottom && b.openTop) ||
        (endsFull(a) && !LABEL_RE.test(textOf(a)) && !LABEL_RE.test(textOf(b))),
    )
  );
}

/** The cells of a table's parts (in page order), cut cells made whole, in reading order. */
export function joinCells(parts: readonly { table: Table; page: number }[]): LCell[] {
  const all: LCell[] = [];
  let offset = 0;
  for (const [k, { table, page }] of parts.entries()) {
    const bottom = k === 0 ? [] : all.filter((c) => c.r1 === offset - 1);
    const mine = cellsOf(table, page, offset);
    const top = mine.filter((c) => c.r0 === offset);
    const pairs: [LCell, LCell][] = [];
    for (const b of top) {
      const a = bottom.find((c) => sameSpan(c, b));
      if (a) pairs.push([a, b]);
    }
    const split = isSplitRow(pairs, bottom, top);
    const rows = table.ys.length - 1;
    // a split row is one row: the part's rows move up by one
    const shift = split ? 1 : 0;
    for (const c of mine) {
      c.r0 -= shift;
      c.r1 -= shift;
    }
    for (const [a, b] of pairs) {
      if (!split && !(a.openBottom && b.openTop)) continue;
      a.lines.push(...b.lines);
      a.r1 = Math.max(a.r1, b.r1);
      a.openBottom = b.openBottom;
      mine.splice(mine.indexOf(b), 1);
    }
    all.push(...mine);
    offset += rows - shift;
  }
  return all.sort((p, q) => p.r0 - q.r0 || p.x0 - q.x0);
}
