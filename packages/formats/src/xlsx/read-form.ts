/**
 * Reads a 申报表 sheet back into a project. Rows and cells are found by their labels, so inserted
 * rows (another indicator, another section) are read too. Every field comes from a visible cell;
 * an indicator's hidden parts (H–L) are used only while its visible value is unchanged.
 */
import {
  type Explanation,
  type Funds,
  type Indicator,
  normalizeOperator,
  type Project,
  parseQuantity,
  printQuantity,
  type Section,
} from '@jixiao/core';
import type { Cell, Worksheet } from 'exceljs';
import { cellText, contentOf, DECIMAL_RE, dateOfContent, fenOfContent } from './cells.ts';
import { type Diagnostics, place, XLSX_CODES } from './diag.ts';
import { FORM, FUND_LABELS, HIDDEN_HEADERS, HIDDEN_PARTS, KIND_LABEL, SECTION_MARK } from './layout.ts';

/** The rows of the form's labelled blocks (column A). */
interface Rows {
  name: number;
  indicators: number;
  explanation: number | null;
}

function findRows(ws: Worksheet): Rows | null {
  let name: number | null = null;
  let indicators: number | null = null;
  let explanation: number | null = null;
  for (let r = 1; r <= ws.rowCount; r++) {
    const t = cellText(ws.getCell(r, 1)).trim();
    if (t === FORM.name && name === null) name = r;
    else if (t === FORM.indicators && indicators === null && name !== null) indicators = r;
    else if (t === FORM.explanation && indicators !== null && explanation === null) explanation = r;
  }
  return name !== null && indicators !== null ? { name, indicators, explanation } : null;
}

/** Whether a sheet is a 申报表: a 项目名称 row, then a 绩效指标 table. */
export function isFormSheet(ws: Worksheet): boolean {
  return findRows(ws) !== null;
}

const YEAR_RE = /^[（(]\s*(-?\d+)\s*年度?\s*[)）]$/;

/** Reads a form sheet as `projects[index]`. */
export function readFormSheet(ws: Worksheet, index: number, diags: Diagnostics): Project {
  const rows = findRows(ws);
  if (rows === null) throw new Error(`not a form sheet: ${ws.name}`);
  const sheet = ws.name;
  const path = `projects[${index}].form`;
  const missing = (label: string, field: string) =>
    diags.error(
      XLSX_CODES.FORM_LABEL_MISSING,
      `工作表「${sheet}」：没有找到「${label}」`,
      `${path}.${field}`,
    );

  /**
   * The cell right of a label in column `col` of the head (above the indicator table). Labels
   * are looked for in their own column only, so a value that happens to read like a label (a
   * project named 项目性质) is not taken for one.
   */
  const find = (label: string, col: number): Cell | null => {
    for (let r = rows.name; r < rows.indicators; r++) {
      const cell = ws.getCell(r, col);
      if (cell.master.address === cell.address && cellText(cell).trim() === label) return rightOf(ws, cell);
    }
    return null;
  };
  const head = (label: string, field: string, col: number): string => {
    const cell = find(label, col);
    if (cell === null) missing(label, field);
    return cell === null ? '' : cellText(cell);
  };

  // Title and year: the rows above 项目名称.
  let title = '';
  let year: number | null = null;
  for (let r = 1; r < rows.name; r++) {
    const t = cellText(ws.getCell(r, 1));
    const m = YEAR_RE.exec(t.trim());
    if (m) year ??= Number(m[1]);
    else if (t !== '' && title === '') title = t;
  }
  if (year === null) {
    diags.error(XLSX_CODES.YEAR_INVALID, `工作表「${sheet}」：表头没有「（YYYY年度）」`, `${path}.year`);
  }
  const y = year ?? 0;

  const name = head(FORM.name, 'name', 1);
  const nature = head(FORM.nature, 'nature', 5);
  const category = head(FORM.category, 'category', 1);
  const competentDepartment = head(FORM.department, 'competentDepartment', 5);
  const implementingUnit = head(FORM.unit, 'implementingUnit', 1);
  const date = (label: string, col: number, field: 'startDate' | 'endDate', fallback: string): string => {
    const cell = find(label, col);
    if (cell === null) {
      missing(label, field);
      return fallback;
    }
    const d = dateOfContent(contentOf(cell));
    if (typeof d === 'string') return d;
    diags.error(
      XLSX_CODES.DATE_INVALID,
      `${place(sheet, Number(cell.row), Number(cell.col), label)}：日期格式不正确：「${cellText(cell)}」，按 ${fallback} 记`,
      `${path}.${field}`,
    );
    return fallback;
  };
  const pad = String(y).padStart(4, '0');
  const startDate = date(FORM.start, 1, 'startDate', `${pad}-01-01`);
  const endDate = date(FORM.end, 5, 'endDate', `${pad}-12-31`);

  const funds = {} as Funds;
  for (const fl of FUND_LABELS) {
    const cell = find(fl.label, fl.side === 'left' ? 3 : 5);
    funds[fl.field] = cell === null ? null : money(cell, sheet, fl.label, `${path}.funds.${fl.field}`, diags);
    if (cell === null) missing(fl.label, `funds.${fl.field}`);
  }

  const overallGoal = head(FORM.overallGoal, 'overallGoal', 2);
  const annualGoal = head(FORM.annualGoal, 'annualGoal', 2);

  const end = rows.explanation ?? ws.rowCount + 1;
  const indicators = readIndicators(ws, rows.indicators, end, `${path}.indicators`, diags);
  const explanation =
    rows.explanation === null ? null : readExplanation(ws, rows.explanation, `projects[${index}]`, diags);
  return {
    explanation,
    form: {
      title,
      year: y,
      name,
      nature,
      category,
      competentDepartment,
      implementingUnit,
      startDate,
      endDate,
      funds,
      overallGoal,
      annualGoal,
      indicators,
    },
  };
}

