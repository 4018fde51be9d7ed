/**
 * Importer diagnostics: what a reader could not read, or read with doubt, and where.
 * `code` is stable for programs; `message` is Chinese for people and names the line and field.
 */
export type DiagnosticSeverity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  /** stable code, e.g. `IMPORT_AMOUNT_INVALID` */
  code: string;
  severity: DiagnosticSeverity;
  /** Chinese, names the place: `第412行「项目资金总额」金额格式不正确：5,85O,000.00` */
  message: string;
  /** 1-based line in the input, when known */
  line?: number;
  /** the field concerned, as a model path (`projects[3].form.funds.total`) or a printed label */
  field?: string;
  /** when the diagnostic is also a review finding (FMT-08: repeated header block) */
  ruleId?: string;
}

export interface ImportResult<T> {
  /** `null` when nothing could be read as a disclosure */
  disclosure: T | null;
  diagnostics: Diagnostic[];
}

/** Stable diagnostic codes. */
export const CODES = {
  NO_FORMS: 'IMPORT_NO_FORMS',
  AMOUNT_INVALID: 'IMPORT_AMOUNT_INVALID',
  DATE_INVALID: 'IMPORT_DATE_INVALID',
  YEAR_MISSING: 'IMPORT_YEAR_MISSING',
  FIELD_MISSING: 'IMPORT_FIELD_MISSING',
  SUMMARY_UNREADABLE: 'IMPORT_SUMMARY_UNREADABLE',
  SUMMARY_MISSING: 'IMPORT_SUMMARY_MISSING',
  INDICATOR_UNREADABLE: 'IMPORT_INDICATOR_UNREADABLE',
  INDICATOR_LEVEL_MISSING: 'IMPORT_INDICATOR_LEVEL_MISSING',
  EXPLANATION_UNPAIRED: 'IMPORT_EXPLANATION_UNPAIRED',
  SECTION_UNREADABLE: 'IMPORT_SECTION_UNREADABLE',
  HEADER_REPEATED: 'IMPORT_HEADER_REPEATED',
  DEPARTMENT_MIXED: 'IMPORT_DEPARTMENT_MIXED',
  JSON_INVALID: 'IMPORT_JSON_INVALID',
} as const;
