/**
 * The workbook's layout, shared by the writer and the reader: sheet names, the labels that find
 * rows and columns, and the flat sheet's columns. The reader finds everything by these labels
 * (never by fixed row numbers), so rows a user inserts or columns they reorder do not break it.
 */
import type { Disclosure, Fen, FundField, Project } from '@jixiao/core';

/** The summary sheet. */
export const SUMMARY_SHEET = '汇总';
/** The flat sheet: one row per indicator with its project's fields. */
export const FLAT_SHEET = '指标';

/** Column-A labels of a 申报表 sheet (a sheet is a form when it has the first and 绩效指标). */
export const FORM = {
  name: '项目名称',
  nature: '项目性质',
  category: '项目类别',
  department: '主管部门',
  unit: '实施单位',
  start: '计划开始日期',
  end: '计划完成日期',
  funds: '项目资金（元）',
  goals: '项目绩效目标',
  overallGoal: '项目总目标',
  annualGoal: '年度总体目标',
  indicators: '绩效指标',
  level1: '一级指标',
  level2: '二级指标',
  level3: '三级指标',
  value: '年度(/项目)指标值',
  explanation: '项目经费情况说明',
  sectionNumber: '编号',
  sectionTitle: '标题',
  sectionText: '内容',
  budget: '年度预算安排金额（元）',
} as const;

/** Funding rows: the label left (column C) or right (column E) of its amount. */
export const FUND_LABELS: readonly { field: FundField; label: string; side: 'left' | 'right' }[] = [
  { field: 'total', label: '项目资金总额', side: 'left' },
  { field: 'fiscal', label: '其中：财政资金', side: 'left' },
  { field: 'other', label: '其他资金', side: 'left' },
  { field: 'annualTotal', label: '年度资金申请总额', side: 'right' },
  { field: 'currentYearAppropriation', label: '其中：当年财政拨款', side: 'right' },
  { field: 'priorYearCarryover', label: '上年结转资金', side: 'right' },
  { field: 'annualOther', label: '其他资金', side: 'right' },
];

/**
 * Hidden columns beside each indicator row of a form (H–L): the value's parts and the printed value
 * they were written with. They only disambiguate the visible value (a qualitative text that looks
 * quantitative, a unit with brackets); the reader uses them only while the visible cell still
 * holds `printed`, so an edit of the visible cell always wins. On a 说明 row `kind` holds a marker
 * so that a section with all cells empty still counts.
 */
export const HIDDEN_PARTS = { kind: 8, operator: 9, number: 10, unit: 11, printed: 12 } as const;
/** Headers of the hidden columns, in `HIDDEN_PARTS` order. */
export const HIDDEN_HEADERS = ['类型', '符号', '数值', '单位', '指标值'] as const;
/** The hidden marker of a 说明 section row. */
export const SECTION_MARK = '说明';

/** The 汇总 sheet's row labels (column A) and the stated-figures column header. */
export const SUMMARY = {
  department: '部门',
  year: '年度',
  computed: '按申报表计算',
  stated: '文中所述',
  budgetUnitCount: '预算单位数',
  projectCount: '项目数',
  totalWan: '项目预算资金（万元）',
  largeProjectCount: '大额项目数',
  largeThresholdWan: '大额项目标准（万元）',
} as const;

export const KIND_LABEL = { quantitative: '定量', qualitative: '定性' } as const;

/** What a flat column holds, which decides how its cells are parsed. */
export type FlatType = 'text' | 'money' | 'date' | 'year' | 'decimal';

export interface FlatColumn {
  key: FlatKey;
  header: string;
  type: FlatType;
  width: number;
  /** other headers users write for it (compared after `normalizeHeader`) */
  aliases?: readonly string[];
  /** the model field a project column fills */
  fund?: FundField;
}

export type FlatKey =
  | 'name'
  | 'unit'
  | 'department'
  | 'year'
  | 'nature'
  | 'category'
  | 'startDate'
  | 'endDate'
  | FundField
  | 'overallGoal'
  | 'annualGoal'
  | 'level1'
  | 'level2'
  | 'level3'
  | 'printed'
  | 'kind'
  | 'operator'
  | 'number'
  | 'measure';

