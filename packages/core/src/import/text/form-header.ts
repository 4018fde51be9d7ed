/**
 * Reads the top of a 申报表: the labelled fields and the funding block. PDF extraction wraps cells
 * anywhere (中共上海市松 / 江区委政法委 / 员会) and prints vertical labels one character per line
 * (项/目/类/别), so the lines are joined with nothing in between and the values are what lies between
 * known labels, whatever their order.
 */
import { type Fen, parseWan, parseYuan } from '../../model/money.ts';
import type { Funds } from '../../model/schema.ts';
import { CODES, type Diagnostic } from '../diagnostics.ts';
import { displayWidth, type Line } from './lines.ts';

export type HeaderField =
  | 'name'
  | 'nature'
  | 'category'
  | 'competentDepartment'
  | 'implementingUnit'
  | 'startDate'
  | 'endDate'
  | 'fundsUnit'
  | 'total'
  | 'fiscal'
  | 'annualTotal'
  | 'currentYearAppropriation'
  | 'priorYearCarryover'
  | 'other';

/** Printed labels, longest first within a field. `other` (其他资金) appears twice: left then right column. */
const LABELS: [HeaderField, string][] = [
  ['name', '项目名称'],
  ['nature', '项目性质'],
  ['nature', '项目属性'],
  ['category', '项目类别'],
  ['competentDepartment', '主管部门'],
  ['competentDepartment', '主管单位'],
  ['implementingUnit', '实施单位'],
  ['implementingUnit', '项目单位'],
  ['startDate', '计划开始日期'],
  ['startDate', '计划开始时间'],
  ['startDate', '项目开始日期'],
  ['endDate', '计划完成日期'],
  ['endDate', '计划结束日期'],
  ['endDate', '计划完成时间'],
  ['endDate', '项目完成日期'],
  ['total', '项目资金总额'],
  ['total', '项目总资金'],
  ['annualTotal', '年度资金申请总额'],
  ['annualTotal', '年度资金总额'],
  ['currentYearAppropriation', '其中：当年财政拨款'],
  ['currentYearAppropriation', '当年财政拨款'],
  ['fiscal', '其中：财政资金'],
  ['fiscal', '财政资金'],
  ['priorYearCarryover', '上年结转资金'],
  ['priorYearCarryover', '上年结转'],
  ['other', '其他资金'],
  ['fundsUnit', '项目资金（元）'],
  ['fundsUnit', '项目资金（万元）'],
  ['fundsUnit', '项目资金'],
];

/** 项 目 名 称 with any whitespace between the characters; ：/: interchangeable. */
function labelPattern(label: string): string {
  return [...label]
    .map((ch) => (ch === '：' ? '[：:]' : ch === '（' ? '[（(]' : ch === '）' ? '[）)]' : ch))
    .join('\\s*');
}

const LABEL_RE = new RegExp(
  [...LABELS]
    .sort((a, b) => b[1].length - a[1].length)
    .map(([, l]) => `(?:${labelPattern(l)})`)
    .join('|'),
  'g',
);
const LABEL_FIELD = new Map<string, HeaderField>(LABELS.map(([f, l]) => [l.replace(/[：:（）()]/g, ''), f]));

function fieldOf(matched: string): HeaderField | undefined {
  return LABEL_FIELD.get(matched.replace(/[\s：:（）()]/g, ''));
}

export interface HeaderValues {
  values: Partial<Record<Exclude<HeaderField, 'other' | 'fundsUnit'>, { text: string; line: number }>>;
  funds: Funds;
  /** the funding block's unit: 元 (default) or 万元 */
  unit: '元' | '万元';
}

/** Joins lines with nothing between them, remembering which line each character came from. */
export function joinLines(lines: readonly Line[]): { text: string; lineAt: (offset: number) => number } {
  const starts: number[] = [];
  const nos: number[] = [];
  let text = '';
  for (const l of lines) {
    starts.push(text.length);
    nos.push(l.no);
    text += l.text;
  }
  const lineAt = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return nos[lo] ?? 0;
  };
  return { text, lineAt };
}

const FUND_LABEL_ZH: Record<string, string> = {
  total: '项目资金总额',
  fiscal: '其中：财政资金',
  other: '其他资金',
  annualTotal: '年度资金申请总额',
  currentYearAppropriation: '其中：当年财政拨款',
  priorYearCarryover: '上年结转资金',
  annualOther: '其他资金（年度）',
};

const FULL_LABELS = new Set(LABELS.map(([, l]) => l.replace(/[：:（）()]/g, '')));
const LABEL_PREFIXES = new Set<string>();
for (const l of FULL_LABELS) for (let i = 1; i < l.length; i++) LABEL_PREFIXES.add(l.slice(0, i));
const SEGMENT_RE = /\S+(?: \S+)*/g;
const KEY_RE = /[\s：:（）()]/g;
const KEY_TEST_RE = /[\s：:（）()]/;

interface Cell {
  col: number;
  text: string;
  no: number;
  /** a complete label (項目名称…) takes no more text */
  closed: boolean;
}

/** The label a short segment spells, punctuation ignored; '' for anything longer than a label. */
function labelKey(text: string): string {
  if (text.length > 12) return '';
  return KEY_TEST_RE.test(text) ? text.replace(KEY_RE, '') : text;
}

const isCompleteLabel = (key: string) => FULL_LABELS.has(key) && !LABEL_PREFIXES.has(key);

