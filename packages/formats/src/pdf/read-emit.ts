/**
 * Pages (tables and free lines) → the text the core importer reads, in the printed reading order:
 * free lines one per printed line; a table cell by cell, top row first, each cell's wrapped lines
 * joined with nothing in between (a label written down the side, 项/目/类/别, becomes one word), the
 * single-row cells of a row on one line (`name value`), cells over several rows on lines of their own.
 * Tables that go on over a page break are read as one, and a cell cut by the break is made whole
 * again, so that a label or a wrapped name split over two pages reads as one. Page furniture, notes
 * printed under the tables on every page and form titles repeated on continuation pages are left
 * out (pageSkips); a summary paragraph printed after the forms is put before them (summaryFirst).
 */
import { displayWidth } from '@jixiao/core';
import type { Rules, TextRun } from './geometry.ts';
import { findTables, placeRuns, type Table } from './grid.ts';
import { oneSpace, type TextLine, toLines } from './grid-lines.ts';
import { joinCells, type LCell } from './read-join.ts';
import { FORM_TITLE_RE, SUMMARY_ANCHOR_RE } from './read-pages.ts';

/** One page, read: its tables (text placed in cells) and the lines outside them. */
export interface PageModel {
  /** 1-based page number */
  page: number;
  width: number;
  height: number;
  tables: Table[];
  free: TextLine[];
}

/** Text with, for every line, the page it was read from. */
export interface EmittedText {
  lines: string[];
  pages: number[];
}

/** Builds a page's model from its runs and rules. */
export function buildPage(
  page: number,
  width: number,
  height: number,
  runs: TextRun[],
  rules: Rules,
): PageModel {
  // A single ruled box around text is a frame, not a table: its text is read as free lines.
  const tables = findTables(rules).filter((t) => t.cells.length >= 2);
  const free = toLines(placeRuns(tables, runs), oneSpace);
  return { page, width, height, tables, free };
}

type Block = { kind: 'table'; table: Table; top: number } | { kind: 'line'; line: TextLine; top: number };

/** The year line under a form title: （2024 年度）. */
const YEAR_LINE_RE = /^[（(]\d{4}年度?[)）]$/;
/** A project's 项目经费情况说明 (or the chapter of that name). */
const EXPLANATION_HEAD_RE = /^.{0,60}项目经费情况说明$/;

const PAGE_NUMBER_RE =
  /^(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}|\d{1,4}\s*\/\s*\d{1,4})$/;

/** Headings that belong to the document, however often they repeat: a form's title and year line, a 说明's heading. */
function isHeading(text: string): boolean {
  const t = squash(text);
  return FORM_TITLE_RE.test(t) || YEAR_LINE_RE.test(t) || EXPLANATION_HEAD_RE.test(t);
}

/** A numbered heading (一、项目概述, （二）, 第三部分, 1.): text of its own, never a note. */
const NUMBERED_RE =
  /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|第[一二三四五六七八九十\d]+[章节部分]|\d+[.、．](?!\d))/;

/**
 * Page furniture: page numbers and running heads or feet (the same text at the same height on many
 * pages), in the top or bottom eighth of the page. They would otherwise stand between a table and
 * its continuation. A form's title is never furniture by repeating: forms that each start a page
 * print it at the same height on every one of those pages.
 */
export function furniture(pages: readonly PageModel[]): Set<TextLine> {
  const out = new Set<TextLine>();
  const seen = new Map<string, number>();
  const key = (l: TextLine) => `${Math.round(l.base / 3)}|${l.text.replace(/\d+/g, '#')}`;
  const margin = (p: PageModel, l: TextLine) => l.top < p.height / 8 || l.top > (p.height * 7) / 8;
  for (const p of pages)
    for (const l of p.free) if (margin(p, l)) seen.set(key(l), (seen.get(key(l)) ?? 0) + 1);
  for (const p of pages) {
    for (const l of p.free) {
      if (!margin(p, l)) continue;
      const repeated =
        pages.length >= 3 && (seen.get(key(l)) ?? 0) >= Math.max(3, pages.length / 2) && !isHeading(l.text);
      if (repeated || PAGE_NUMBER_RE.test(l.text.trim())) out.add(l);
    }
  }
  return out;
}

/** How many lines after a table may belong to a note under it. */
const NOTE_LINES = 3;

/**
 * Notes printed under a form's table on every page it stands on (注：金额单位为元。, a 填报说明 over two
 * lines): the lines right under a table whose texts come under tables more than once, not headings.
 * Where a page break cuts the table, they stand between its two parts.
 */
