/**
 * Tables from ruling lines: the grid of a table, its (merged) cells, and which text lies in which
 * cell. A merged cell is found where the rule between two grid boxes is missing, so merges need no
 * knowledge of the form; a cell's lines are read top to bottom and joined by the caller.
 */
import type { Rule, Rules, TextRun } from './geometry.ts';
import { oneSpace, toLines } from './grid-lines.ts';

/** One cell of a table: grid rows `r0..r1` and columns `c0..c1` (inclusive), its box and text. */
export interface Cell {
  r0: number;
  r1: number;
  c0: number;
  c1: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  runs: TextRun[];
  /** no rule along the top (bottom) edge: at a page break the cell goes on across it */
  openTop: boolean;
  openBottom: boolean;
}

/** A ruled table: its grid and its cells. */
export interface Table {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  /** grid line positions, ascending */
  xs: number[];
  ys: number[];
  /** cells in reading order (by top row, then left column) */
  cells: Cell[];
  /** `box[row][col]` → index into `cells` */
  box: number[][];
}

/** Rules closer than this (points) are the same grid line: double borders, half-pixel offsets. */
const TOL = 2.5;
/** A boundary counts as drawn when rules cover this share of it. */
const COVERED = 0.5;

/** Collinear rules that touch or overlap become one. */
function mergeRules(rules: readonly Rule[]): Rule[] {
  const sorted = [...rules].sort((p, q) => p.at - q.at || p.a - q.a);
  const out: Rule[] = [];
  let run: Rule[] = [];
  const flush = () => {
    run.sort((p, q) => p.a - q.a);
    let cur: Rule | null = null;
    for (const r of run) {
      if (cur && r.a <= cur.b + 2) cur.b = Math.max(cur.b, r.b);
      else {
        if (cur) out.push(cur);
        cur = { ...r };
      }
    }
    if (cur) out.push(cur);
    run = [];
  };
  for (const r of sorted) {
    if (run.length > 0 && r.at - (run[0]?.at ?? 0) > 1.5) flush();
    run.push(r);
  }
  flush();
  return out;
}

function cluster(values: number[]): number[] {
  values.sort((a, b) => a - b);
  const out: number[] = [];
  let group: number[] = [];
  for (const v of values) {
    if (group.length > 0 && v - (group[0] ?? v) > TOL) {
      out.push(group.reduce((s, x) => s + x, 0) / group.length);
      group = [];
    }
    group.push(v);
  }
  if (group.length > 0) out.push(group.reduce((s, x) => s + x, 0) / group.length);
  return out;
}

/** How much of `[a, b]` the rules (at a line position) cover, as a share. */
function coverage(rules: readonly Rule[], a: number, b: number): number {
  if (b <= a) return 1;
  let sum = 0;
  for (const r of rules) sum += Math.max(0, Math.min(b, r.b) - Math.max(a, r.a));
  return sum / (b - a);
}

/** Tables on a page: connected sets of horizontal and vertical rules that make at least two cells. */
export function findTables(rules: Rules): Table[] {
  const h = mergeRules(rules.h);
  const v = mergeRules(rules.v);
  const parent = Array.from({ length: h.length + v.length }, (_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] ?? r;
    let c = i;
    while (parent[c] !== r) {
      const n = parent[c] ?? r;
      parent[c] = r;
      c = n;
    }
    return r;
  };
  h.forEach((hr, i) => {
    v.forEach((vr, j) => {
      if (vr.at >= hr.a - 3 && vr.at <= hr.b + 3 && hr.at >= vr.a - 3 && hr.at <= vr.b + 3)
        parent[find(i)] = find(h.length + j);
    });
  });
  const groups = new Map<number, { h: Rule[]; v: Rule[] }>();
  const groupOf = (i: number) => {
    const root = find(i);
    let g = groups.get(root);
    if (!g) {
      g = { h: [], v: [] };
      groups.set(root, g);
    }
    return g;
  };
  h.forEach((r, i) => {
    groupOf(i).h.push(r);
  });
  v.forEach((r, j) => {
    groupOf(h.length + j).v.push(r);
  });
  adoptLoneRules([...groups.values()]);
  const tables: Table[] = [];
  for (const g of groups.values()) {
    if (g.h.length < 1 || g.v.length < 1 || g.h.length + g.v.length < 4) continue;
    const t = buildTable(g.h, g.v);
    if (t) tables.push(t);
  }
  return tables.sort((p, q) => p.y0 - q.y0 || p.x0 - q.x0);
}

