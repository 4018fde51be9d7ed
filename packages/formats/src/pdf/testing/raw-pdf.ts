/**
 * A second, hand-written PDF producer for tests, in the manner of the spreadsheet exports many
 * departments publish (Excel, WPS, budget-system report engines) rather than pdfmake:
 *
 * - a non-embedded 宋体 (STSong-Light) addressed through the predefined CMap UniGB-UCS2-H, so the
 *   reader needs pdfjs' CMap files to get the characters;
 * - each printed line one text operation; borders as thin filled rectangles, not stroked lines;
 * - cells vertically centred, rows never split; a merged cell that a page break cuts has no rule at
 *   the break and its text falls on both pages (a 绩效指标 label can start on one page and end on
 *   the next) — or, with `cutCells: 'boxed'`, is closed by a rule on each page and prints its text
 *   whole on the first, running out of its box past the rule when that part is too short;
 * - page numbers `- N -` at the foot;
 * - optionally, as report engines print them, a form's title lines again at the top of every page
 *   its tables go on to (`repeatTitles`), and a note line under the form's table on every page it
 *   stands on (`tableNote`: 注：金额单位为元。), so between a table and its continuation.
 *
 * A form is what follows a run of titles: its tables, up to the next paragraph or title.
 */
import type { Block, CellSpec, Row } from './layout.ts';

const W = 595.28;
const H = 841.89;

export interface RawOptions {
  margins?: { left: number; top: number; bottom: number };
  fontSize?: number;
  /** force a page break before row `row` of the `table`-th table (0-based), to cut a label */
  breakBefore?: (table: number, row: number) => boolean;
  /** draw no rules at all (a borderless table) */
  noRules?: boolean;
  /** `- N -` at the foot of each page (default true) */
  pageNumbers?: boolean;
  /** a slanted watermark across every page (公开) */
  watermark?: string;
  /**
   * a merged cell cut by a page break: `open` (default) — no rule at the break, its text over both
   * pages; `boxed` — a box on each page, all its text in the part on the first page (centred, or
   * from its top when the part is too short, running on past its bottom rule)
   */
  cutCells?: 'open' | 'boxed';
  /** print the form's titles (申报表, （2024 年度）) again at the top of each continuation page */
  repeatTitles?: boolean;
  /** a note printed under a form's table on every page (and after the form) */
  tableNote?: string;
}

interface PageOut {
  ops: string[];
}

/** Estimated width: ASCII half an em, everything else one em (as the font's /W says). */
function widthOf(s: string, size: number): number {
  let w = 0;
  for (const ch of s) w += (ch.codePointAt(0) ?? 0) < 0x80 ? 0.5 : 1;
  return w * size;
}

/** Greedy wrapping by characters, as spreadsheet cells wrap Chinese text. */
export function wrap(text: string, width: number, size: number): string[] {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const ch of para) {
      if (line !== '' && widthOf(line + ch, size) > width) {
        lines.push(line);
        line = '';
      }
      line += ch;
    }
    lines.push(line);
  }
  return lines.filter((l, i) => l !== '' || i === 0);
}

function hex(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0x3f;
    out += (c > 0xffff ? 0x3f : c).toString(16).padStart(4, '0');
  }
  return `<${out}>`;
}

