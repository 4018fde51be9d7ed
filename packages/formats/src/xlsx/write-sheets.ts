/** The 汇总 sheet and the flat 指标 sheet of the workbook. */
import { type Disclosure, LEVEL1_NAMES, summarizeDisclosure } from '@jixiao/core';
import type { DataValidation, Workbook, Worksheet } from 'exceljs';
import { columnLetter, decimalCell, moneyValue, wrappedHeight } from './cells.ts';
import { type FlatCell, flatRows } from './flat.ts';
import { annualSum, FLAT_COLUMNS, FLAT_SHEET, SUMMARY, SUMMARY_SHEET } from './layout.ts';
import { BOLD, CENTER, HEADER_FILL, merge, put, putMoney, TITLE_FONT } from './style.ts';

const SUMMARY_WIDTHS = [22, 36, 36, 18, 18, 8, 20];

/**
 * The 汇总 sheet: department and year, the figures computed from the forms beside the ones the
 * document states (the 文中所述 column is what the reader takes back as `summary`; all blank =
 * no summary paragraph), the sentence, and a table of the projects linking to their sheets.
 */
export function addSummarySheet(wb: Workbook, d: Disclosure, sheetNames: readonly string[]): Worksheet {
  const ws = wb.addWorksheet(SUMMARY_SHEET, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  SUMMARY_WIDTHS.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  const width = SUMMARY_WIDTHS.length;
  put(ws, 1, 1, {
    value: `${d.department} ${d.year}年度项目预算绩效目标汇总`,
    font: TITLE_FONT,
    align: CENTER,
    border: false,
  });
  ws.mergeCells(1, 1, 1, width);
  ws.getRow(1).height = 30;

  const label = (r: number, c: number, text: string) =>
    put(ws, r, c, { value: text, font: BOLD, align: CENTER, fill: HEADER_FILL });
  label(3, 1, SUMMARY.department);
  put(ws, 3, 2, { value: d.department });
  merge(ws, 3, 2, 3, width);
  label(4, 1, SUMMARY.year);
  put(ws, 4, 2, { value: d.year, numFmt: '0', align: CENTER });

  const s = summarizeDisclosure(d);
  label(6, 1, '项目');
  label(6, 2, SUMMARY.computed);
  label(6, 3, SUMMARY.stated);
  const c = s.computed;
  const st = d.summary;
  const figures: [string, string | number | null, string | number | null][] = [
    [SUMMARY.budgetUnitCount, c.budgetUnitCount, st?.budgetUnitCount ?? null],
    [SUMMARY.projectCount, c.projectCount, st?.projectCount ?? null],
    [SUMMARY.totalWan, c.totalWan, st?.totalWan ?? null],
    [SUMMARY.largeProjectCount, c.largeProjectCount, st?.largeProjectCount ?? null],
    [SUMMARY.largeThresholdWan, c.largeThresholdWan, st?.largeThresholdWan ?? null],
  ];
  figures.forEach(([name, computed, stated], k) => {
    const r = 7 + k;
    label(r, 1, name);
    for (const [col, v] of [
      [2, computed],
      [3, stated],
    ] as const) {
      // 万元 figures are decimal strings: shown as numbers with their own decimals, exactly
      const cell = typeof v === 'string' ? decimalCell(v) : { value: v, numFmt: '0' };
      put(ws, r, col, { value: cell.value, numFmt: cell.numFmt ?? '@', align: CENTER });
    }
  });

  label(12, 1, '汇总句');
  put(ws, 12, 2, { value: s.sentence });
  merge(ws, 12, 2, 12, width);
  ws.getRow(12).height = wrappedHeight(s.sentence, 36 * 2 + 18 * 2 + 28);
  label(13, 1, '与文中比较');
  const names: Record<string, string> = SUMMARY;
  const check =
    st === null
      ? '文中没有汇总段落。'
      : s.differences.length === 0
        ? '文中所述与计算一致。'
        : `不一致：${s.differences
            .map((x) => `${names[x.field] ?? x.field} 文中 ${x.stated ?? '无'}，计算 ${x.computed ?? '无'}`)
            .join('；')}。`;
  put(ws, 13, 2, { value: check });
  merge(ws, 13, 2, 13, width);

  const top = 15;
  [
    '序号',
    '项目名称',
    '实施单位',
    '项目资金总额（元）',
    '年度资金申请总额（元）',
    '指标数',
    '工作表',
  ].forEach((h, k) => {
    label(top, k + 1, h);
  });
  d.projects.forEach((p, k) => {
    const r = top + 1 + k;
    const sheet = sheetNames[k] ?? '';
    put(ws, r, 1, { value: k + 1, align: CENTER });
    put(ws, r, 2, { value: p.form.name });
    put(ws, r, 3, { value: p.form.implementingUnit });
    putMoney(ws, r, 4, moneyValue(p.form.funds.total));
    putMoney(ws, r, 5, moneyValue(p.form.funds.annualTotal));
    put(ws, r, 6, { value: p.form.indicators.length, align: CENTER });
    const link = put(ws, r, 7, { value: sheet });
    link.value = { text: sheet, hyperlink: `#'${sheet.replaceAll("'", "''")}'!A1` };
    link.font = { ...BOLD, bold: false, underline: true, color: { argb: 'FF0563C1' } };
  });
  const sumRow = top + 1 + d.projects.length;
  label(sumRow, 1, '合计');
  merge(ws, sumRow, 1, sumRow, 3);
  const n = d.projects.length;
  const range = (col: string) => `${col}${top + 1}:${col}${Math.max(top + 1, sumRow - 1)}`;
  const totalSum = d.projects.reduce((a, p) => a + (p.form.funds.total ?? 0), 0);
  // Formulas keep the sheet live for users; their cached results are exact sums in fen.
  putMoney(ws, sumRow, 4, null).value = {
    formula: `SUM(${range('D')})`,
    result: Number(moneyValue(totalSum)),
  };
  putMoney(ws, sumRow, 5, null).value = {
    formula: `SUM(${range('E')})`,
    result: Number(moneyValue(annualSum(d))),
  };
  put(ws, sumRow, 6, { value: null, align: CENTER }).value = {
    formula: `SUM(${range('F')})`,
    result: d.projects.reduce((a, p) => a + p.form.indicators.length, 0),
  };
  put(ws, sumRow, 7, { value: n === 0 ? '' : `${n} 个项目` });
  return ws;
}

/**
 * The flat 指标 sheet: a frozen header row with an autofilter, one row per indicator, money as
 * numbers, drop-down lists for 一级指标, 指标类型 and 符号 (also on spare rows for a unit to fill).
 */
export function addFlatSheet(wb: Workbook, d: Disclosure, spareRows = 0): Worksheet {
  const ws = wb.addWorksheet(FLAT_SHEET, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  FLAT_COLUMNS.forEach((col, k) => {
    ws.getColumn(k + 1).width = col.width;
    put(ws, 1, k + 1, { value: col.header, font: BOLD, align: CENTER, fill: HEADER_FILL });
  });
  ws.getRow(1).height = 32;
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: FLAT_COLUMNS.length } };

  const rows = flatRows(d);
  rows.forEach((row, k) => {
    FLAT_COLUMNS.forEach((col, c) => {
      const cell: FlatCell = row.cells[col.key];
      const x = put(ws, k + 2, c + 1, { value: cell.value, ...(cell.numFmt ? { numFmt: cell.numFmt } : {}) });
      if (col.type === 'text') x.alignment = { vertical: 'top', horizontal: 'left', wrapText: false };
      if (col.type === 'date' || col.type === 'year') x.alignment = { vertical: 'top', horizontal: 'center' };
    });
  });
  const lists: Partial<Record<string, string>> = {
    level1: LEVEL1_NAMES.join(','),
    kind: '定量,定性',
    operator: '≥,≤,=,>,<',
  };
  const last = Math.max(2, rows.length + 1 + spareRows);
  // One validation per column range: exceljs's per-cell validations are merged by sorting cell
  // addresses as strings (R10 before R2) into overlapping ranges, which Excel reports as damage.
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: DataValidation): void } })
    .dataValidations;
  FLAT_COLUMNS.forEach((col, c) => {
    const list = lists[col.key];
    if (list === undefined) return;
    const letter = columnLetter(c + 1);
    validations.add(`${letter}2:${letter}${last}`, {
      type: 'list',
      allowBlank: true,
      // a listed 一级 is only a suggestion (old frameworks differ); kind and operator are strict
      showErrorMessage: col.key !== 'level1',
      formulae: [`"${list}"`],
    });
  });
  return ws;
}
