/**
 * The Excel writer: a workbook with a 汇总 sheet, the flat 指标 sheet and one 申报表 sheet per
 * project (`P01 平安维稳`). Reading it back with `xlsxReader` gives the same disclosure exactly
 * (see read.ts for which cells are authoritative). exceljs is loaded on first use.
 */
import type { Disclosure } from '@jixiao/core';
import { selectProjects } from '../select.ts';
import type { Writer } from '../types.ts';
import { formSheetName } from './layout.ts';
import { addFormSheet } from './write-form.ts';
import { addFlatSheet, addSummarySheet } from './write-sheets.ts';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The workbook as bytes. */
export async function writeWorkbook(d: Disclosure): Promise<Uint8Array> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jixiao';
  wb.title = `${d.department} ${d.year}年度项目预算绩效目标`;
  const names = d.projects.map((p, k) => formSheetName(k, d.projects.length, p.form.name));
  addSummarySheet(wb, d, names);
  addFlatSheet(wb, d, 0);
  d.projects.forEach((p, k) => {
    addFormSheet(wb, names[k] ?? `P${k + 1}`, p);
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/**
 * A blank flat sheet for a unit to fill in (headers, drop-down lists on 200 rows) with a 汇总
 * sheet naming the department and year; read back with `xlsxReader` like any flat sheet.
 */
export async function writeTemplate(department: string, year: number): Promise<Uint8Array> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jixiao';
  const empty: Disclosure = { format: 'jixiao.disclosure/1', year, department, summary: null, projects: [] };
  addSummarySheet(wb, empty, []);
  addFlatSheet(wb, empty, 200);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The Excel (xlsx) writer. */
export const xlsxWriter: Writer = {
  mediaType: XLSX_MEDIA_TYPE,
  extension: 'xlsx',
  write: (disclosure, options) => writeWorkbook(selectProjects(disclosure, options)),
};
