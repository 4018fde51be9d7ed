/**
 * Ruled tables with merged cells for the PDF layout: measure every cell, derive row heights,
 * paginate by rows (a row marked splittable may also break between its lines), then draw each
 * page's part as a closed grid.
 *
 * A merged cell cut by a page break is drawn in each part as a box of its own, but its text is
 * printed once, as a word processor prints a merged cell: in the first part it fits in at full
 * size, and when it fits in none, in the tallest part with its lines pressed together; when even
 * that is too short, the cell starts on a new page, so that no text ever leaves its box. A row of
 * running text cut by a page break continues its lines in the next part. The header row is not
 * repeated on a continuation page: the printed forms do not repeat it either.
 */
import { type Align, type Flow, PAGE, PAGE_CONTENT_HEIGHT } from './layout-flow.ts';
import { breakLines } from './layout-text.ts';

export interface CellSpec {
  row: number;
  col: number;
  rowSpan?: number;
  colSpan?: number;
  text: string;
  /** default left */
  align?: Align;
  /** default middle */
  valign?: 'top' | 'middle';
  /** one character per line, for the narrow merged labels */
  vertical?: boolean;
  /** spread full lines to the cell's width (long running text) */
  justify?: boolean;
}

export interface TableSpec {
  /** column widths in points, borders included; they add up to the text area's width */
  widths: number[];
  rows: number;
  /** in reading order: row by row, left to right */
  cells: CellSpec[];
  /** ranges [start, end) of rows kept on one page whenever they fit on one */
  keep?: [number, number][];
  /** rows that may break between their lines across pages (long running text) */
  splittable?: number[];
}

/** Font size, padding and border width of every form table. */
export const CELL = { size: 10.5, padX: 4, padY: 3 } as const;

interface Measured {
  spec: TableSpec;
  lines: string[][];
  heights: number[];
  lineBox: number;
}

/** A horizontal slice of one row on one page: the whole row, or some of its lines. */
interface Slice {
  row: number;
  y: number;
  h: number;
  /** first line of the row's cells shown in this slice, and the end (exclusive) */
  from: number;
  to: number;
}

interface Part {
  page: number;
  slices: Slice[];
}

/** Cells' lines and the rows' heights. A merged cell that needs more room grows its last row. */
export function measureTable(flow: Flow, spec: TableSpec): Measured {
  const lineBox = flow.lineBox(CELL.size);
  const lines = spec.cells.map((c) => {
    if (c.vertical) return [...c.text];
    const width = colsWidth(spec, c) - 2 * CELL.padX;
    return breakLines(flow.metrics, c.text, width, CELL.size);
  });
  const need = (i: number) => Math.max(1, lines[i]!.length) * lineBox + 2 * CELL.padY;
  const heights: number[] = Array.from({ length: spec.rows }, () => lineBox + 2 * CELL.padY);
  const order = spec.cells.map((_, i) => i).sort((a, b) => span(spec.cells[a]!) - span(spec.cells[b]!));
  for (const i of order) {
    const c = spec.cells[i]!;
    const rows = heights.slice(c.row, c.row + span(c));
    const have = rows.reduce((a, b) => a + b, 0);
    const last = c.row + span(c) - 1;
    if (need(i) > have) heights[last] = heights[last]! + need(i) - have;
  }
  return { spec, lines, heights, lineBox };
}

/** Total height of a measured table. */
export function tableHeight(m: Measured): number {
  return m.heights.reduce((a, b) => a + b, 0);
}

function span(c: CellSpec): number {
  return c.rowSpan ?? 1;
}

function colsWidth(spec: TableSpec, c: CellSpec): number {
  let w = 0;
  for (let k = c.col; k < c.col + (c.colSpan ?? 1); k++) w += spec.widths[k]!;
  return w;
}

function colX(spec: TableSpec, col: number): number {
  let x = PAGE.left;
  for (let k = 0; k < col; k++) x += spec.widths[k]!;
  return x;
}

/**
 * Places a measured table at the flow's cursor, breaking pages as needed, and draws it. A merged
 * cell that a page break leaves with no part tall enough for its text, even with its lines pressed
 * together (项目绩效目标 down the side of a goals table cut after its heading row), would print its
 * text out of its box, across the table's bottom rule into the margin: such a cell starts a new
 * page instead, and the table is paginated again.
 */
export function placeTable(flow: Flow, m: Measured): void {
  const start = flow.mark();
  const breaks = new Set<number>();
  let parts = paginate(flow, m, breaks);
  for (let row = crampedRow(m, parts); row !== null && !breaks.has(row); row = crampedRow(m, parts)) {
    breaks.add(row);
    flow.rewind(start);
    parts = paginate(flow, m, breaks);
  }
  drawParts(flow, m, parts);
}

/** The first row of a merged cell whose text does not fit in the part it is printed in, or null. */
function crampedRow(m: Measured, parts: Part[]): number | null {
  for (const [i, c] of m.spec.cells.entries()) {
    if (span(c) === 1) continue;
    const { chosen, press } = placement(m, parts, i);
    const count = m.lines[i]!.length;
    if (count > 0 && chosen.some((p) => lineStep(m, count, p, press).overflow)) return c.row;
  }
  return null;
}

