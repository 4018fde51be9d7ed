/**
 * The Excel reader. Two kinds of workbook:
 *
 * - **Ours** (`xlsxWriter`): the 申报表 sheets are authoritative — every field of every project is
 *   in their visible cells, read by label — with department, year and the stated summary (文中所述)
 *   from the 汇总 sheet. Reading it back gives the written disclosure exactly. The flat 指标 sheet
 *   is compared with the forms and every cell edited only there is reported
 *   (`IMPORT_XLSX_SHEET_MISMATCH`); the 汇总 sheet's computed figures and project table are display.
 * - **A flat sheet** filled in by a unit (no 申报表 sheets): read row by row with per-cell
 *   diagnostics (read-flat.ts); department and year from a 汇总 sheet when there is one.
 *
 * Never throws: a file exceljs cannot open is one `IMPORT_XLSX_UNREADABLE` diagnostic.
 */
import type { Disclosure, ImportResult, Project } from '@jixiao/core';
import type { Workbook } from 'exceljs';
import type { Reader, ReadOptions } from '../types.ts';
import { checkFlatSheet } from './check.ts';
import { Diagnostics, XLSX_CODES } from './diag.ts';
import { findFlatHeader, readFlatSheet } from './read-flat.ts';
import { isFormSheet, readFormSheet } from './read-form.ts';
import { isSummarySheet, readSummarySheet, type SummaryReading } from './read-summary.ts';

/** Reads a workbook (see the module comment). */
export async function readWorkbook(
  bytes: Uint8Array,
  _options: ReadOptions = {},
): Promise<ImportResult<Disclosure>> {
  const diags = new Diagnostics();
  // Like every reader, messages leave the file name out: the caller (CLI, server) names the file.
  const source = '文件';
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs types its input as a Buffer but hands it as is to JSZip, which takes a Uint8Array
    // (no copy, and no Node Buffer needed).
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    diags.error(
      XLSX_CODES.UNREADABLE,
      `${source}不是可读取的 Excel 工作簿（.xlsx）：${e instanceof Error ? e.message.split('\n')[0] : String(e)}`,
    );
    return { disclosure: null, diagnostics: diags.list };
  }
  try {
    return { disclosure: readBook(wb, diags, source), diagnostics: diags.list };
  } catch (e) {
    // A reader bug must not take the caller down; say what happened.
    diags.error(
      XLSX_CODES.INTERNAL,
      `读取工作簿时发生内部错误：${e instanceof Error ? e.message : String(e)}`,
    );
    return { disclosure: null, diagnostics: diags.list };
  }
}

function readBook(wb: Workbook, diags: Diagnostics, source: string): Disclosure | null {
  const sheets = wb.worksheets;
  const forms = sheets.filter(isFormSheet);
  const summarySheet = sheets.find((ws) => !forms.includes(ws) && isSummarySheet(ws));
  const flat = sheets
    .filter((ws) => !forms.includes(ws) && ws !== summarySheet)
    .map((ws) => ({ ws, header: findFlatHeader(ws) }))
    .find((x) => x.header !== null);
  const stated: SummaryReading = summarySheet
    ? readSummarySheet(summarySheet, diags)
    : { department: null, year: null, summary: null };

  let projects: Project[];
  let yearMissing = false;
  if (forms.length > 0) {
    projects = forms.map((ws, k) => readFormSheet(ws, k, diags));
    if (!summarySheet) {
      diags.warn(XLSX_CODES.SUMMARY_SHEET_MISSING, `${source}没有「汇总」工作表：部门和年度按申报表读取`);
    }
  } else if (flat?.header) {
    projects = readFlatSheet(flat.ws, flat.header, diags, (years) => {
      const y = stated.year ?? mostCommon(years);
      // no year anywhere: reported below; the forms get the lowest valid year meanwhile
      yearMissing = y === null;
      return y ?? 2000;
    });
    if (projects.length === 0) {
      diags.error(XLSX_CODES.NO_DATA, `工作表「${flat.ws.name}」没有读到任何项目`);
      return null;
    }
  } else {
    diags.error(
      XLSX_CODES.NO_DATA,
      `${source}中既没有申报表工作表，也没有含「项目名称」「三级指标」等表头的指标表：没有可读取的内容`,
    );
    return null;
  }

  const year = stated.year ?? mostCommon(projects.map((p) => p.form.year)) ?? 0;
  if (yearMissing || year < 2000 || year > 2100) {
    const got = yearMissing || year === 0 ? '无' : year;
    diags.error(XLSX_CODES.YEAR_INVALID, `${source}没有读到有效的预算年度（读到：${got}）`, 'year');
  }
  const disclosure: Disclosure = {
    format: 'jixiao.disclosure/1',
    year: Math.min(2100, Math.max(2000, year)),
    department: stated.department ?? department(projects, diags),
    summary: stated.summary,
    projects,
  };
  if (forms.length > 0 && flat?.header) checkFlatSheet(flat.ws, flat.header, disclosure, diags);
  return disclosure;
}

function mostCommon<T>(values: readonly T[]): T | null {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | null = null;
  let n = 0;
  for (const [v, c] of counts) {
    if (c > n) {
      best = v;
      n = c;
    }
  }
  return best;
}

function department(projects: readonly Project[], diags: Diagnostics): string {
  const d = mostCommon(projects.map((p) => p.form.competentDepartment).filter((x) => x.trim() !== ''));
  if (d !== null) return d;
  diags.error(
    XLSX_CODES.DEPARTMENT_MISSING,
    '没有读到主管部门（汇总表「部门」或各项目的「主管部门」）',
    'department',
  );
  return '（未读到主管部门）';
}

/** The Excel (xlsx) reader. */
export const xlsxReader: Reader = { read: readWorkbook };
