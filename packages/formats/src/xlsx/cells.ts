/**
 * Cell values both ways, exactly. Money is written as an Excel number only when that number reads
 * back to the same fen (always, below 10^15 fen), otherwise as text; read back through its shortest
 * decimal text and `parseYuan` — string arithmetic, never `× 100`. Indicator numbers (`"4.00"`) are
 * written as numbers with a format showing the printed decimals, under the same exactness check.
 */
import { type Fen, fenToYuan, formatYuan, parseYuan } from '@jixiao/core';
import type { Cell, CellValue } from 'exceljs';

/** A cell's content after formulas, rich text and hyperlinks are unwrapped. */
export type Content =
  | { type: 'blank' }
  | { type: 'text'; text: string }
  | { type: 'number'; n: number; numFmt: string }
  | { type: 'date'; date: Date }
  | { type: 'other'; text: string };

/** The money number format of every amount cell. */
export const MONEY_FMT = '#,##0.00';

/** What a cell holds. A merged cell reads as its master (exceljs does that for `value`). */
export function contentOf(cell: Cell): Content {
  return unwrap(cell.value, cell.master.numFmt ?? cell.numFmt ?? '');
}

function unwrap(v: CellValue | undefined, numFmt: string): Content {
  if (v === null || v === undefined) return { type: 'blank' };
  if (typeof v === 'string') return v === '' ? { type: 'blank' } : { type: 'text', text: v };
  if (typeof v === 'number') return { type: 'number', n: v, numFmt };
  if (typeof v === 'boolean') return { type: 'other', text: v ? 'TRUE' : 'FALSE' };
  if (v instanceof Date) return { type: 'date', date: v };
  if ('richText' in v) return unwrap(v.richText.map((r) => r.text).join(''), numFmt);
  if ('hyperlink' in v) return unwrap(v.text as CellValue, numFmt);
  if ('formula' in v || 'sharedFormula' in v) return unwrap(v.result as CellValue, numFmt);
  if ('error' in v) return { type: 'other', text: String(v.error) };
  return { type: 'other', text: String(v) };
}

/** The text a reader sees: strings as they are, numbers as exact decimals, dates as ISO. */
export function contentText(c: Content): string {
  switch (c.type) {
    case 'blank':
      return '';
    case 'text':
    case 'other':
      return c.text;
    case 'number':
      return decimalOfNumber(c.n, c.numFmt) ?? String(c.n);
    case 'date':
      return isoOfDate(c.date);
  }
}

/** The text of a cell (see `contentText`). */
export function cellText(cell: Cell): string {
  return contentText(contentOf(cell));
}

/**
 * The decimal an Excel number stands for, as a string, exactly: its shortest round-trip text
 * (what the file stores), the point shifted for a percent format (`85%` is 0.85), padded to the
 * decimals the format shows (`4` under `0.00` is `"4.00"`, as the user sees it). `null` for values
 * printed in exponent notation, which no form holds.
 */