function tableNotes(pages: readonly PageModel[], skip: ReadonlySet<TextLine>): Set<TextLine> {
  const trailers: TextLine[][] = [];
  for (const p of pages) {
    const blocks = blocksOf(p, skip);
    blocks.forEach((b, i) => {
      if (b.kind !== 'table') return;
      const lines: TextLine[] = [];
      for (const x of blocks.slice(i + 1, i + 1 + NOTE_LINES)) {
        if (x.kind !== 'line') break;
        lines.push(x.line);
      }
      trailers.push(lines);
    });
  }
  const count = new Map<string, number>();
  for (const t of trailers)
    for (const k of new Set(t.map((l) => squash(l.text)))) count.set(k, (count.get(k) ?? 0) + 1);
  const out = new Set<TextLine>();
  for (const t of trailers) {
    for (const l of t) {
      const k = squash(l.text);
      // a run from the table down: the first line that is not a note ends it
      if ((count.get(k) ?? 0) < 2 || isHeading(k) || NUMBERED_RE.test(k) || SUMMARY_ANCHOR_RE.test(k)) break;
      out.add(l);
    }
  }
  return out;
}

/** Whether a table is the head of a form: its first cell is 项目名称. */
function startsForm(t: Table): boolean {
  const first = t.cells[0];
  return first !== undefined && /^项目名称/.test(squash(first.runs.map((r) => r.str).join('')));
}

/**
 * A form's title and year line printed again at the top of the pages its table goes on to (a
 * spreadsheet's print titles): head lines before a page's first table when that table continues the
 * one the page before ends with and is no form's head table.
 */
function repeatedHeads(pages: readonly PageModel[], skip: ReadonlySet<TextLine>): Set<TextLine> {
  const out = new Set<TextLine>();
  const byNo = new Map(pages.map((p) => [p.page, p]));
  for (const p of pages) {
    const before = byNo.get(p.page - 1);
    if (!before) continue;
    const last = blocksOf(before, skip).at(-1);
    if (last?.kind !== 'table') continue;
    const blocks = blocksOf(p, skip);
    const at = blocks.findIndex((b) => b.kind === 'table');
    const first = blocks[at];
    if (at < 1 || first?.kind !== 'table' || !continues(last.table, first.table) || startsForm(first.table))
      continue;
    const head = blocks.slice(0, at);
    const lines = head.flatMap((b) => (b.kind === 'line' ? [b.line] : []));
    if (lines.length === head.length && lines.some((l) => FORM_TITLE_RE.test(squash(l.text))))
      for (const l of lines) if (isHeading(l.text)) out.add(l);
  }
  return out;
}

/**
 * What is left out of the pages' text: furniture, notes under tables, repeated form heads — the
 * lines that would stand between a table and its continuation.
 */
export function pageSkips(pages: readonly PageModel[]): Set<TextLine> {
  const skip = furniture(pages);
  for (const l of tableNotes(pages, skip)) skip.add(l);
  for (const l of repeatedHeads(pages, skip)) skip.add(l);
  return skip;
}

function blocksOf(p: PageModel, skip: ReadonlySet<TextLine>): Block[] {
  const blocks: Block[] = [
    ...p.tables.map((table): Block => ({ kind: 'table', table, top: table.y0 })),
    ...p.free.filter((line) => !skip.has(line)).map((line): Block => ({ kind: 'line', line, top: line.top })),
  ];
  return blocks.sort((a, b) => a.top - b.top);
}

/** Whether `next` (first on its page) continues `prev` (last on the page before): same outer edges. */
function continues(prev: Table, next: Table): boolean {
  return Math.abs(prev.x0 - next.x0) <= 3 && Math.abs(prev.x1 - next.x1) <= 3;
}

/**
 * Whether the page after `here` holds the rest of a form that `here` ends with: `next` begins
 * (furniture left out) with a table that continues the table `here` ends with, or `here` ends with
 * a form's title (or its year line) and the rest of the form head — the year line, a 单位：元 note —
 * and its table were pushed onto `next`.
 */