/** The flat sheet's columns, in the order written. */
export const FLAT_COLUMNS: readonly FlatColumn[] = [
  { key: 'name', header: '项目名称', type: 'text', width: 30 },
  { key: 'unit', header: '实施单位', type: 'text', width: 28, aliases: ['预算单位'] },
  { key: 'department', header: '主管部门', type: 'text', width: 24 },
  { key: 'year', header: '年度', type: 'year', width: 7, aliases: ['预算年度'] },
  { key: 'nature', header: '项目性质', type: 'text', width: 14 },
  { key: 'category', header: '项目类别', type: 'text', width: 12 },
  { key: 'startDate', header: '计划开始日期', type: 'date', width: 12, aliases: ['开始日期'] },
  { key: 'endDate', header: '计划完成日期', type: 'date', width: 12, aliases: ['完成日期'] },
  { key: 'total', header: '项目资金总额（元）', type: 'money', width: 16, fund: 'total' },
  { key: 'fiscal', header: '其中：财政资金（元）', type: 'money', width: 16, fund: 'fiscal' },
  { key: 'other', header: '其他资金（元）', type: 'money', width: 14, fund: 'other' },
  { key: 'annualTotal', header: '年度资金申请总额（元）', type: 'money', width: 16, fund: 'annualTotal' },
  {
    key: 'currentYearAppropriation',
    header: '其中：当年财政拨款（元）',
    type: 'money',
    width: 16,
    fund: 'currentYearAppropriation',
  },
  {
    key: 'priorYearCarryover',
    header: '上年结转资金（元）',
    type: 'money',
    width: 14,
    fund: 'priorYearCarryover',
  },
  { key: 'annualOther', header: '年度其他资金（元）', type: 'money', width: 14, fund: 'annualOther' },
  { key: 'overallGoal', header: '项目总目标', type: 'text', width: 30 },
  { key: 'annualGoal', header: '年度总体目标', type: 'text', width: 30 },
  { key: 'level1', header: '一级指标', type: 'text', width: 11 },
  { key: 'level2', header: '二级指标', type: 'text', width: 16 },
  { key: 'level3', header: '三级指标', type: 'text', width: 28, aliases: ['指标名称'] },
  {
    key: 'printed',
    header: '指标值',
    type: 'text',
    width: 16,
    aliases: ['年度(/项目)指标值', '年度指标值', '项目指标值', '年度(项目)指标值'],
  },
  { key: 'kind', header: '指标类型', type: 'text', width: 10, aliases: ['类型'] },
  { key: 'operator', header: '符号', type: 'text', width: 6, aliases: ['运算符', '计算符号'] },
  { key: 'number', header: '数值', type: 'decimal', width: 12, aliases: ['指标数值', '目标值'] },
  { key: 'measure', header: '单位', type: 'text', width: 8, aliases: ['计量单位', '度量单位'] },
];

/** Header text compared loosely: no whitespace, half-width brackets, no `(元)`, no `其中：`. */
export function normalizeHeader(s: string): string {
  return s
    .replace(/\s+/g, '')
    .replaceAll('（', '(')
    .replaceAll('）', ')')
    .replace(/^其中[:：]/, '')
    .replace(/\(元\)$/, '');
}

// Excel forbids []:*?/\ in sheet names; control characters cannot be stored in one either.
const FORBIDDEN =
  /[[\]:*?/\\\u0000-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A form sheet's name: `P01 平安维稳`, cut to Excel's 31 characters (by code point, never halving
 * a surrogate pair) without the characters Excel forbids. The number keeps names unique.
 */
export function formSheetName(index: number, total: number, name: string): string {
  const prefix = `P${String(index + 1).padStart(Math.max(2, String(total).length), '0')} `;
  const clean = name.replace(FORBIDDEN, '_').replace(/\s+/g, ' ').trim();
  if (prefix.length + clean.length <= 31) return (prefix + clean).replace(/'+$/, '').trim();
  // Excel counts UTF-16 units; cut by code point so an astral character is kept whole or dropped.
  let cut = prefix;
  for (const ch of clean) {
    if (cut.length + ch.length > 30) break;
    cut += ch;
  }
  return `${cut.replace(/'+$/, '').trim()}…`;
}

/** Sum of the annual totals (blank = 0), in fen, for the summary table's total row. */
export function annualSum(d: Disclosure): Fen {
  return d.projects.reduce((s, p: Project) => s + (p.form.funds.annualTotal ?? 0), 0);
}
