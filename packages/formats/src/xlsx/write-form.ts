/**
 * One 申报表 sheet per project, laid out like the printed form (columns A–F): header rows, funds,
 * goals, the indicator table with merged 一级/二级 headings and the vertical 绩效指标 label, then
 * the project's 项目经费情况说明. Every model field is in a visible cell; hidden columns H–L repeat
 * each indicator's value parts only to disambiguate the printed value (see `HIDDEN_PARTS`). The two
 * goals stand one under the other, each label left of its text, where the printed form has them
 * side by side: long goals read better so in a spreadsheet.
 */
import { type Explanation, type Project, printedValue } from '@jixiao/core';
import type { Workbook, Worksheet } from 'exceljs';
import { moneyValue, wrappedHeight } from './cells.ts';
import { FORM, FUND_LABELS, HIDDEN_HEADERS, HIDDEN_PARTS, KIND_LABEL, SECTION_MARK } from './layout.ts';
import { BOLD, CENTER, HEADER_FILL, merge, put, putMoney, TITLE_FONT, VERTICAL } from './style.ts';

/** Excel's highest row (points). */
const MAX_ROW_HEIGHT = 409;
/** Widths of columns A–F (characters). */
const WIDTHS = [6, 12, 18, 34, 20, 20];
const [, wB, wC, wD, wE, wF] = WIDTHS as [number, number, number, number, number, number];

/** Adds the form sheet of `project`. */
export function addFormSheet(wb: Workbook, sheetName: string, project: Project): Worksheet {
  const ws = wb.addWorksheet(sheetName, {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ showGridLines: false }],
  });
  WIDTHS.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  ws.getColumn(7).width = 2;
  for (const c of Object.values(HIDDEN_PARTS)) ws.getColumn(c).hidden = true;

  const f = project.form;
  put(ws, 1, 1, { value: f.title, font: TITLE_FONT, align: CENTER, border: false });
  ws.mergeCells(1, 1, 1, 6);
  ws.getRow(1).height = 30;
  put(ws, 2, 1, { value: `（${f.year}年度）`, align: CENTER, border: false });
  ws.mergeCells(2, 1, 2, 6);

  const label = (row: number, col: number, text: string) =>
    put(ws, row, col, { value: text, font: BOLD, align: CENTER, fill: HEADER_FILL });
  const text = (row: number, col: number, value: string) => put(ws, row, col, { value });

  // Header rows: label A:B, value C:D, label E, value F (实施单位 spans C:F).
  const pairs: [string, string, string | null, string | null][] = [
    [FORM.name, f.name, FORM.nature, f.nature],
    [FORM.category, f.category, FORM.department, f.competentDepartment],
    [FORM.unit, f.implementingUnit, null, null],
    [FORM.start, f.startDate, FORM.end, f.endDate],
  ];
  pairs.forEach(([l1, v1, l2, v2], k) => {
    const r = 3 + k;
    label(r, 1, l1);
    merge(ws, r, 1, r, 2);
    text(r, 3, v1);
    if (l2 === null || v2 === null) {
      merge(ws, r, 3, r, 6);
    } else {
      merge(ws, r, 3, r, 4);
      label(r, 5, l2);
      text(r, 6, v2);
    }
    ws.getRow(r).height = Math.max(
      wrappedHeight(v1, l2 === null ? wC + wD + wE + wF : wC + wD),
      v2 === null ? 0 : wrappedHeight(v2, wF),
    );
  });

  // Funds: 项目资金 (left, rows 7, 8, 10) and 年度资金 (right, rows 7–10).
  label(7, 1, FORM.funds);
  merge(ws, 7, 1, 10, 2);
  const leftRows = [7, 8, 10];
  const rightRows = [7, 8, 9, 10];
  for (const r of [7, 8, 9, 10]) {
    put(ws, r, 3, { value: null });
    put(ws, r, 4, { value: null });
  }
  for (const fl of FUND_LABELS) {
    const rows = fl.side === 'left' ? leftRows : rightRows;
    const r = rows.shift() ?? 0;
    const col = fl.side === 'left' ? 3 : 5;
    label(r, col, fl.label);
    putMoney(ws, r, col + 1, moneyValue(f.funds[fl.field]));
  }

  // Goals: a label (B:C) left of its text (D:F), one goal under the other. A long goal spreads
  // over several merged rows, as Excel caps a row at 409 points.
  let r = 11;
  for (const [name, goal] of [
    [FORM.overallGoal, f.overallGoal],
    [FORM.annualGoal, f.annualGoal],
  ] as const) {
    const height = Math.max(wrappedHeight(goal, wD + wE + wF), 3 * 15 + 4);
    const n = Math.ceil(height / MAX_ROW_HEIGHT);
    label(r, 2, name);
    merge(ws, r, 2, r + n - 1, 3);
    text(r, 4, goal);
    merge(ws, r, 4, r + n - 1, 6);
    for (let k = 0; k < n; k++) ws.getRow(r + k).height = Math.ceil(height / n);
    r += n;
  }
  put(ws, 11, 1, { value: FORM.goals, font: BOLD, align: VERTICAL, fill: HEADER_FILL });
  merge(ws, 11, 1, r - 1, 1);

  const last = writeIndicators(ws, r, project);
  let end = last;
  if (project.explanation) {
    // the 说明 prints on a page of its own, as in the disclosure
    ws.getRow(last + 1).addPageBreak(1, 16384); // max column 16383: exceljs's default (16838) is a typo
    end = writeExplanation(ws, last + 2, project.explanation);
  }
  ws.pageSetup.printArea = `A1:F${end}`;
  return ws;
}