/** The most lines any single-row cell of `row` has: what a splittable row breaks between. */
function rowLines(m: Measured, row: number): number {
  let n = 0;
  m.spec.cells.forEach((c, i) => {
    if (c.row === row && span(c) === 1) n = Math.max(n, m.lines[i]!.length);
  });
  return n;
}

/** Paginates the rows; each row in `breaks` starts a new page (unless it comes at the top of one). */
function paginate(flow: Flow, m: Measured, breaks: ReadonlySet<number>): Part[] {
  const { spec, heights } = m;
  const splittable = new Set(spec.splittable ?? []);
  const parts: Part[] = [];
  const place = (row: number, h: number, from = 0, to = Number.POSITIVE_INFINITY) => {
    const page = flow.pageIndex;
    let part = parts[parts.length - 1];
    if (part === undefined || part.page !== page) {
      part = { page, slices: [] };
      parts.push(part);
    }
    part.slices.push({ row, y: flow.y, h, from, to });
    flow.y += h;
  };
  // The least of a row that may end a page: two lines of a splittable row, else all of it.
  const minimum = (row: number) =>
    splittable.has(row) ? Math.min(heights[row]!, 2 * m.lineBox + 2 * CELL.padY) : heights[row]!;

  for (const [start, end] of groups(spec)) {
    const h = heights.slice(start, end).reduce((a, b) => a + b, 0);
    const flexible = heights.slice(start, end).some((_, k) => splittable.has(start + k));
    if (!flexible && h > flow.remaining + 1e-6 && h <= PAGE_CONTENT_HEIGHT) flow.ensure(h);
    for (let r = start; r < end; r++) {
      if (breaks.has(r) && !flow.atTop) flow.newPage();
      // What must come along on this page: the rest of the group's next row, or the first lines
      // of a splittable row that follows (a header never ends a page alone).
      const next = r + 1 < end || splittable.has(r + 1) ? minimum(r + 1) : 0;
      if (heights[r]! + next <= flow.remaining + 1e-6) {
        place(r, heights[r]!);
        continue;
      }
      if (!splittable.has(r)) {
        flow.ensure(heights[r]! + next);
        place(r, heights[r]!);
        continue;
      }
      // Break the row between its lines, filling each page.
      const total = rowLines(m, r);
      const extra = heights[r]! - (total * m.lineBox + 2 * CELL.padY);
      let from = 0;
      for (;;) {
        const restH = (total - from) * m.lineBox + 2 * CELL.padY + extra;
        if (restH + next <= flow.remaining + 1e-6) {
          place(r, restH, from, total);
          break;
        }
        const fit = Math.floor((flow.remaining - 2 * CELL.padY + 1e-6) / m.lineBox);
        if (fit < Math.min(2, total - from) || (fit >= total - from && !flow.atTop)) {
          if (flow.atTop) {
            // Not even two lines fit on an empty page (cannot happen at A4 sizes): place all.
            place(r, restH, from, total);
            break;
          }
          flow.newPage();
          continue;
        }
        const take = Math.min(fit, total - from);
        place(r, take * m.lineBox + 2 * CELL.padY, from, from + take);
        from += take;
        if (from >= total) break;
        flow.newPage();
      }
    }
  }
  return parts;
}

/** Rows grouped for keeping together: the `keep` ranges, every other row alone. */
function groups(spec: TableSpec): [number, number][] {
  const out: [number, number][] = [];
  const keep = [...(spec.keep ?? [])].sort((a, b) => a[0] - b[0]);
  let r = 0;
  for (const [start, end] of keep) {
    for (; r < start; r++) out.push([r, r + 1]);
    if (end > r) out.push([Math.max(start, r), end]);
    r = Math.max(r, end);
  }
  for (; r < spec.rows; r++) out.push([r, r + 1]);
  return out;
}

/** Where a cell lies in one part: its box, and whether its rows are cut there. */
interface Portion {
  part: number;
  top: number;
  bottom: number;
  /** the part holds all of the cell (all its rows, all their lines) */
  whole: boolean;
  /** the slice of a single-row cell in a row broken between lines */
  slice: Slice | null;
}

function portions(m: Measured, parts: Part[], c: CellSpec): Portion[] {
  const last = c.row + span(c) - 1;
  const out: Portion[] = [];
  parts.forEach((part, p) => {
    const inside = part.slices.filter((s) => s.row >= c.row && s.row <= last);
    const first = inside[0];
    const end = inside[inside.length - 1];
    if (first === undefined || end === undefined) return;
    const rowsHere = new Set(inside.map((s) => s.row));
    const whole =
      rowsHere.size === span(c) && inside.every((s) => s.from === 0 && s.to >= rowLines(m, s.row));
    const slice = span(c) === 1 && inside.length === 1 && !whole ? first : null;
    out.push({ part: p, top: first.y, bottom: end.y + end.h, whole, slice });
  });
  return out;
}