/** Lays out blocks on A4 pages and returns the PDF bytes. */
export function renderRaw(blocks: readonly Block[], options: RawOptions = {}): Uint8Array {
  const m = options.margins ?? { left: 56, top: 64, bottom: 64 };
  const size = options.fontSize ?? 10.5;
  const note = options.tableNote;
  const noteLines = note ? wrap(note, W - 2 * m.left, size) : [];
  // room kept at the foot of a page for the note under a form's table
  const bottom = H - m.bottom - noteLines.length * size * 1.5;
  let tableNo = 0;
  const pages: PageOut[] = [{ ops: [] }];
  let y = m.top;
  const page = () => pages[pages.length - 1] as PageOut;
  /** the titles of the form being printed, and whether one of its table rows has been placed */
  let head: Block[] = [];
  let inForm = false;
  const putNote = () => {
    for (const l of noteLines) {
      text(page(), l, m.left, y + size * 0.25, size);
      y += size * 1.5;
    }
  };
  const newPage = () => {
    if (inForm) putNote();
    pages.push({ ops: [] });
    y = m.top;
    if (inForm && options.repeatTitles) for (const t of head) if (t.kind === 'title') putLines(t);
  };
  const text = (p: PageOut, s: string, x: number, top: number, sz: number) => {
    if (s === '') return;
    p.ops.push(
      `BT /F1 ${sz} Tf 1 0 0 1 ${x.toFixed(2)} ${(H - top - sz * 0.88).toFixed(2)} Tm ${hex(s)} Tj ET`,
    );
  };
  const contentWidth = W - 2 * m.left;
  function putLines(b: Block & { kind: 'title' | 'para' }) {
    const sz = b.kind === 'title' ? (b.size ?? size + 4) : size;
    const lh = sz * 1.5;
    const indent = b.kind === 'para' && b.indent ? 2 * sz : 0;
    const lines = wrap(b.text, contentWidth - indent, sz);
    lines.forEach((l, i) => {
      if (y + lh > bottom) newPage();
      const x = b.kind === 'title' ? (W - widthOf(l, sz)) / 2 : m.left + (i === 0 ? indent : 0);
      text(page(), l, x, y + (lh - sz) / 2, sz);
      y += lh;
    });
    if (b.kind === 'title') y += sz * 0.3;
  }
  const rule = (p: PageOut, x0: number, y0: number, x1: number, y1: number) => {
    if (options.noRules) return;
    const t = 0.5;
    if (y0 === y1)
      p.ops.push(`${x0.toFixed(2)} ${(H - y0 - t / 2).toFixed(2)} ${(x1 - x0).toFixed(2)} ${t} re f`);
    else p.ops.push(`${(x0 - t / 2).toFixed(2)} ${(H - y1).toFixed(2)} ${t} ${(y1 - y0).toFixed(2)} re f`);
  };
  for (const b of blocks) {
    if (b.kind !== 'table' && inForm) {
      // the form ends: its note under its last table
      putNote();
      inForm = false;
      head = [];
    }
    if (b.kind === 'pageBreak') newPage();
    else if (b.kind === 'title' || b.kind === 'para') {
      if (b.kind === 'title') head.push(b);
      else head = [];
      putLines(b);
    } else {
      const placed = layoutTable(b.widths, b.rows, b.size ?? size, m.left);
      // rows are never split: a row that does not fit starts the next page
      const rowPage: PageOut[] = [];
      const rowTop: number[] = [];
      const t = tableNo++;
      placed.heights.forEach((h, r) => {
        if ((y + h > bottom && y > m.top) || options.breakBefore?.(t, r)) newPage();
        if (head.length > 0) inForm = true;
        rowPage[r] = page();
        rowTop[r] = y;
        y += h;
      });
      const boxed = options.cutCells === 'boxed';
      for (const c of placed.cells) drawCell(c, placed, rowPage, rowTop, text, rule, boxed);
      y += size;
    }
  }
  if (inForm) putNote();
  pages.forEach((p, i) => {
    if (options.watermark)
      p.ops.unshift(`BT /F1 64 Tf 0.707 0.707 -0.707 0.707 200 300 Tm ${hex(options.watermark)} Tj ET`);
    if (options.pageNumbers === false) return;
    const label = `- ${i + 1} -`;
    text(p, label, (W - widthOf(label, 9)) / 2, H - m.bottom / 2, 9);
  });
  return serialize(pages);
}

interface PlacedCell {
  spec: CellSpec;
  r0: number;
  r1: number;
  x0: number;
  x1: number;
  lines: string[];
  size: number;
}