export function runsOn(here: PageModel, next: PageModel, skip: ReadonlySet<TextLine>): boolean {
  const a = blocksOf(here, skip);
  const b = blocksOf(next, skip);
  const last = a[a.length - 1];
  if (!last) return false;
  if (last.kind === 'table') return b[0]?.kind === 'table' && continues(last.table, b[0].table);
  const text = last.line.text.replace(/\s+/g, '');
  if (!(YEAR_LINE_RE.test(text) || FORM_TITLE_RE.test(text))) return false;
  const table = b.findIndex((x) => x.kind === 'table');
  return (
    table >= 0 && table <= 3 && b.slice(0, table).every((x) => x.kind === 'line' && x.line.text.length <= 40)
  );
}

/** Emits the pages (in order) as text for the core importer. */
export function emitDocument(pages: readonly PageModel[]): EmittedText {
  const skip = pageSkips(pages);
  const out: EmittedText = { lines: [], pages: [] };
  const put = (text: string, page: number) => {
    out.lines.push(text);
    out.pages.push(page);
  };
  const perPage = pages.map((p) => blocksOf(p, skip));
  // Chain tables over page breaks: table → the tables that continue it on the following pages.
  const chains = new Map<Table, { table: Table; page: number }[]>();
  const continued = new Set<Table>();
  let open: { table: Table; page: number }[] | null = null;
  perPage.forEach((blocks, i) => {
    const p = pages[i];
    if (!p) return;
    const first = blocks[0];
    const tail = open?.[open.length - 1];
    if (open && tail?.page === p.page - 1 && first?.kind === 'table' && continues(tail.table, first.table)) {
      open.push({ table: first.table, page: p.page });
      continued.add(first.table);
    }
    const last = blocks[blocks.length - 1];
    if (last?.kind !== 'table') open = null;
    else if (!continued.has(last.table)) {
      open = [{ table: last.table, page: p.page }];
      chains.set(last.table, open);
    }
  });
  /** which lines of `out` are free lines (not from a table) */
  const free: boolean[] = [];
  perPage.forEach((blocks, i) => {
    const page = pages[i]?.page ?? 0;
    for (const b of blocks) {
      if (b.kind === 'line') {
        put(layoutText(b.line, pages[i]), page);
        free.push(true);
      } else if (!continued.has(b.table)) {
        emitTable(joinCells(chains.get(b.table) ?? [{ table: b.table, page }]), put);
        while (free.length < out.lines.length) free.push(false);
      }
    }
  });
  return summaryFirst(out, free);
}

/**
 * The summary paragraph put before the forms when the document prints it after them (at its end):
 * the importer reads it before the first 说明 or form. The paragraph is the free lines from the one
 * where 按照本市预算绩效管理工作的总体要求 begins up to the next table line or heading.
 */
function summaryFirst(text: EmittedText, free: readonly boolean[]): EmittedText {
  const heading = text.lines.findIndex((l, i) => free[i] && isHeading(l));
  if (heading < 0) return text;
  let joined = '';
  const starts: number[] = [];
  for (const l of text.lines) {
    starts.push(joined.length);
    joined += squash(l);
  }
  const m = SUMMARY_ANCHOR_RE.exec(joined.slice(starts[heading] ?? 0));
  if (!m) return text;
  const at = (starts[heading] ?? 0) + m.index;
  // the line the anchor's first character is on (empty lines before it start at the same place)
  let from = heading;
  while (from + 1 < starts.length && (starts[from + 1] ?? 0) <= at) from++;
  if (!free[from]) return text;
  let to = from + 1;
  while (
    to < text.lines.length &&
    free[to] &&
    !isHeading(text.lines[to] ?? '') &&
    !NUMBERED_RE.test(squash(text.lines[to] ?? ''))
  )
    to++;
  const move = <T>(xs: readonly T[]): T[] => [...xs.slice(from, to), ...xs.slice(0, from), ...xs.slice(to)];
  return { lines: move(text.lines), pages: move(text.pages) };
}

const OVERALL_RE = /^(?:项目总(?:体)?目标|中长期目标)(?:[（(][^）)]*[）)])?$/;
const ANNUAL_RE = /^(?:年度总体目标|年度目标)$/;
const squash = (s: string) => s.replace(/\s+/g, '');
const textOf = (c: LCell) => c.lines.map((l) => l.text).join('');
const pageOf = (c: LCell) => c.lines[0]?.page ?? 0;
/**
 * Labels of whole blocks of the form, printed down the side (绩/效/指/标): they hold no value, and
 * read as one word they would be taken for goal text or an indicator, so they are left out.
 */
const BLOCK_LABELS = new Set(['项目绩效目标', '绩效目标', '绩效指标', '项目绩效指标']);

