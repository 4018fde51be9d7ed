/**
 * The printed layout of a disclosure, as pages of positioned text lines and rules. Pure: given
 * font metrics it needs neither pdfmake nor the font file, so it can be inspected in tests.
 *
 * Order, as the published documents print it (testdata/songjiang-zfw-2024.txt): the summary
 * paragraph; then every project on a new page — its 项目经费情况说明 (heading, numbered section
 * titles `一、项目概述`, indented paragraphs) and its 财政项目支出绩效目标申报表: the title, `（2024
 * 年度）`, and four ruled tables stacked edge to edge — basic facts, 项目资金（元）, 项目绩效目标,
 * 绩效指标. Their column grids differ, as the official Word form's do; the outer edges line up.
 *
 * For the PDF reader, every run is one printed line of one cell or paragraph, emitted in reading
 * order (row by row, left to right); wrapped pieces join with nothing in between; a vertical label
 * is one run per character, top to bottom; each page ends with the run `第 N 页 / 共 M 页`.
 */
import {
  type Disclosure,
  type Explanation,
  type Fen,
  type Form,
  formatYuan,
  type Indicator,
  printedValue,
  renderSummarySentence,
} from '@jixiao/core';
import { CONTENT_WIDTH, Flow, type Page, type ParagraphStyle } from './layout-flow.ts';
import {
  CELL,
  type CellSpec,
  measureTable,
  placeTable,
  type TableSpec,
  tableHeight,
} from './layout-table.ts';
import type { FontMetrics } from './layout-text.ts';

export { PAGE, type Page, pageLabel, type Rule, type Run } from './layout-flow.ts';

const BODY: ParagraphStyle = { size: 12, advance: 21, align: 'justify', indent: 24 };
const HEADING: ParagraphStyle = {
  size: 16,
  bold: true,
  advance: 26,
  align: 'center',
  spaceAfter: 8,
  keepWithNext: 2,
};
const SECTION: ParagraphStyle = { size: 12, bold: true, advance: 21, spaceBefore: 6, keepWithNext: 2 };
const FORM_TITLE: ParagraphStyle = { size: 16, bold: true, advance: 26, align: 'center', spaceBefore: 18 };
const FORM_YEAR: ParagraphStyle = { size: 12, advance: 20, align: 'center', spaceAfter: 6 };
const FOOTER_SIZE = 9;

/** Lays out the whole disclosure: the pages, each with its runs and rules, page numbers included. */
export function layoutDisclosure(d: Disclosure, metrics: FontMetrics): Page[] {
  const flow = new Flow(metrics);
  if (d.summary !== null) flow.paragraph(renderSummarySentence(d.summary, d.year), BODY);
  for (const project of d.projects) {
    flow.freshPage();
    if (project.explanation !== null) explanation(flow, project.explanation);
    form(flow, project.form);
  }
  // An empty disclosure still prints one (blank) page.
  if (flow.pages.length === 0) flow.newPage();
  flow.addPageNumbers(FOOTER_SIZE);
  return flow.pages;
}

/** 项目经费情况说明: the heading, then each section's `一、title` and its paragraphs. */
function explanation(flow: Flow, e: Explanation): void {
  flow.paragraph('项目经费情况说明', HEADING, BODY.advance);
  for (const s of e.sections) {
    flow.paragraph(s.number === '' ? s.title : `${s.number}、${s.title}`, SECTION, BODY.advance);
    // A line break in the text starts a paragraph of its own, indented like the first.
    for (const paragraph of s.text.split(/\r?\n/)) flow.paragraph(paragraph, BODY);
  }
}

/**
 * The 申报表. The title, the year and the two fixed blocks (basic facts, funds) stay on one page;
 * 项目绩效目标 and 绩效指标 follow and may continue on the next pages.
 */
function form(flow: Flow, f: Form): void {
  const basic = measureTable(flow, basicTable(f));
  const funds = measureTable(flow, fundsTable(f));
  const head = (flow.atTop ? 0 : (FORM_TITLE.spaceBefore ?? 0)) + FORM_TITLE.advance + FORM_YEAR.advance;
  flow.ensure(head + (FORM_YEAR.spaceAfter ?? 0) + tableHeight(basic) + tableHeight(funds));
  flow.paragraph(f.title, FORM_TITLE);
  flow.paragraph(`（${f.year} 年度）`, FORM_YEAR);
  placeTable(flow, basic);
  placeTable(flow, funds);
  placeTable(flow, measureTable(flow, goalsTable(f)));
  placeTable(flow, measureTable(flow, indicatorTable(f.indicators)));
}

/** Widths of columns sized for `chars` characters of the form's font, padding included. */
function chars(n: number): number {
  return Math.ceil(n * CELL.size + 2 * CELL.padX);
}

/** Column widths: the `'*'` columns share equally what the others leave of the text area. */
function fill(widths: (number | '*')[]): number[] {
  let fixed = 0;
  let stars = 0;
  for (const w of widths) {
    if (w === '*') stars++;
    else fixed += w;
  }
  return widths.map((w) => (w === '*' ? (CONTENT_WIDTH - fixed) / stars : w));
}

const LABEL = chars(4);
const VERTICAL = chars(1);

const label = (row: number, col: number, text: string, more: Partial<CellSpec> = {}): CellSpec => ({
  row,
  col,
  text,
  align: 'center',
  ...more,
});
const value = (row: number, col: number, text: string, more: Partial<CellSpec> = {}): CellSpec => ({
  row,
  col,
  text,
  ...more,
});

