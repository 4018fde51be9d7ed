/** Cell styles shared by the sheets: the form's look (宋体, thin borders, wrapped text). */
import type { Alignment, Borders, Cell, Fill, Font, Worksheet } from 'exceljs';
import { MONEY_FMT } from './cells.ts';

const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
export const BORDER: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin };
export const FONT: Partial<Font> = { name: '宋体', size: 11 };
export const BOLD: Partial<Font> = { ...FONT, bold: true };
export const TITLE_FONT: Partial<Font> = { name: '宋体', size: 16, bold: true };
export const HEADER_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };

export const WRAP: Partial<Alignment> = { wrapText: true, vertical: 'middle', horizontal: 'left' };
export const CENTER: Partial<Alignment> = { wrapText: true, vertical: 'middle', horizontal: 'center' };
export const RIGHT: Partial<Alignment> = { vertical: 'middle', horizontal: 'right' };
export const VERTICAL: Partial<Alignment> = {
  textRotation: 'vertical',
  vertical: 'middle',
  horizontal: 'center',
};

/**
 * A string as OOXML stores it: characters XML cannot hold (C0 controls but tab and newline; CR,
 * which XML parsers turn into LF; lone surrogates; U+FFFE/FFFF) as `_xHHHH_`, and a literal
 * `_xHHHH_` with its underscore escaped (`_x005F_`), as Excel does. Readers (exceljs, Excel) decode
 * it, so the text reads back exactly; unescaped, such text would make the file unreadable.
 */
export function escapeText(s: string): string {
  return s.replace(
    /_(?=x[0-9A-Fa-f]{4}_)|[\u0000-\u0008\u000B-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
  );
}

export interface Put {
  value: string | number | null;
  numFmt?: string;
  align?: Partial<Alignment>;
  font?: Partial<Font>;
  fill?: Fill;
  border?: boolean;
}

/** Writes one cell with its style (text left and wrapped, numbers right, bordered by default). */
export function put(ws: Worksheet, row: number, col: number, p: Put): Cell {
  const cell = ws.getCell(row, col);
  cell.value = typeof p.value === 'string' ? escapeText(p.value) : p.value;
  cell.font = p.font ?? FONT;
  cell.alignment = p.align ?? (typeof p.value === 'number' ? RIGHT : WRAP);
  if (p.numFmt) cell.numFmt = p.numFmt;
  if (p.fill) cell.fill = p.fill;
  if (p.border !== false) cell.border = BORDER;
  return cell;
}

/** A money cell: a number with `#,##0.00` (or exact text when a number could not hold it). */
export function putMoney(ws: Worksheet, row: number, col: number, value: number | string | null): Cell {
  return put(ws, row, col, { value, numFmt: MONEY_FMT, align: RIGHT });
}

/**
 * Merges a block and borders every cell of it, so the merged cell's outline prints whole
 * (Excel draws the borders of the hidden cells of a merge).
 */
export function merge(ws: Worksheet, top: number, left: number, bottom: number, right: number): void {
  if (bottom > top || right > left) ws.mergeCells(top, left, bottom, right);
  for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) ws.getCell(r, c).border = BORDER;
}