/** One cell's text to draw in one part. */
interface Drawn {
  part: number;
  page: number;
  /** the cell's index, for reading order */
  i: number;
  c: CellSpec;
  p: Portion;
  lines: string[];
  /** index of `lines[0]` among the cell's lines, and their count */
  first: number;
  total: number;
  /** squeeze the lines into a part too short for them */
  press: boolean;
}

function drawParts(flow: Flow, m: Measured, parts: Part[]): void {
  const { spec } = m;
  const tableRight = PAGE.left + spec.widths.reduce((a, b) => a + b, 0);
  const above = flow.tableEnd;
  parts.forEach((part, p) => {
    const page = flow.pages[part.page]!;
    const top = part.slices[0]!.y;
    const last = part.slices[part.slices.length - 1]!;
    const shared = p === 0 && above !== null && above.page === part.page && Math.abs(above.y - top) < 1e-6;
    if (!shared) page.rules.push({ x1: PAGE.left, y1: top, x2: tableRight, y2: top });
    page.rules.push({ x1: PAGE.left, y1: top, x2: PAGE.left, y2: last.y + last.h });
  });
  const end = parts[parts.length - 1];
  const endSlice = end?.slices[end.slices.length - 1];
  flow.tableEnd = end && endSlice ? { page: end.page, y: endSlice.y + endSlice.h } : null;
  // Cells in reading order, so the text of each page comes out row by row, left to right.
  const drawn: Drawn[] = [];
  spec.cells.forEach((c, i) => {
    const lines = m.lines[i]!;
    const { ps, chosen, press } = placement(m, parts, i);
    for (const p of ps) {
      const x = colX(spec, c.col);
      const w = colsWidth(spec, c);
      flow.pages[parts[p.part]!.page]!.rules.push(
        { x1: x, y1: p.bottom, x2: x + w, y2: p.bottom },
        { x1: x + w, y1: p.top, x2: x + w, y2: p.bottom },
      );
    }
    for (const p of chosen) {
      const first = p.slice === null ? 0 : p.slice.from;
      const shown = p.slice === null ? lines : lines.slice(p.slice.from, p.slice.to);
      const pageIndex = parts[p.part]!.page;
      drawn.push({ part: p.part, page: pageIndex, i, c, p, lines: shown, first, total: lines.length, press });
    }
  });
  // Emit part by part, so a page's text is in reading order even when a table spans pages.
  drawn.sort((a, b) => a.part - b.part || a.i - b.i);
  for (const d of drawn) drawCellText(flow, m, d);
}

/**
 * The parts a cell's text is printed in: a row of running text shows its lines part by part; any
 * other cell shows its text once, in the first part it fits in, else in the tallest one with its
 * lines pressed together.
 */
function placement(
  m: Measured,
  parts: Part[],
  i: number,
): { ps: Portion[]; chosen: Portion[]; press: boolean } {
  const ps = portions(m, parts, m.spec.cells[i]!);
  const need = m.lines[i]!.length * m.lineBox + 2 * CELL.padY;
  const sliced = ps.filter((p) => p.slice !== null);
  if (sliced.length > 0) return { ps, chosen: sliced, press: false };
  const fits = ps.find((p) => p.whole || p.bottom - p.top + 1e-6 >= need);
  const tallest = ps.reduce<Portion | undefined>(
    (a, b) => (a && a.bottom - a.top >= b.bottom - b.top ? a : b),
    undefined,
  );
  const one = fits ?? tallest;
  return { ps, chosen: one ? [one] : [], press: fits === undefined };
}

/** How `count` lines sit in a part: the distance between them, the height they take, and the room. */
function lineStep(m: Measured, count: number, p: Portion, press: boolean) {
  const inner = p.bottom - p.top - 2 * CELL.padY;
  const step = press ? Math.max(CELL.size, Math.min(m.lineBox, inner / count)) : m.lineBox;
  const block = (count - 1) * step + m.lineBox;
  return { inner, step, block, overflow: block > inner + 1e-6 };
}

function drawCellText(flow: Flow, m: Measured, d: Drawn): void {
  const { c, p, lines, press } = d;
  if (lines.length === 0) return;
  const x = colX(m.spec, c.col) + CELL.padX;
  const w = colsWidth(m.spec, c) - 2 * CELL.padX;
  const { inner, step, block } = lineStep(m, lines.length, p, press);
  const topAligned = (c.valign ?? 'middle') === 'top' || p.slice !== null;
  let y = topAligned ? p.top + CELL.padY : p.top + CELL.padY + Math.max(0, (inner - block) / 2);
  const page = flow.pages[d.page]!;
  lines.forEach((line, k) => {
    // The last line of the cell's text is never spread, wherever a page break cut the cell.
    const justify = (c.justify ?? false) && d.first + k < d.total - 1;
    flow.text(line, x, y, w, CELL.size, false, c.align ?? 'left', justify, page);
    y += step;
  });
}