/** The cell right of `cell`, past the cells merged with it. */
function rightOf(ws: Worksheet, cell: Cell): Cell {
  const r = Number(cell.row);
  let v = Number(cell.col) + 1;
  while (v < 64 && ws.getCell(r, v).master.address === cell.address) v++;
  return ws.getCell(r, v);
}

function money(cell: Cell, sheet: string, label: string, field: string, diags: Diagnostics) {
  const fen = fenOfContent(contentOf(cell));
  if (fen !== undefined) return fen;
  diags.error(
    XLSX_CODES.AMOUNT_INVALID,
    `${place(sheet, Number(cell.row), Number(cell.col), label)}：金额格式不正确：「${cellText(cell)}」（应为如 5,850,000.00 的金额，最多两位小数）`,
    field,
  );
  return null;
}

/** The indicator rows between the heading row `top` and `end` (exclusive). */
function readIndicators(
  ws: Worksheet,
  top: number,
  end: number,
  path: string,
  diags: Diagnostics,
): Indicator[] {
  const sheet = ws.name;
  const colOf = (pred: (t: string) => boolean, fallback: number) => {
    for (let c = 2; c <= 7; c++) if (pred(cellText(ws.getCell(top, c)).trim())) return c;
    return fallback;
  };
  const cols = {
    level1: colOf((t) => t === FORM.level1, 2),
    level2: colOf((t) => t === FORM.level2, 3),
    name: colOf((t) => t === FORM.level3, 4),
    value: colOf((t) => t.includes('指标值'), 5),
  };
  const hidden = cellText(ws.getCell(top, HIDDEN_PARTS.kind)) === HIDDEN_HEADERS[0];
  const out: Indicator[] = [];
  for (let r = top + 1; r < end; r++) {
    const t = (c: number) => cellText(ws.getCell(r, c));
    const [level1, level2, name, printed] = [t(cols.level1), t(cols.level2), t(cols.name), t(cols.value)];
    const kindMark = hidden ? t(HIDDEN_PARTS.kind) : '';
    if (level1 === '' && level2 === '' && name === '' && printed === '' && kindMark === '') continue;
    const k = out.length;
    for (const [label, v, f] of [
      [FORM.level1, level1, 'level1'],
      [FORM.level2, level2, 'level2'],
      [FORM.level3, name, 'name'],
    ] as const) {
      if (v.trim() === '') {
        diags.warn(
          XLSX_CODES.REQUIRED,
          `${place(sheet, r, cols[f === 'name' ? 'name' : f], label)}：${label}为空`,
          `${path}[${k}].${f}`,
        );
      }
    }
    const base = { level1, level2, name };
    // The hidden parts are used only while the visible value is the one they were written with
    // (and they still print as it): exact. Otherwise the visible cell was edited and wins.
    if (hidden && kindMark !== '' && t(HIDDEN_PARTS.printed) === printed) {
      if (kindMark === KIND_LABEL.qualitative) {
        out.push({ ...base, kind: 'qualitative', text: printed });
        continue;
      }
      const operator = normalizeOperator(t(HIDDEN_PARTS.operator));
      const q = { operator, value: t(HIDDEN_PARTS.number), unit: t(HIDDEN_PARTS.unit) };
      if (
        kindMark === KIND_LABEL.quantitative &&
        q.operator !== undefined &&
        DECIMAL_RE.test(q.value) &&
        printQuantity({ ...q, operator: q.operator }) === printed
      ) {
        out.push({ ...base, kind: 'quantitative', ...q, operator: q.operator });
        continue;
      }
    }
    const q = parseQuantity(printed);
    out.push(
      q ? { ...base, kind: 'quantitative', ...q } : { ...base, kind: 'qualitative', text: printed.trim() },
    );
  }
  return out;
}

/** The 说明 block from its heading row: sections, then the budget amount. */
function readExplanation(ws: Worksheet, top: number, path: string, diags: Diagnostics): Explanation {
  const sheet = ws.name;
  let header = top + 1;
  while (header <= ws.rowCount && cellText(ws.getCell(header, 1)).trim() !== FORM.sectionNumber) header++;
  const colOf = (label: string, fallback: number) => {
    for (let c = 1; c <= 6; c++) if (cellText(ws.getCell(header, c)).trim() === label) return c;
    return fallback;
  };
  const cols = { number: 1, title: colOf(FORM.sectionTitle, 2), text: colOf(FORM.sectionText, 4) };
  const sections: Section[] = [];
  let budgetYuan: number | null = null;
  let budgetFound = false;
  for (let r = header + 1; r <= ws.rowCount; r++) {
    const number = cellText(ws.getCell(r, cols.number));
    if (number.trim() === FORM.budget) {
      budgetFound = true;
      const cell = rightOf(ws, ws.getCell(r, cols.number));
      budgetYuan = money(cell, sheet, FORM.budget, `${path}.explanation.budgetYuan`, diags);
      break;
    }
    const title = cellText(ws.getCell(r, cols.title));
    const text = cellText(ws.getCell(r, cols.text));
    const mark = cellText(ws.getCell(r, HIDDEN_PARTS.kind)) === SECTION_MARK;
    if (number === '' && title === '' && text === '' && !mark) continue;
    sections.push({ number, title, text });
  }
  if (!budgetFound) {
    diags.error(
      XLSX_CODES.FORM_LABEL_MISSING,
      `工作表「${sheet}」：项目经费情况说明没有「${FORM.budget}」行，年度预算安排金额记为空`,
      `${path}.explanation.budgetYuan`,
    );
  }
  return { sections, budgetYuan };
}
