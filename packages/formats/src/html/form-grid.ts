/**
 * The printed layout of a 财政项目支出绩效目标申报表 as a grid of cells, independent of any output
 * format: HTML renders it as one `<table>` with colspan/rowspan, Word as one table with gridSpan and
 * vertical merges. Keeping the layout here means both show the same form, cell for cell.
 *
 * Eight grid columns, laid out as the published form (domain.md §5.2): a narrow first column for the
 * vertical labels 项目绩效目标 and 绩效指标; headings over consecutive indicator rows with the same
 * 一级/二级 printed once, spanning them.
 */
import {
  type Disclosure,
  type Fen,
  type Form,
  formatYuan,
  type Indicator,
  printedValue,
  renderSummarySentence,
  type Section,
} from '@jixiao/core';

/** Relative widths of the eight grid columns, in percent of the table width (sum 100). */
export const FORM_COLUMN_WIDTHS: readonly number[] = [5, 11, 13, 18, 12, 14, 11, 16];

/**
 * `label` a printed field name, `value` what was filled in, `head` a column heading (goals,
 * indicator table), `vertical` a label printed top to bottom, `text` a long free text (goals).
 */
export type CellRole = 'label' | 'value' | 'head' | 'vertical' | 'text';

export interface GridCell {
  text: string;
  /** first grid column, 0-based */
  col: number;
  colSpan: number;
  /** rows covered, ≥ 1; the covered cells below are not listed in their rows */
  rowSpan: number;
  role: CellRole;
  /** right for money, left for free text, centered otherwise */
  align: 'left' | 'center' | 'right';
}

/** One grid row: its cells in column order (cells covered by a rowspan from above left out). */
export type GridRow = GridCell[];

/** The heading printed above each project's funding explanation. */
export const EXPLANATION_HEADING = '项目经费情况说明';

/** The heading of the indicator values column, as printed. */
export const VALUE_HEADING = '年度(/项目)指标值';

/** Money as the form prints it (`5,850,000.00`); a blank cell for `null`. */
export function printedMoney(fen: Fen | null): string {
  return fen === null ? '' : formatYuan(fen);
}

/** A section heading as printed: `一、项目概述` (the title alone when it has no number). */
export function sectionHeading(section: Section): string {
  return section.number === '' ? section.title : `${section.number}、${section.title}`;
}

/** The form's year line, as printed under its title: `（2024 年度）`. */
export function yearLine(form: Form): string {
  return `（${form.year} 年度）`;
}

/** The document's summary paragraph from its stated figures, or null when it has none. */
export function summaryParagraph(disclosure: Disclosure): string | null {
  const s = disclosure.summary;
  return s === null ? null : renderSummarySentence(s, disclosure.year);
}

/** A document title for a disclosure: `中共上海市松江区委政法委员会 2024 年度项目绩效目标`. */
export function documentTitle(disclosure: Disclosure): string {
  return `${disclosure.department} ${disclosure.year} 年度项目绩效目标`;
}

const cell = (
  text: string,
  col: number,
  colSpan: number,
  role: CellRole,
  align: GridCell['align'] = 'center',
  rowSpan = 1,
): GridCell => ({ text, col, colSpan, rowSpan, role, align });

/** The declaration form as grid rows: header fields, funds, goals, then the indicator table. */
export function formGrid(form: Form): GridRow[] {
  const f = form.funds;
  const money = (fen: Fen | null, col: number, span: number) =>
    cell(printedMoney(fen), col, span, 'value', 'right');
  const rows: GridRow[] = [
    [
      cell('项目名称', 0, 2, 'label'),
      cell(form.name, 2, 3, 'value', 'left'),
      cell('项目性质', 5, 1, 'label'),
      cell(form.nature, 6, 2, 'value', 'left'),
    ],
    [
      cell('项目类别', 0, 2, 'label'),
      cell(form.category, 2, 1, 'value', 'left'),
      cell('主管部门', 3, 1, 'label'),
      cell(form.competentDepartment, 4, 2, 'value', 'left'),
      cell('实施单位', 6, 1, 'label'),
      cell(form.implementingUnit, 7, 1, 'value', 'left'),
    ],
    [
      cell('计划开始日期', 0, 2, 'label'),
      cell(form.startDate, 2, 3, 'value'),
      cell('计划完成日期', 5, 1, 'label'),
      cell(form.endDate, 6, 2, 'value'),
    ],
    [
      cell('项目资金（元）', 0, 2, 'label', 'center', 4),
      cell('项目资金总额', 2, 1, 'label'),
      money(f.total, 3, 1),
      cell('年度资金申请总额', 4, 2, 'label'),
      money(f.annualTotal, 6, 2),
    ],
    [
      cell('其中：财政资金', 2, 1, 'label'),
      money(f.fiscal, 3, 1),
      cell('其中：当年财政拨款', 4, 2, 'label'),
      money(f.currentYearAppropriation, 6, 2),
    ],
    [
      // The whole-project column has no carry-over line: the form leaves these two cells empty.
      cell('', 2, 1, 'label'),
      cell('', 3, 1, 'value'),
      cell('上年结转资金', 4, 2, 'label'),
      money(f.priorYearCarryover, 6, 2),
    ],
    [
      cell('其他资金', 2, 1, 'label'),
      money(f.other, 3, 1),
      cell('其他资金', 4, 2, 'label'),
      money(f.annualOther, 6, 2),
    ],
    [
      cell('项目绩效目标', 0, 1, 'vertical', 'center', 2),
      cell('项目总目标', 1, 3, 'head'),
      cell('年度总体目标', 4, 4, 'head'),
    ],
    [cell(form.overallGoal, 1, 3, 'text', 'left'), cell(form.annualGoal, 4, 4, 'text', 'left')],
    [
      cell('绩效指标', 0, 1, 'vertical', 'center', 1 + form.indicators.length),
      cell('一级指标', 1, 1, 'head'),
      cell('二级指标', 2, 1, 'head'),
      cell('三级指标', 3, 3, 'head'),
      cell(VALUE_HEADING, 6, 2, 'head'),
    ],
  ];
  const spans = headingSpans(form.indicators);
  form.indicators.forEach((ind, i) => {
    const row: GridRow = [];
    const s = spans[i]!;
    if (s.level1 > 0) row.push(cell(ind.level1, 1, 1, 'value', 'center', s.level1));
    if (s.level2 > 0) row.push(cell(ind.level2, 2, 1, 'value', 'center', s.level2));
    row.push(cell(ind.name, 3, 3, 'value', 'left'), cell(printedValue(ind), 6, 2, 'value', 'left'));
    rows.push(row);
  });
  return rows;
}

/**
 * For each indicator row, how many rows its 一级 and 二级 cells span: the length of the run of equal
 * headings it starts, or 0 when an earlier row's cell covers it. A 二级 run never crosses a 一级 boundary.
 */
export function headingSpans(indicators: readonly Indicator[]): { level1: number; level2: number }[] {
  const spans = indicators.map(() => ({ level1: 0, level2: 0 }));
  let i = 0;
  while (i < indicators.length) {
    const level1 = indicators[i]!.level1;
    let end = i;
    while (end < indicators.length && indicators[end]!.level1 === level1) end++;
    spans[i]!.level1 = end - i;
    let j = i;
    while (j < end) {
      const level2 = indicators[j]!.level2;
      let k = j;
      while (k < end && indicators[k]!.level2 === level2) k++;
      spans[j]!.level2 = k - j;
      j = k;
    }
    i = end;
  }
  return spans;
}