function emitTable(cells: readonly LCell[], put: (text: string, page: number) => void): void {
  const consumed = new Set<LCell>();
  let inline: string[] = [];
  let inlinePage = 0;
  const flush = () => {
    if (inline.length > 0) put(inline.join(' '), inlinePage);
    inline = [];
  };
  let row = -1;
  for (const c of cells) {
    if (c.r0 !== row) {
      flush();
      row = c.r0;
    }
    if (consumed.has(c)) continue;
    const text = textOf(c);
    const key = squash(text);
    if (OVERALL_RE.test(key) || ANNUAL_RE.test(key)) {
      flush();
      emitGoals(c, cells, consumed, put);
      continue;
    }
    if (key === '' || BLOCK_LABELS.has(key)) continue;
    if (c.r1 > c.r0) {
      // a cell over several rows (a 一级 label, a label written down the side) stands on its own
      flush();
      put(text, pageOf(c));
    } else {
      if (inline.length === 0) inlinePage = pageOf(c);
      inline.push(text);
    }
  }
  flush();
}

/**
 * The goals: 项目总目标 and 年度总体目标 headings with their texts below (or to their right, in forms
 * that print the heading as a row label). Written so that the importer cannot mistake which text
 * is which: a text under one merged cell, or under only one heading, is given under that heading
 * alone; two texts side by side as columns, the second starting where its heading starts.
 */
function emitGoals(
  heading: LCell,
  cells: readonly LCell[],
  consumed: Set<LCell>,
  put: (text: string, page: number) => void,
): void {
  const isHeading = (c: LCell) => OVERALL_RE.test(squash(textOf(c))) || ANNUAL_RE.test(squash(textOf(c)));
  // the other heading: in the same row, or in the next rows (row-label forms)
  const headings = cells.filter(
    (c) => isHeading(c) && !consumed.has(c) && c.r0 >= heading.r0 && c.r0 <= heading.r1 + 3,
  );
  const overall = headings.find((c) => OVERALL_RE.test(squash(textOf(c))));
  const annual = headings.find((c) => ANNUAL_RE.test(squash(textOf(c))));
  const bodyOf = (h: LCell | undefined): LCell | undefined => {
    if (!h) return undefined;
    const right = cells.find((c) => c.r0 === h.r0 && c.x0 >= h.x1 - 3 && !isHeading(c));
    if (right && !headings.some((o) => o !== h && o.r0 === h.r0)) return right;
    const mid = (h.x0 + h.x1) / 2;
    return cells.find((c) => c.r0 === h.r1 + 1 && c.x0 <= mid && c.x1 >= mid);
  };
  const ob = bodyOf(overall);
  const ab = bodyOf(annual);
  for (const c of [overall, annual, ob, ab]) if (c) consumed.add(c);
  const page = pageOf(heading);
  const o = ob && ob !== ab ? textOf(ob).trim() : '';
  const a = ab ? textOf(ab).trim() : '';
  if (o !== '' && a !== '') {
    const col = Math.max(o.length, 5) + 4;
    put(`${'项目总目标'.padEnd(col)}年度总体目标`, page);
    put(`${o.padEnd(col)}${a}`, ob ? pageOf(ob) : page);
  } else if (o !== '') {
    put('项目总目标', page);
    put(o, ob ? pageOf(ob) : page);
  } else {
    put(a === '' ? '项目总目标 年度总体目标' : '年度总体目标', page);
    if (a !== '') put(a, ab ? pageOf(ab) : page);
  }
}

/**
 * A free line as `pdftotext -layout` would print it: runs at display columns of half an em from
 * the page's left text edge, so that a borderless table still reads by columns; word gaps are one
 * space, wider gaps at least two (the importer's cell separator).
 */
function layoutText(line: TextLine, page: PageModel | undefined): string {
  const left = page ? Math.min(...page.free.map((l) => l.x0)) : line.x0;
  const unit = line.size / 2 || 5;
  let text = '';
  let width = 0;
  let prev: TextRun | null = null;
  for (const r of line.runs) {
    const target = Math.max(0, Math.round((r.x0 - left) / unit));
    let pad = '';
    if (!prev) pad = ' '.repeat(target);
    else {
      const gap = r.x0 - prev.x1;
      if (gap >= line.size * 0.8) pad = ' '.repeat(Math.max(2, target - width));
      else pad = oneSpace(gap, line.size);
    }
    text += pad + r.str;
    width += pad.length + displayWidth(r.str);
    prev = r;
  }
  return text;
}
