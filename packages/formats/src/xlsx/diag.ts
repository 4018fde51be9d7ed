/** The Excel reader's diagnostic codes and the place names in its messages. */
import type { Diagnostic, DiagnosticSeverity } from '@jixiao/core';
import { columnLetter } from './cells.ts';

/** Stable codes of the Excel reader. */
export const XLSX_CODES = {
  /** not an xlsx file (or a damaged one) */
  UNREADABLE: 'IMPORT_XLSX_UNREADABLE',
  /** neither 申报表 sheets nor a flat sheet with its header row */
  NO_DATA: 'IMPORT_XLSX_NO_DATA',
  /** the flat sheet lacks a required column */
  COLUMN_MISSING: 'IMPORT_XLSX_COLUMN_MISSING',
  /** two columns with the same header: the first is read */
  COLUMN_DUPLICATE: 'IMPORT_XLSX_COLUMN_DUPLICATE',
  /** a required cell is empty */
  REQUIRED: 'IMPORT_XLSX_REQUIRED',
  AMOUNT_INVALID: 'IMPORT_XLSX_AMOUNT_INVALID',
  DATE_INVALID: 'IMPORT_XLSX_DATE_INVALID',
  YEAR_INVALID: 'IMPORT_XLSX_YEAR_INVALID',
  /** an indicator's 数值 is not a number */
  NUMBER_INVALID: 'IMPORT_XLSX_NUMBER_INVALID',
  OPERATOR_INVALID: 'IMPORT_XLSX_OPERATOR_INVALID',
  /** 指标类型 is neither 定量 nor 定性 */
  KIND_INVALID: 'IMPORT_XLSX_KIND_INVALID',
  /** 定量 but the value is not `符号数值(单位)` */
  VALUE_INVALID: 'IMPORT_XLSX_VALUE_INVALID',
  /** 指标值 and 符号/数值/单位 of one row disagree */
  VALUE_MISMATCH: 'IMPORT_XLSX_VALUE_MISMATCH',
  LEVEL1_UNKNOWN: 'IMPORT_XLSX_LEVEL1_UNKNOWN',
  LEVEL2_UNKNOWN: 'IMPORT_XLSX_LEVEL2_UNKNOWN',
  /** rows of one project give it different field values: the first is kept */
  PROJECT_CONFLICT: 'IMPORT_XLSX_PROJECT_CONFLICT',
  DEPARTMENT_MISSING: 'IMPORT_XLSX_DEPARTMENT_MISSING',
  /** a 申报表 sheet lacks a labelled row */
  FORM_LABEL_MISSING: 'IMPORT_XLSX_FORM_LABEL_MISSING',
  /** the 汇总 sheet's 文中所述 figures are incomplete or not numbers */
  SUMMARY_INVALID: 'IMPORT_XLSX_SUMMARY_INVALID',
  /** no 汇总 sheet: department and year come from the forms */
  SUMMARY_SHEET_MISSING: 'IMPORT_XLSX_SUMMARY_SHEET_MISSING',
  /** the flat sheet no longer agrees with the 申报表 sheets, which win */
  SHEET_MISMATCH: 'IMPORT_XLSX_SHEET_MISMATCH',
  INTERNAL: 'IMPORT_XLSX_INTERNAL',
} as const;

/** `工作表「指标」第12行 E列「指标值」` — the place a message starts with. */
export function place(sheet: string, row: number, col?: number, header?: string): string {
  const c = col === undefined ? '' : ` ${columnLetter(col)}列${header ? `「${header}」` : ''}`;
  return `工作表「${sheet}」第${row}行${c}`;
}

/** Collects diagnostics. */
export class Diagnostics {
  readonly list: Diagnostic[] = [];

  add(code: string, severity: DiagnosticSeverity, message: string, field?: string): void {
    this.list.push({ code, severity, message, ...(field === undefined ? {} : { field }) });
  }

  error(code: string, message: string, field?: string): void {
    this.add(code, 'error', message, field);
  }

  warn(code: string, message: string, field?: string): void {
    this.add(code, 'warning', message, field);
  }
}
