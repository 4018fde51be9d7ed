/**
 * The disclosure as one flat CSV table for spreadsheets: one row per indicator, each carrying its
 * project's fields, so it can be filtered and pivoted as it is. UTF-8 with a byte-order mark (Excel
 * opens BOM-less UTF-8 CSV as the local ANSI code page, i.e. GBK garbage on a Chinese Windows), CRLF
 * line ends and RFC 4180 quoting.
 *
 * Left out on purpose: the goals and the 项目经费情况说明 narrative. They are paragraphs long and would
 * be repeated on every indicator row; the JSON, Excel, Word and HTML exports carry them. A project
 * with no indicators still gets one row (indicator columns empty), so every project is listed.
 *
 * Formula injection (OWASP "CSV Injection"): a cell that starts with `=`, `+`, `-`, `@`, a tab or a
 * carriage return is run as a formula by Excel and LibreOffice, so such a cell gets a leading
 * apostrophe (`'=100.00(%)`), which makes the spreadsheet treat it as text. The full-width forms
 * `＝＋－＠` are treated the same, since some East Asian input settings turn them into formulas on
 * entry. One exception, to keep numbers numbers: a cell that is a plain decimal number as a whole
 * (`-5.00`, `-1`) is left as it is — it can only ever evaluate to itself. Everything else is
 * prefixed, even a lone `-` or `=` (the operator column): a visible apostrophe on those is the
 * price of a rule with no judgment calls. Readers must strip one leading apostrophe before such a
 * character to get the value back.
 */
import type { Disclosure, Fen, Indicator, Project } from '@jixiao/core';
import { fenToYuan, printedValue } from '@jixiao/core';
import { selectProjects } from '../select.ts';
import type { Writer } from '../types.ts';

/** The header row, in column order. */
export const CSV_HEADER: readonly string[] = [
  '部门',
  '年度',
  '项目序号',
  '项目名称',
  '项目性质',
  '项目类别',
  '主管部门',
  '实施单位',
  '计划开始日期',
  '计划完成日期',
  '项目资金总额（元）',
  '其中：财政资金（元）',
  '其他资金（元）',
  '年度资金申请总额（元）',
  '其中：当年财政拨款（元）',
  '上年结转资金（元）',
  '年度其他资金（元）',
  '指标序号',
  '一级指标',
  '二级指标',
  '三级指标',
  '指标值',
  '计算符号',
  '指标数值',
  '计量单位',
];

/** The rows (header first) as arrays of cell values, before quoting and injection guarding. */
export function csvRows(disclosure: Disclosure): string[][] {
  const rows: string[][] = [[...CSV_HEADER]];
  disclosure.projects.forEach((project, p) => {
    const fields = projectFields(disclosure, project, p);
    const indicators = project.form.indicators;
    if (indicators.length === 0) rows.push([...fields, '', '', '', '', '', '', '', '']);
    indicators.forEach((ind, i) => {
      rows.push([...fields, String(i + 1), ...indicatorFields(ind)]);
    });
  });
  return rows;
}

function projectFields(disclosure: Disclosure, project: Project, index: number): string[] {
  const f = project.form;
  const m = f.funds;
  return [
    disclosure.department,
    String(f.year),
    String(index + 1),
    f.name,
    f.nature,
    f.category,
    f.competentDepartment,
    f.implementingUnit,
    f.startDate,
    f.endDate,
    yuan(m.total),
    yuan(m.fiscal),
    yuan(m.other),
    yuan(m.annualTotal),
    yuan(m.currentYearAppropriation),
    yuan(m.priorYearCarryover),
    yuan(m.annualOther),
  ];
}

function indicatorFields(ind: Indicator): string[] {
  const head = [ind.level1, ind.level2, ind.name, printedValue(ind)];
  return ind.kind === 'quantitative' ? [...head, ind.operator, ind.value, ind.unit] : [...head, '', '', ''];
}

/** Money as a plain yuan string with two decimals (`5850000.00`), blank for a blank form cell. */
function yuan(fen: Fen | null): string {
  return fen === null ? '' : fenToYuan(fen);
}

const PLAIN_NUMBER = /^-?[0-9]+(\.[0-9]+)?$/;
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;

/** A cell value made safe to open in a spreadsheet (see the module comment). */
export function guardFormula(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** RFC 4180: quoted when it holds a quote, comma, CR or LF; quotes doubled. */
export function quoteCsv(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The CSV text (no BOM), every line ended by CRLF. */
export function renderDisclosureCsv(disclosure: Disclosure): string {
  return csvRows(disclosure)
    .map((row) => `${row.map((v) => quoteCsv(guardFormula(v))).join(',')}\r\n`)
    .join('');
}

/** Writes the CSV: UTF-8 with BOM. */
export const csvWriter: Writer = {
  mediaType: 'text/csv; charset=utf-8',
  extension: 'csv',
  async write(disclosure, options) {
    return new TextEncoder().encode(`\uFEFF${renderDisclosureCsv(selectProjects(disclosure, options))}`);
  },
};