/**
 * Puts the header's cells back together. In `pdftotext -layout` text a table row is one line of
 * cells at fixed columns and a wrapped cell continues below at its column (主管部门 中共上海市松 /
 * 江区委政法委 / 员会), so reading line by line would interleave cells. A segment (text between runs of
 * 2+ spaces) continues the open cell at its column; a new cell in a column closes the cells to its
 * right (a new row has begun); a complete label never takes more text. Raw extraction has every
 * segment at column 0, so there this is the plain line order.
 */
export function linearizeCells(lines: readonly Line[]): Line[] {
  const cells: Cell[] = [];
  let open: Cell[] = [];
  for (const line of lines) {
    const raw = line.raw;
    let col = 0;
    let scanned = 0;
    SEGMENT_RE.lastIndex = 0;
    for (let m = SEGMENT_RE.exec(raw); m !== null; m = SEGMENT_RE.exec(raw)) {
      col += displayWidth(raw.slice(scanned, m.index));
      scanned = m.index;
      const text = m[0];
      const key = labelKey(text);
      let at: Cell | undefined;
      for (const c of open) if (c.col - col <= 2 && col - c.col <= 2) at = at ?? c;
      if (at && !at.closed && !FULL_LABELS.has(key)) {
        at.text += text;
        at.closed = isCompleteLabel(labelKey(at.text));
        continue;
      }
      const cell: Cell = { col, text, no: line.no, closed: isCompleteLabel(key) };
      open = open.filter((c) => c.col < col - 2);
      open.push(cell);
      cells.push(cell);
    }
  }
  return cells.map((c) => ({ no: c.no, raw: c.text, text: c.text }));
}

/** Reads the header lines (from below the year line to the goals heading). */
export function readHeader(
  lines: readonly Line[],
  diagnostics: Diagnostic[],
  projectPath: string,
): HeaderValues {
  const { text, lineAt } = joinLines(linearizeCells(lines));
  const marks: { field: HeaderField; start: number; end: number }[] = [];
  LABEL_RE.lastIndex = 0;
  for (let m = LABEL_RE.exec(text); m !== null; m = LABEL_RE.exec(text)) {
    const field = fieldOf(m[0]);
    if (field) marks.push({ field, start: m.index, end: m.index + m[0].length });
  }
  const values: HeaderValues['values'] = {};
  const funds: Funds = {
    total: null,
    fiscal: null,
    other: null,
    annualTotal: null,
    currentYearAppropriation: null,
    priorYearCarryover: null,
    annualOther: null,
  };
  let unit: '元' | '万元' = '元';
  let otherSeen = 0;
  marks.forEach((mark, i) => {
    const next = marks[i + 1];
    const value = text.slice(mark.end, next ? next.start : text.length).trim();
    const line = lineAt(mark.start);
    if (mark.field === 'fundsUnit') {
      if (/万元/.test(text.slice(mark.start, mark.end)) || /^[（(]万元[)）]/.test(value)) unit = '万元';
      return;
    }
    if (mark.field === 'other') {
      const key = otherSeen === 0 ? 'other' : 'annualOther';
      otherSeen++;
      funds[key] = readMoney(value, key, line, unit, diagnostics, projectPath);
      return;
    }
    if (
      mark.field === 'total' ||
      mark.field === 'fiscal' ||
      mark.field === 'annualTotal' ||
      mark.field === 'currentYearAppropriation' ||
      mark.field === 'priorYearCarryover'
    ) {
      funds[mark.field] = readMoney(value, mark.field, line, unit, diagnostics, projectPath);
      return;
    }
    if (values[mark.field] === undefined) values[mark.field] = { text: value, line: lineAt(mark.end) };
  });
  if (otherSeen === 1) {
    // Only one 其他资金 printed: it cannot be told which column it belongs to; the annual column is
    // the one reviewers compare, so keep it there and say so.
    funds.annualOther = funds.other;
    funds.other = null;
    diagnostics.push({
      code: CODES.FIELD_MISSING,
      severity: 'warning',
      message: '申报表只印有一个「其他资金」，已按年度资金的其他资金读取',
      field: `${projectPath}.form.funds.annualOther`,
    });
  }
  return { values, funds, unit };
}

function readMoney(
  value: string,
  key: keyof Funds,
  line: number,
  unit: '元' | '万元',
  diagnostics: Diagnostic[],
  projectPath: string,
): Fen | null {
  const v = value.replace(/\s+/g, '').replace(/[元]$/, '');
  if (v === '' || v === '-' || v === '—' || v === '/') return null;
  const fen = unit === '万元' ? parseWan(v) : parseYuan(v);
  if (fen === null) {
    diagnostics.push({
      code: CODES.AMOUNT_INVALID,
      severity: 'error',
      message: `第${line}行「${FUND_LABEL_ZH[key]}」金额格式不正确：${value.slice(0, 40)}`,
      line,
      field: `${projectPath}.form.funds.${key}`,
    });
  }
  return fen;
}

/** Dates as printed: 2024-01-01, 2024/1/1, 2024.1.1, 2024年1月1日 → ISO `2024-01-01`; `null` if invalid. */
export function readDate(text: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.replace(/\s+/g, ''));
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const days = [
    31,
    y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ];
  if (mo < 1 || mo > 12 || d < 1 || d > (days[mo - 1] ?? 0)) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