export function decimalOfNumber(n: number, numFmt = ''): string | null {
  if (!Number.isFinite(n)) return null;
  let s = String(n);
  if (/e/i.test(s)) return null;
  const section = numFmt.split(';')[0] ?? '';
  const percent = /%/.test(section.replace(/"[^"]*"/g, ''));
  if (percent) s = shiftPoint(s, 2);
  const shown = /\.(0+)/.exec(section)?.[1]?.length ?? 0;
  const [int = '0', frac = ''] = s.split('.');
  const digits = frac.length >= shown ? frac : frac.padEnd(shown, '0');
  return digits === '' ? int : `${int}.${digits}`;
}

/** Moves the decimal point of a plain decimal string `places` to the right. */
function shiftPoint(s: string, places: number): string {
  const neg = s.startsWith('-');
  const [int = '0', frac = ''] = (neg ? s.slice(1) : s).split('.');
  const padded = frac.padEnd(places, '0');
  const newInt = (int + padded.slice(0, places)).replace(/^0+(?=\d)/, '');
  const rest = padded.slice(places);
  return `${neg && /[1-9]/.test(newInt + rest) ? '-' : ''}${newInt}${rest ? `.${rest}` : ''}`;
}

/** `yyyy-mm-dd` of a date cell (exceljs gives dates at UTC midnight). */
export function isoOfDate(d: Date): string {
  const y = String(d.getUTCFullYear()).padStart(4, '0');
  return `${y}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** A money cell's value: a number when it reads back to exactly `fen`, else the printed text. */
export function moneyValue(fen: Fen | null): number | string | null {
  if (fen === null) return null;
  const n = Number(fenToYuan(fen));
  return fenOfNumber(n) === fen ? n : formatYuan(fen);
}

/** Fen of an Excel number, exactly; `null` if it has more than two decimals (or is not finite). */
export function fenOfNumber(n: number): Fen | null {
  const s = decimalOfNumber(n);
  return s === null ? null : parseYuan(s);
}

/**
 * Fen of a money cell: a number, or text like `5,850,000.00`, `5850000`, `5850000.00元`.
 * `undefined` when the content is not money (blank is `null`).
 */
export function fenOfContent(c: Content): Fen | null | undefined {
  if (c.type === 'blank') return null;
  if (c.type === 'number') return fenOfNumber(c.n) ?? undefined;
  if (c.type !== 'text') return undefined;
  const t = c.text.trim().replace(/\s*元$/, '');
  if (t === '') return null;
  return parseYuan(t) ?? undefined;
}

/** A decimal as a number cell with a format showing its decimals, when that reads back exactly. */
export function decimalCell(s: string): { value: number | string; numFmt?: string } {
  const n = Number(s);
  const decimals = /\.(\d+)$/.exec(s)?.[1]?.length ?? 0;
  const numFmt = decimals > 0 ? `0.${'0'.repeat(decimals)}` : '0';
  return /^-?\d+(\.\d+)?$/.test(s) && decimalOfNumber(n, numFmt) === s ? { value: n, numFmt } : { value: s };
}

/** The model's `Decimal`: `4.00`, `-1`, `007`. */
export const DECIMAL_RE = /^-?[0-9]+(\.[0-9]+)?$/;

/** An indicator number or a 万元 figure: `"4.00"`; `undefined` when not a plain decimal. */
export function decimalOfContent(c: Content): string | null | undefined {
  if (c.type === 'blank') return null;
  if (c.type === 'number') return decimalOfNumber(c.n, c.numFmt) ?? undefined;
  if (c.type !== 'text') return undefined;
  const t = c.text.trim().replaceAll(',', '');
  if (t === '') return null;
  return DECIMAL_RE.test(t) ? t : undefined;
}

/** A whole number (counts, years); `undefined` when not one. */
export function integerOfContent(c: Content): number | null | undefined {
  const d = decimalOfContent(c);
  if (d === null || d === undefined) return d;
  const m = /^(-?\d+)(?:\.0+)?$/.exec(d);
  const n = m ? Number(m[1]) : Number.NaN;
  return Number.isSafeInteger(n) ? n : undefined;
}

/**
 * An ISO date from a date cell or text `2024-01-01`, `2024/1/1`, `2024年1月1日`; `undefined` when
 * not a real calendar date.
 */
export function dateOfContent(c: Content): string | null | undefined {
  if (c.type === 'blank') return null;
  if (c.type === 'date') return Number.isNaN(c.date.getTime()) ? undefined : isoOfDate(c.date);
  if (c.type !== 'text') return undefined;
  const t = c.text.trim();
  if (t === '') return null;
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(t);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
    return undefined;
  return isoOfDate(date);
}

/** Column number (1-based) → letters: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** Code point ranges that display two columns wide (CJK, Hangul, full-width forms). */
const WIDE: readonly [number, number][] = [
  [0x1100, 0x115f],
  [0x2e80, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x20000, 0x3fffd],
];

/** Display width as in a terminal: CJK and full-width characters count 2 — for row heights. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    w += WIDE.some(([lo, hi]) => c >= lo && c <= hi) ? 2 : 1;
  }
  return w;
}

/** A row height (points) for `text` wrapped in a cell `width` characters wide. */
export function wrappedHeight(text: string, width: number, lineHeight = 15): number {
  const usable = Math.max(4, width - 2);
  let lines = 0;
  for (const para of text.split('\n')) lines += Math.max(1, Math.ceil(displayWidth(para) / usable));
  return Math.max(1, lines) * lineHeight + 4;
}