function layoutTable(widths: readonly number[], rows: readonly Row[], size: number, left: number) {
  const xs = [left];
  for (const w of widths) xs.push((xs[xs.length - 1] ?? left) + w);
  const lh = size * 1.4;
  const pad = 3;
  const cells: PlacedCell[] = [];
  rows.forEach((row, r) => {
    row.forEach((spec, c) => {
      if (!spec) return;
      const x0 = xs[c] ?? left;
      const x1 = xs[c + (spec.colSpan ?? 1)] ?? x0;
      cells.push({
        spec,
        r0: r,
        r1: r + (spec.rowSpan ?? 1) - 1,
        x0,
        x1,
        lines: wrap(spec.text, x1 - x0 - 2 * pad, size),
        size,
      });
    });
  });
  const heights = rows.map(() => lh + 2 * pad);
  for (const c of cells.filter((k) => k.r0 === k.r1)) {
    heights[c.r0] = Math.max(heights[c.r0] ?? 0, c.lines.length * lh + 2 * pad);
  }
  for (const c of cells.filter((k) => k.r1 > k.r0)) {
    const have = heights.slice(c.r0, c.r1 + 1).reduce((s, h) => s + h, 0);
    const need = c.lines.length * lh + 2 * pad;
    if (need > have) heights[c.r1] = (heights[c.r1] ?? 0) + need - have;
  }
  return { cells, heights, lh, pad };
}

type TextFn = (p: PageOut, s: string, x: number, top: number, sz: number) => void;
type RuleFn = (p: PageOut, x0: number, y0: number, x1: number, y1: number) => void;

function drawCell(
  c: PlacedCell,
  t: ReturnType<typeof layoutTable>,
  rowPage: readonly PageOut[],
  rowTop: readonly number[],
  text: TextFn,
  rule: RuleFn,
  boxed: boolean,
): void {
  // borders, page by page: no rule where the cell goes on over a page break (unless boxed)
  let r = c.r0;
  while (r <= c.r1) {
    const p = rowPage[r] as PageOut;
    let last = r;
    while (last + 1 <= c.r1 && rowPage[last + 1] === p) last++;
    const top = rowTop[r] ?? 0;
    const bot = (rowTop[last] ?? 0) + (t.heights[last] ?? 0);
    rule(p, c.x0, top, c.x0, bot);
    rule(p, c.x1, top, c.x1, bot);
    if (r === c.r0 || boxed) rule(p, c.x0, top, c.x1, top);
    if (last === c.r1 || boxed) rule(p, c.x0, bot, c.x1, bot);
    r = last + 1;
  }
  // text centred over the whole cell as if unbroken; each line drawn on the page it falls on (boxed:
  // centred in the part on the page of its first row, from its top when the part is too short)
  let end = c.r1;
  while (boxed && end > c.r0 && rowPage[end] !== rowPage[c.r0]) end--;
  const total = t.heights.slice(c.r0, end + 1).reduce((s, h) => s + h, 0);
  let offset = Math.max(boxed ? t.pad : 0, (total - c.lines.length * t.lh) / 2);
  for (const line of c.lines) {
    let k = c.r0;
    let at = offset + (t.lh - c.size) / 2;
    while (!boxed && k < c.r1 && at > (t.heights[k] ?? 0) - c.size * 0.5) {
      at -= t.heights[k] ?? 0;
      k++;
    }
    const w = widthOf(line, c.size);
    const align = c.spec.align ?? 'left';
    const x = align === 'left' ? c.x0 + t.pad : align === 'right' ? c.x1 - t.pad - w : (c.x0 + c.x1 - w) / 2;
    text(rowPage[k] as PageOut, line, x, (rowTop[k] ?? 0) + Math.max(0, at), c.size);
    offset += t.lh;
  }
}

function serialize(pages: readonly PageOut[]): Uint8Array {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  add('<< /Type /Catalog /Pages 2 0 R >>');
  const kids = pages.map((_, i) => `${6 + i * 2} 0 R`).join(' ');
  add(`<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`);
  add(
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] >>',
  );
  add(
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 5 0 R /DW 1000 /W [1 95 500 814 939 500] >>',
  );
  add(
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  );
  for (const [i, p] of pages.entries()) {
    const stream = p.ops.join('\n');
    add(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${W} ${H}] /Resources << /Font << /F1 3 0 R >> >> /Contents ${7 + i * 2} 0 R >>`,
    );
    add(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
  }
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}