/**
 * A vertical rule that touches no horizontal one, running the full height of a table beside it,
 * belongs to that table: the page in the middle of a long table where label columns (绩效指标, a
 * 一级 label) span every row of the page has no rule across those columns at all.
 */
function adoptLoneRules(groups: { h: Rule[]; v: Rule[] }[]): void {
  const tables = groups
    .filter((g) => g.h.length > 0 && g.v.length > 0)
    .map((g) => ({
      g,
      top: Math.min(...g.v.map((r) => r.a)),
      bottom: Math.max(...g.v.map((r) => r.b)),
      left: Math.min(...g.h.map((r) => r.a)),
      right: Math.max(...g.h.map((r) => r.b)),
    }));
  for (const lone of groups) {
    if (lone.h.length > 0) continue;
    for (const r of lone.v.splice(0)) {
      const t = tables.find(
        (k) =>
          Math.abs(r.a - k.top) <= TOL &&
          Math.abs(r.b - k.bottom) <= TOL &&
          r.at > k.left - (k.right - k.left) &&
          r.at < k.right + (k.right - k.left),
      );
      if (t) t.g.v.push(r);
      else lone.v.push(r);
    }
  }
}

function buildTable(h: Rule[], v: Rule[]): Table | null {
  // The table's outer edges count as grid lines even where no rule is drawn along them (a table
  // continued from the previous page has no top rule over the cells that go on).
  const xs = cluster([...v.map((r) => r.at), Math.min(...h.map((r) => r.a)), Math.max(...h.map((r) => r.b))]);
  const ys = cluster([...h.map((r) => r.at), Math.min(...v.map((r) => r.a)), Math.max(...v.map((r) => r.b))]);
  const nr = ys.length - 1;
  const nc = xs.length - 1;
  if (nr < 1 || nc < 1) return null;
  const near = (rules: Rule[], pos: number) => rules.filter((r) => Math.abs(r.at - pos) <= TOL);
  const vAt = xs.map((x) => near(v, x));
  const hAt = ys.map((y) => near(h, y));
  const vDrawn = (row: number, col: number) =>
    coverage(vAt[col] ?? [], ys[row] ?? 0, ys[row + 1] ?? 0) >= COVERED;
  const hDrawn = (row: number, col: number) =>
    coverage(hAt[row] ?? [], xs[col] ?? 0, xs[col + 1] ?? 0) >= COVERED;

  const parent = Array.from({ length: nr * nc }, (_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] ?? r;
    parent[i] = r;
    return r;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  for (let i = 0; i < nr; i++) {
    for (let j = 0; j < nc; j++) {
      if (j + 1 < nc && !vDrawn(i, j + 1)) union(i * nc + j, i * nc + j + 1);
      if (i + 1 < nr && !hDrawn(i + 1, j)) union(i * nc + j, (i + 1) * nc + j);
    }
  }
  const byRoot = new Map<number, number>();
  const box: number[][] = [];
  const cells: Cell[] = [];
  for (let i = 0; i < nr; i++) {
    const row: number[] = [];
    for (let j = 0; j < nc; j++) {
      const root = find(i * nc + j);
      let k = byRoot.get(root);
      if (k === undefined) {
        k = cells.length;
        byRoot.set(root, k);
        cells.push({
          r0: i,
          r1: i,
          c0: j,
          c1: j,
          x0: 0,
          x1: 0,
          y0: 0,
          y1: 0,
          runs: [],
          openTop: false,
          openBottom: false,
        });
      }
      const c = cells[k] as Cell;
      c.r0 = Math.min(c.r0, i);
      c.r1 = Math.max(c.r1, i);
      c.c0 = Math.min(c.c0, j);
      c.c1 = Math.max(c.c1, j);
      row.push(k);
    }
    box.push(row);
  }
  for (const c of cells) {
    c.x0 = xs[c.c0] ?? 0;
    c.x1 = xs[c.c1 + 1] ?? 0;
    c.y0 = ys[c.r0] ?? 0;
    c.y1 = ys[c.r1 + 1] ?? 0;
    c.openTop = coverage(hAt[c.r0] ?? [], c.x0, c.x1) < COVERED;
    c.openBottom = coverage(hAt[c.r1 + 1] ?? [], c.x0, c.x1) < COVERED;
  }
  const first = xs[0] ?? 0;
  const last = xs[nc] ?? 0;
  return { x0: first, x1: last, y0: ys[0] ?? 0, y1: ys[nr] ?? 0, xs, ys, cells, box };
}

function indexIn(lines: readonly number[], pos: number): number {
  // the grid box [lines[k], lines[k+1]) holding pos, or -1
  if (pos < (lines[0] ?? 0) || pos > (lines[lines.length - 1] ?? 0)) return -1;
  let lo = 0;
  let hi = lines.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lines[mid] ?? 0) <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The cell holding a point, or null. */
export function cellAt(t: Table, x: number, y: number): Cell | null {
  const i = indexIn(t.ys, y);
  const j = indexIn(t.xs, x);
  if (i < 0 || j < 0) return null;
  const k = t.box[i]?.[j];
  return k === undefined ? null : (t.cells[k] ?? null);
}

/**
 * Puts each run into the cell that holds its centre; returns the runs outside every table. A run
 * that crosses a drawn column boundary (a producer that wrote two cells in one text operation) is
 * first cut there. Runs outside every table are then given to a cell whose text they are, spilled
 * over the table's edge (spilledInto), once the cells hold the runs inside them.
 */
export function placeRuns(tables: readonly Table[], runs: readonly TextRun[]): TextRun[] {
  const free: TextRun[] = [];
  let outside: TextRun[] = [];
  for (const run of runs) {
    const cy = (run.top + run.bottom) / 2;
    const t = tables.find((tb) => cy >= tb.y0 && cy <= tb.y1 && run.x1 > tb.x0 && run.x0 < tb.x1);
    if (!t) {
      outside.push(run);
      continue;
    }
    for (const piece of cutAtColumns(t, run, cy)) {
      const c = cellAt(t, (piece.x0 + piece.x1) / 2, cy);
      if (c) c.runs.push(piece);
      else free.push(piece);
    }
  }
  // nearest the tables first: a run taken in may be what the next one continues
  outside.sort((p, q) => edgeDistance(tables, p) - edgeDistance(tables, q));
  for (let taken = true; taken && outside.length > 0; ) {
    taken = false;
    const left: TextRun[] = [];
    for (const run of outside) {
      const cell = spilledInto(tables, run);
      if (cell) {
        cell.runs.push(run);
        taken = true;
      } else left.push(run);
    }
    outside = left;
  }
  return [...free, ...outside];
}

/** How far a run's centre is above or below the nearest table. */
function edgeDistance(tables: readonly Table[], run: TextRun): number {
  const cy = (run.top + run.bottom) / 2;
  let d = Number.POSITIVE_INFINITY;
  for (const t of tables) d = Math.min(d, Math.max(t.y0 - cy, cy - t.y1, 0));
  return d;
}

/**
 * The cell a run just outside a table belongs to. A merged cell cut by a page break is printed as
 * if whole, so its centred text can stand a line below the table's last rule (or above its first)
 * where the cell is open. And a producer that prints a cut label whole in the part too short for it
 * lets it run out of its closed box: the characters of a label written down the side go on past
 * the rule, one under the other (stackGoesOn).
 */
function spilledInto(tables: readonly Table[], run: TextRun): Cell | null {
  const cy = (run.top + run.bottom) / 2;
  for (const t of tables) {
    const below = cy > t.y1;
    if (!below && cy >= t.y0) continue;
    const edge = below ? t.y1 - 0.5 : t.y0 + 0.5;
    const c = cellAt(t, (run.x0 + run.x1) / 2, edge);
    if (!c) continue;
    const near = below ? cy - t.y1 <= run.size : t.y0 - cy <= run.size;
    // text of the cell stays within its column; a line across columns (a note under the table) is not its
    const within = run.x0 >= c.x0 - run.size / 2 && run.x1 <= c.x1 + run.size / 2;
    if (near && within && (below ? c.openBottom : c.openTop)) return c;
    if (stackGoesOn(c, run, below)) return c;
  }
  return null;
}

/**
 * Whether `run`, beyond the cell's bottom (`below`) or top edge, is the next character of a label
 * written down the side in that cell: one character, in the column of the cell's character nearest
 * that edge, one line further on, at the size of the label and at the pitch of its characters; and
 * the first one past the rule stands close to it (text placed after a table keeps its distance).
 */
function stackGoesOn(c: Cell, run: TextRun, below: boolean): boolean {
  if (run.rotated || [...run.str.trim()].length !== 1) return false;
  const stack = toLines(c.runs, oneSpace)
    .filter((l) => [...l.text.trim()].length === 1)
    .sort((p, q) => p.base - q.base);
  if (!below) stack.reverse();
  // the label's characters nearest the edge: the last one, and the one before it
  const last = stack[stack.length - 1];
  const before = stack[stack.length - 2];
  if (!last || Math.abs(last.size - run.size) > run.size * 0.1) return false;
  const centre = (l: { x0: number; x1: number }) => (l.x0 + l.x1) / 2;
  if (Math.abs(centre(last) - centre(run)) > run.size * 0.3) return false;
  const step = below ? run.base - last.base : last.base - run.base;
  if (step < run.size * 0.9 || step > run.size * 1.6) return false;
  if (before && Math.abs(Math.abs(last.base - before.base) - step) > run.size * 0.2) return false;
  const lastOut = below ? last.base > c.y1 : last.base < c.y0;
  const gap = below ? run.top - c.y1 : c.y0 - run.bottom;
  return lastOut || gap <= run.size * 0.5;
}

/** Estimated advance of a character in ems: CJK and full-width forms 1, others about half. */
function advance(ch: string): number {
  const c = ch.codePointAt(0) ?? 0;
  return c >= 0x2e80 || (c >= 0x1100 && c <= 0x115f) ? 1 : 0.55;
}

function cutAtColumns(t: Table, run: TextRun, cy: number): TextRun[] {
  const chars = [...run.str];
  if (run.rotated || chars.length < 2) return [run];
  const row = indexIn(t.ys, cy);
  const cuts = t.xs.filter((x, j) => {
    if (x <= run.x0 + run.size * 0.3 || x >= run.x1 - run.size * 0.3) return false;
    const left = t.box[row]?.[j - 1];
    const right = t.box[row]?.[j];
    return left !== undefined && right !== undefined && left !== right;
  });
  if (cuts.length === 0) return [run];
  const units = chars.map(advance);
  const total = units.reduce((s, u) => s + u, 0);
  const scale = (run.x1 - run.x0) / total;
  const out: TextRun[] = [];
  let from = 0;
  let pos = run.x0;
  let startX = run.x0;
  let k = 0;
  for (const cut of cuts) {
    while (k < chars.length && pos + (units[k] ?? 0) * scale * 0.5 < cut) {
      pos += (units[k] ?? 0) * scale;
      k++;
    }
    if (k > from) out.push({ ...run, str: chars.slice(from, k).join(''), x0: startX, x1: pos });
    from = k;
    startX = pos;
  }
  if (from < chars.length) out.push({ ...run, str: chars.slice(from).join(''), x0: startX, x1: run.x1 });
  return out.map((r) => ({ ...r, str: r.str.trim() })).filter((r) => r.str !== '');
}