/** The indicator table from `top` (its heading row); returns its last row. */
function writeIndicators(ws: Worksheet, top: number, project: Project): number {
  const label = (col: number, text: string) =>
    put(ws, top, col, { value: text, font: BOLD, align: CENTER, fill: HEADER_FILL });
  label(2, FORM.level1);
  label(3, FORM.level2);
  label(4, FORM.level3);
  label(5, FORM.value);
  merge(ws, top, 5, top, 6);
  Object.values(HIDDEN_PARTS).forEach((c, k) => {
    put(ws, top, c, { value: HIDDEN_HEADERS[k] ?? '', border: false });
  });

  const list = project.form.indicators;
  list.forEach((ind, k) => {
    const r = top + 1 + k;
    put(ws, r, 2, { value: ind.level1, align: CENTER });
    put(ws, r, 3, { value: ind.level2, align: CENTER });
    put(ws, r, 4, { value: ind.name });
    put(ws, r, 5, { value: printedValue(ind), align: CENTER });
    merge(ws, r, 5, r, 6);
    ws.getRow(r).height = Math.min(
      MAX_ROW_HEIGHT,
      Math.max(wrappedHeight(ind.name, wD), wrappedHeight(printedValue(ind), wE + wF)),
    );
    put(ws, r, HIDDEN_PARTS.kind, { value: KIND_LABEL[ind.kind], border: false });
    put(ws, r, HIDDEN_PARTS.printed, { value: printedValue(ind), border: false });
    if (ind.kind === 'quantitative') {
      put(ws, r, HIDDEN_PARTS.operator, { value: ind.operator, border: false });
      // text, not a number: the printed digits (`4.00`, `1`) are the value
      put(ws, r, HIDDEN_PARTS.number, { value: ind.value, border: false });
      put(ws, r, HIDDEN_PARTS.unit, { value: ind.unit, border: false });
    }
  });

  // Merge each run of equal 一级 (and, inside it, of equal 二级): the heading printed once.
  const runs = (from: number, to: number, key: (k: number) => string, col: number) => {
    let start = from;
    for (let k = from + 1; k <= to; k++) {
      if (k === to || key(k) !== key(start)) {
        if (k - 1 > start) ws.mergeCells(top + 1 + start, col, top + k, col);
        if (col === 2) runs(start, k, (j) => list[j]?.level2 ?? '', 3);
        start = k;
      }
    }
  };
  if (list.length > 0) runs(0, list.length, (j) => list[j]?.level1 ?? '', 2);

  const last = top + list.length;
  put(ws, top, 1, { value: FORM.indicators, font: BOLD, align: VERTICAL, fill: HEADER_FILL });
  merge(ws, top, 1, last, 1);
  return last;
}

/** The 项目经费情况说明 block: heading, one row per section, the budget amount; its last row. */
function writeExplanation(ws: Worksheet, top: number, e: Explanation): number {
  put(ws, top, 1, { value: FORM.explanation, font: { ...BOLD, size: 14 }, align: CENTER });
  merge(ws, top, 1, top, 6);
  ws.getRow(top).height = 24;
  const head = top + 1;
  const label = (col: number, text: string) =>
    put(ws, head, col, { value: text, font: BOLD, align: CENTER, fill: HEADER_FILL });
  label(1, FORM.sectionNumber);
  label(2, FORM.sectionTitle);
  merge(ws, head, 2, head, 3);
  label(4, FORM.sectionText);
  merge(ws, head, 4, head, 6);
  e.sections.forEach((s, k) => {
    const r = head + 1 + k;
    put(ws, r, 1, { value: s.number, align: CENTER });
    put(ws, r, HIDDEN_PARTS.kind, { value: SECTION_MARK, border: false });
    put(ws, r, 2, { value: s.title });
    merge(ws, r, 2, r, 3);
    put(ws, r, 4, { value: s.text });
    merge(ws, r, 4, r, 6);
    ws.getRow(r).height = Math.min(
      MAX_ROW_HEIGHT,
      Math.max(wrappedHeight(s.text, wD + wE + wF), wrappedHeight(s.title, wB + wC)),
    );
  });
  const r = head + 1 + e.sections.length;
  put(ws, r, 1, { value: FORM.budget, font: BOLD, align: CENTER, fill: HEADER_FILL });
  merge(ws, r, 1, r, 3);
  putMoney(ws, r, 4, moneyValue(e.budgetYuan));
  put(ws, r, 5, { value: null });
  merge(ws, r, 5, r, 6);
  return r;
}
