/** Reads the 汇总 sheet: department, year and the stated summary figures (文中所述). */
import type { Summary } from '@jixiao/core';
import type { Worksheet } from 'exceljs';
import { cellText, contentOf, decimalOfContent, integerOfContent } from './cells.ts';
import { type Diagnostics, place, XLSX_CODES } from './diag.ts';
import { SUMMARY } from './layout.ts';

export interface SummaryReading {
  department: string | null;
  year: number | null;
  summary: Summary | null;
}

/** Whether a sheet is a 汇总 sheet: a 部门 and a 年度 label in column A near the top. */
export function isSummarySheet(ws: Worksheet): boolean {
  return rowOfLabel(ws, SUMMARY.department) !== null && rowOfLabel(ws, SUMMARY.year) !== null;
}

function rowOfLabel(ws: Worksheet, label: string, limit = 40): number | null {
  for (let r = 1; r <= Math.min(limit, ws.rowCount); r++) {
    if (cellText(ws.getCell(r, 1)).trim() === label) return r;
  }
  return null;
}

/** Reads the sheet; what is missing or wrong is reported and read as null. */
export function readSummarySheet(ws: Worksheet, diags: Diagnostics): SummaryReading {
  const sheet = ws.name;
  const depRow = rowOfLabel(ws, SUMMARY.department);
  const department = depRow === null ? null : cellText(ws.getCell(depRow, 2)) || null;
  const yearRow = rowOfLabel(ws, SUMMARY.year);
  let year: number | null = null;
  if (yearRow !== null) {
    const y = integerOfContent(contentOf(ws.getCell(yearRow, 2)));
    if (y === undefined || (y !== null && (y < 2000 || y > 2100))) {
      diags.error(
        XLSX_CODES.YEAR_INVALID,
        `${place(sheet, yearRow, 2, SUMMARY.year)}：年度应为 2000–2100 之间的整数，实际为「${cellText(ws.getCell(yearRow, 2))}」`,
        'year',
      );
    } else year = y;
  }

  // The stated column is found by its header (文中所述); figures by their row labels.
  let statedCol = 3;
  search: for (let r = 1; r <= Math.min(40, ws.rowCount); r++) {
    for (let c = 1; c <= 8; c++) {
      if (cellText(ws.getCell(r, c)).trim() === SUMMARY.stated) {
        statedCol = c;
        break search;
      }
    }
  }
  const rows = {
    budgetUnitCount: rowOfLabel(ws, SUMMARY.budgetUnitCount),
    projectCount: rowOfLabel(ws, SUMMARY.projectCount),
    totalWan: rowOfLabel(ws, SUMMARY.totalWan),
    largeProjectCount: rowOfLabel(ws, SUMMARY.largeProjectCount),
    largeThresholdWan: rowOfLabel(ws, SUMMARY.largeThresholdWan),
  };
  const contentAt = (r: number | null) => (r === null ? null : contentOf(ws.getCell(r, statedCol)));
  const filled = Object.values(rows).some((r) => {
    const c = contentAt(r);
    return c !== null && c.type !== 'blank';
  });
  if (!filled) return { department, year, summary: null };

  let ok = true;
  const bad = (key: keyof typeof rows, what: string) => {
    ok = false;
    const r = rows[key];
    const at = r === null ? `工作表「${sheet}」` : place(sheet, r, statedCol, SUMMARY.stated);
    diags.error(
      XLSX_CODES.SUMMARY_INVALID,
      `${at}：「${SUMMARY[key]}」${what}，文中所述的汇总数字记为空`,
      `summary.${key}`,
    );
  };
  const int = (key: keyof typeof rows, required: boolean): number | null => {
    const c = contentAt(rows[key]);
    const v = c === null ? null : integerOfContent(c);
    if (v === undefined || (v !== null && v < 0)) bad(key, '应为非负整数');
    else if (v === null && required) bad(key, '不能为空');
    return v ?? null;
  };
  const dec = (key: keyof typeof rows, required: boolean): string | null => {
    const c = contentAt(rows[key]);
    const v = c === null ? null : decimalOfContent(c);
    if (v === undefined) bad(key, '应为数字（如 3022.49）');
    else if (v === null && required) bad(key, '不能为空');
    return v ?? null;
  };
  const summary: Summary = {
    budgetUnitCount: int('budgetUnitCount', true) ?? 0,
    projectCount: int('projectCount', true) ?? 0,
    totalWan: dec('totalWan', true) ?? '0',
    largeProjectCount: int('largeProjectCount', false),
    largeThresholdWan: dec('largeThresholdWan', false),
  };
  return { department, year, summary: ok ? summary : null };
}
