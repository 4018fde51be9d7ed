/**
 * Our workbook holds the indicators twice: in the 申报表 sheets and in the flat 指标 sheet. The
 * forms are authoritative; this check reports, project by project, the flat cells that no longer
 * say what the forms say, so an edit made only in the flat sheet is never lost silently.
 */
import type { Disclosure } from '@jixiao/core';
import type { Worksheet } from 'exceljs';
import { cellText, columnLetter, contentText } from './cells.ts';
import { type Diagnostics, XLSX_CODES } from './diag.ts';
import { flatRows } from './flat.ts';
import type { FlatHeader } from './read-flat.ts';

/** How many differing cells a diagnostic names before it counts the rest. */
const NAMED = 3;
const WINS = '以申报表工作表为准（要改项目或指标，请改申报表）';

/** Compares the flat sheet under `header` with the flat rows of `d` (read from the forms). */
export function checkFlatSheet(ws: Worksheet, header: FlatHeader, d: Disclosure, diags: Diagnostics): void {
  const cols = Object.values(header.cols);
  const actual: number[] = [];
  for (let r = header.row + 1; r <= ws.rowCount; r++) {
    if (cols.some((h) => cellText(ws.getCell(r, h.col)).trim() !== '')) actual.push(r);
  }
  const expected = flatRows(d);
  if (actual.length !== expected.length) {
    diags.warn(
      XLSX_CODES.SHEET_MISMATCH,
      `工作表「${ws.name}」有${actual.length}行数据，申报表工作表合计应有${expected.length}行：两者不一致，${WINS}`,
    );
    return;
  }
  const byProject = new Map<number, string[]>();
  expected.forEach((row, k) => {
    const r = actual[k] ?? 0;
    for (const h of cols) {
      const cell = row.cells[h.def.key];
      const want =
        typeof cell.value === 'number'
          ? contentText({ type: 'number', n: cell.value, numFmt: cell.numFmt ?? '' })
          : (cell.value ?? '');
      const got = cellText(ws.getCell(r, h.col));
      if (same(got, want, h.def.type)) continue;
      const list = byProject.get(row.project) ?? [];
      list.push(`第${r}行 ${columnLetter(h.col)}列「${h.header}」为「${got}」，申报表为「${want}」`);
      byProject.set(row.project, list);
    }
  });
  for (const [project, cells] of byProject) {
    const name = d.projects[project]?.form.name ?? '';
    const more = cells.length > NAMED ? `等${cells.length}处` : '';
    diags.warn(
      XLSX_CODES.SHEET_MISMATCH,
      `工作表「${ws.name}」中项目「${name}」的数据与其申报表不一致：${cells.slice(0, NAMED).join('；')}${more}。${WINS}`,
      `projects[${project}]`,
    );
  }
}

/** Equal as written; money and counts also when only the decimals shown differ (`5850000` = `5850000.00`). */
function same(got: string, want: string, type: string): boolean {
  if (got === want) return true;
  if (type !== 'money' && type !== 'year') return false;
  const norm = (s: string) =>
    s
      .replaceAll(',', '')
      .replace(/(\.\d*?)0+$/, '$1')
      .replace(/\.$/, '');
  return norm(got) === norm(want);
}
