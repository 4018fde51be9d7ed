/**
 * Reads a flat sheet — one row per indicator with its project's fields — as filled in by a unit:
 * columns found by their Chinese headers (any order, extra columns ignored), blank rows skipped,
 * rows grouped into projects by 项目名称 + 实施单位, every cell checked, and every problem reported
 * with its sheet, row, column and header. What can be read is returned even when some cells are wrong.
 */
import type { FundField, Indicator, Project } from '@jixiao/core';
import type { Worksheet } from 'exceljs';
import {
  type Content,
  cellText,
  contentOf,
  contentText,
  dateOfContent,
  fenOfContent,
  integerOfContent,
} from './cells.ts';
import { type Diagnostics, place, XLSX_CODES } from './diag.ts';
import { FLAT_COLUMNS, type FlatColumn, type FlatKey, normalizeHeader } from './layout.ts';
import { readFlatIndicator } from './read-flat-indicator.ts';

/** Where the header row is and which column holds what (with the header as written). */
export interface FlatHeader {
  row: number;
  cols: Partial<Record<FlatKey, { col: number; header: string; def: FlatColumn }>>;
  /** places of columns whose header repeats an earlier one (not read) */
  duplicates: string[];
}

const BY_HEADER = new Map<string, FlatColumn>();
for (const c of FLAT_COLUMNS) {
  BY_HEADER.set(normalizeHeader(c.header), c);
  for (const a of c.aliases ?? []) BY_HEADER.set(normalizeHeader(a), c);
}

/** Finds the header row (in the first 20 rows: one naming 项目名称 and 三级指标); null if none. */
export function findFlatHeader(ws: Worksheet): FlatHeader | null {
  for (let r = 1; r <= Math.min(20, ws.rowCount); r++) {
    const cols: FlatHeader['cols'] = {};
    const duplicates: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const header = cellText(ws.getCell(r, c)).trim();
      const def = BY_HEADER.get(normalizeHeader(header));
      if (!def) continue;
      if (cols[def.key]) duplicates.push(place(ws.name, r, c, header));
      else cols[def.key] = { col: c, header, def };
    }
    if (cols.name && cols.level3) return { row: r, cols, duplicates };
  }
  return null;
}

type ProjectKey = Exclude<
  FlatKey,
  'name' | 'level1' | 'level2' | 'level3' | 'printed' | 'kind' | 'operator' | 'number' | 'measure'
>;
const PROJECT_KEYS = FLAT_COLUMNS.map((c) => c.key).filter(
  (k): k is ProjectKey =>
    !['name', 'level1', 'level2', 'level3', 'printed', 'kind', 'operator', 'number', 'measure'].includes(k),
);

type Value = string | number | null;

interface Group {
  name: string;
  index: number;
  firstRow: number;
  /** the first non-blank value of each project field, and where it came from */
  fields: Partial<Record<ProjectKey, { value: Value; row: number }>>;
  indicators: Indicator[];
}

/**
 * Reads the data rows under `header` into projects (in order of first appearance). `yearOf` gets
 * the years of the 年度 cells and gives the year for projects without one (and for blank dates).
 * Returns no projects when a required column is missing.
 */
export function readFlatSheet(
  ws: Worksheet,
  header: FlatHeader,
  diags: Diagnostics,
  yearOf: (cellYears: number[]) => number,
): Project[] {
  const sheet = ws.name;
  const groups = new Map<string, Group>();
  const missing = (['name', 'level1', 'level2', 'level3'] as const)
    .filter((k) => !header.cols[k])
    .map((k) => FLAT_COLUMNS.find((c) => c.key === k)?.header ?? k);
  // the value may come printed (指标值) or in parts (符号/数值/单位): one of them is enough
  if (!header.cols.printed && !header.cols.number) missing.push('指标值');
  for (const h of missing) {
    diags.error(XLSX_CODES.COLUMN_MISSING, `工作表「${sheet}」第${header.row}行（表头）：没有「${h}」列`);
  }
  if (missing.length > 0) return [];
  for (const d of header.duplicates) {
    diags.warn(XLSX_CODES.COLUMN_DUPLICATE, `${d}：与前面的同名列重复，本列未读入`);
  }

  const at = (r: number, k: FlatKey): { c: Content; where: string } | null => {
    const h = header.cols[k];
    return h ? { c: contentOf(ws.getCell(r, h.col)), where: place(sheet, r, h.col, h.header) } : null;
  };

  for (let r = header.row + 1; r <= ws.rowCount; r++) {
    const cells = Object.values(header.cols).map((h) => contentOf(ws.getCell(r, h.col)));
    if (cells.every((c) => c.type === 'blank' || (c.type === 'text' && c.text.trim() === ''))) continue;
    const nameCell = at(r, 'name');
    const name = nameCell ? contentText(nameCell.c) : '';
    if (name.trim() === '') {
      diags.error(XLSX_CODES.REQUIRED, `${nameCell?.where}：项目名称为空，本行未读入`);
      continue;
    }
    const unit = at(r, 'unit');
    const key = `${squash(name)}\u0000${unit ? squash(contentText(unit.c)) : ''}`;
    let g = groups.get(key);
    if (!g) {
      g = { name, index: groups.size, firstRow: r, fields: {}, indicators: [] };
      groups.set(key, g);
    }
    readProjectCells(g, r, at, diags);
    const ind = readFlatIndicator(
      (k) => at(r, k),
      `projects[${g.index}].form.indicators[${g.indicators.length}]`,
      diags,
    );
    if (ind) g.indicators.push(ind);
  }

  const list = [...groups.values()];
  const cellYears = list.map((g) => g.fields.year?.value).filter((y): y is number => typeof y === 'number');
  const year = yearOf(cellYears);
  return list.map((g) => toProject(g, year, sheet, header, diags));
}