/**
 * 项目名称 / 项目性质 / 项目类别, 主管部门 / 实施单位, 计划开始日期 / 计划完成日期. 项目类别 has a
 * two-character column, so it prints as 项目 / 类别, as on the published form.
 */
function basicTable(f: Form): TableSpec {
  return {
    widths: fill([LABEL, chars(10), LABEL, '*', chars(2), '*']),
    rows: 3,
    cells: [
      label(0, 0, '项目名称'),
      value(0, 1, f.name),
      label(0, 2, '项目性质'),
      value(0, 3, f.nature),
      label(0, 4, '项目类别'),
      value(0, 5, f.category),
      label(1, 0, '主管部门'),
      value(1, 1, f.competentDepartment),
      label(1, 2, '实施单位'),
      value(1, 3, f.implementingUnit, { colSpan: 3 }),
      label(2, 0, '计划开始日期'),
      value(2, 1, f.startDate),
      label(2, 2, '计划完成日期'),
      value(2, 3, f.endDate, { colSpan: 3 }),
    ],
    keep: [[0, 3]],
  };
}

/** A money cell: `5,850,000.00`, empty for a blank (null) amount, right-aligned like a ledger. */
function money(row: number, col: number, fen: Fen | null, more: Partial<CellSpec> = {}): CellSpec {
  return value(row, col, fen === null ? '' : formatYuan(fen), { align: 'right', ...more });
}

/**
 * 项目资金（元）: the whole project on the left (项目资金总额 / 其中：财政资金 / 其他资金), this year
 * on the right (年度资金申请总额 / 其中：当年财政拨款 / 上年结转资金 / 其他资金). 其中：财政资金 spans
 * the rows of 当年财政拨款 and 上年结转资金, so both 其他资金 share the last row.
 */
function fundsTable(f: Form): TableSpec {
  const m = f.funds;
  return {
    widths: fill([LABEL, chars(7), '*', chars(9), '*']),
    rows: 4,
    cells: [
      label(0, 0, '项目资金（元）', { rowSpan: 4 }),
      label(0, 1, '项目资金总额'),
      money(0, 2, m.total),
      label(0, 3, '年度资金申请总额'),
      money(0, 4, m.annualTotal),
      label(1, 1, '其中：财政资金', { rowSpan: 2 }),
      money(1, 2, m.fiscal, { rowSpan: 2 }),
      label(1, 3, '其中：当年财政拨款'),
      money(1, 4, m.currentYearAppropriation),
      label(2, 3, '上年结转资金'),
      money(2, 4, m.priorYearCarryover),
      label(3, 1, '其他资金'),
      money(3, 2, m.other),
      label(3, 3, '其他资金'),
      money(3, 4, m.annualOther),
    ],
    keep: [[0, 4]],
  };
}

/** 项目绩效目标: 项目总目标 and 年度总体目标 side by side, each its own text, which may run on. */
function goalsTable(f: Form): TableSpec {
  const goal = (col: number, text: string): CellSpec => value(1, col, text, { valign: 'top', justify: true });
  return {
    widths: fill([VERTICAL, '*', '*']),
    rows: 2,
    cells: [
      label(0, 0, '项目绩效目标', { rowSpan: 2, vertical: true }),
      label(0, 1, '项目总目标'),
      label(0, 2, '年度总体目标'),
      goal(1, f.overallGoal),
      goal(2, f.annualGoal),
    ],
    // No keep: the goal text runs on across pages; the header stays with its first two lines.
    splittable: [1],
  };
}

/** How many rows from `start` share the key: the 一级 and 二级 cells merge over such runs. */
function runLength(rows: readonly Indicator[], start: number, key: (ind: Indicator) => string): number {
  const k = key(rows[start]!);
  let end = start + 1;
  while (end < rows.length && key(rows[end]!) === k) end++;
  return end - start;
}

/**
 * 绩效指标: the header row (一级指标 / 二级指标 / 三级指标 / 年度(/项目)指标值), then one row per
 * indicator in printed order. Consecutive rows with the same 一级 share one merged 一级 cell, and
 * within it consecutive rows with the same 二级 one merged 二级 cell; the vertical 绩效指标 label
 * spans the header and every row. Pages break between 二级 groups (the header stays with the first).
 */
function indicatorTable(indicators: readonly Indicator[]): TableSpec {
  const n = indicators.length;
  const cells: CellSpec[] = [
    label(0, 0, '绩效指标', { rowSpan: n + 1, vertical: true }),
    label(0, 1, '一级指标'),
    label(0, 2, '二级指标'),
    label(0, 3, '三级指标'),
    label(0, 4, '年度(/项目)指标值'),
  ];
  const keep: [number, number][] = [];
  for (let i = 0; i < n; ) {
    const ind = indicators[i]!;
    const span1 = runLength(indicators, i, (x) => x.level1);
    cells.push(label(i + 1, 1, ind.level1, { rowSpan: span1 }));
    for (let j = i; j < i + span1; ) {
      const span2 = runLength(indicators, j, (x) => `${x.level1}\u0000${x.level2}`);
      cells.push(label(j + 1, 2, indicators[j]!.level2, { rowSpan: span2 }));
      keep.push([j === 0 ? 0 : j + 1, j + 1 + span2]);
      for (let k = j; k < j + span2; k++) {
        const row = indicators[k]!;
        cells.push(value(k + 1, 3, row.name), value(k + 1, 4, printedValue(row)));
      }
      j += span2;
    }
    i += span1;
  }
  // Reading order: row by row. The loops above emit a group's label cells before its rows.
  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  if (n === 0) keep.push([0, 1]);
  return { widths: fill([VERTICAL, chars(2), chars(3), '*', chars(12)]), rows: n + 1, cells, keep };
}