function squash(s: string): string {
  return s.replace(/\s+/g, '');
}

/** Parses the project cells of row `r` into the group: the first non-blank value of each wins. */
function readProjectCells(
  g: Group,
  r: number,
  at: (r: number, k: FlatKey) => { c: Content; where: string } | null,
  diags: Diagnostics,
): void {
  for (const k of PROJECT_KEYS) {
    const cell = at(r, k);
    if (!cell || cell.c.type === 'blank') continue;
    const def = FLAT_COLUMNS.find((c) => c.key === k);
    const field = def?.fund
      ? `projects[${g.index}].form.funds.${def.fund}`
      : `projects[${g.index}].form.${fieldOf(k)}`;
    let value: Value | undefined;
    switch (def?.type) {
      case 'money':
        value = fenOfContent(cell.c);
        if (value === undefined) {
          diags.error(
            XLSX_CODES.AMOUNT_INVALID,
            `${cell.where}：金额格式不正确：「${contentText(cell.c)}」（应为如 5,850,000.00 或 5850000 的金额，最多两位小数）`,
            field,
          );
        }
        break;
      case 'date':
        value = dateOfContent(cell.c);
        if (value === undefined) {
          diags.error(
            XLSX_CODES.DATE_INVALID,
            `${cell.where}：日期格式不正确：「${contentText(cell.c)}」（应为如 2024-01-01 的日期）`,
            field,
          );
        }
        break;
      case 'year': {
        const y = integerOfContent(cell.c);
        value = y === undefined || (y !== null && (y < 2000 || y > 2100)) ? undefined : y;
        if (value === undefined) {
          diags.error(
            XLSX_CODES.YEAR_INVALID,
            `${cell.where}：年度应为 2000–2100 之间的整数，实际为「${contentText(cell.c)}」`,
            field,
          );
        }
        break;
      }
      default:
        value = contentText(cell.c);
    }
    if (value === undefined || value === null) continue;
    const prev = g.fields[k];
    if (!prev) g.fields[k] = { value, row: r };
    else if (prev.value !== value) {
      diags.warn(
        XLSX_CODES.PROJECT_CONFLICT,
        `${cell.where}：「${contentText(cell.c)}」与项目「${g.name}」第${prev.row}行所填不一致，按第${prev.row}行读取`,
        field,
      );
    }
  }
}

function fieldOf(k: ProjectKey): string {
  const map: Partial<Record<ProjectKey, string>> = {
    unit: 'implementingUnit',
    department: 'competentDepartment',
  };
  return map[k] ?? k;
}

function toProject(g: Group, year: number, sheet: string, header: FlatHeader, diags: Diagnostics): Project {
  const text = (k: ProjectKey) => {
    const v = g.fields[k]?.value;
    return typeof v === 'string' ? v : '';
  };
  const money = (f: FundField) => {
    const v = g.fields[f]?.value;
    return typeof v === 'number' ? v : null;
  };
  const y = typeof g.fields.year?.value === 'number' ? g.fields.year.value : year;
  const pad = String(y).padStart(4, '0');
  const date = (k: 'startDate' | 'endDate', fallback: string) => {
    const v = g.fields[k]?.value;
    if (typeof v === 'string') return v;
    const h = header.cols[k];
    const label = h?.header ?? (k === 'startDate' ? '计划开始日期' : '计划完成日期');
    diags.warn(
      XLSX_CODES.DATE_INVALID,
      `${place(sheet, g.firstRow, h?.col, h?.header)}：项目「${g.name}」没有有效的${label}，按 ${fallback} 记`,
      `projects[${g.index}].form.${k}`,
    );
    return fallback;
  };
  return {
    explanation: null,
    form: {
      title: '财政项目支出绩效目标申报表',
      year: y,
      name: g.name,
      nature: text('nature'),
      category: text('category'),
      competentDepartment: text('department'),
      implementingUnit: text('unit'),
      startDate: date('startDate', `${pad}-01-01`),
      endDate: date('endDate', `${pad}-12-31`),
      funds: {
        total: money('total'),
        fiscal: money('fiscal'),
        other: money('other'),
        annualTotal: money('annualTotal'),
        currentYearAppropriation: money('currentYearAppropriation'),
        priorYearCarryover: money('priorYearCarryover'),
        annualOther: money('annualOther'),
      },
      overallGoal: text('overallGoal'),
      annualGoal: text('annualGoal'),
      indicators: g.indicators,
    },
  };
}
