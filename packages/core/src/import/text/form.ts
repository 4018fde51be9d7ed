/**
 * Reads one 申报表 block: title, year, header fields, funds, goals and the indicator table.
 * The table is returned scanned but not assembled: how wide the name column is is learnt from all
 * the forms of the document before rows are put together (`assembleTable`).
 */
import type { Form } from '../../model/schema.ts';
import { CODES, type Diagnostic } from '../diagnostics.ts';
import { readDate, readHeader } from './form-header.ts';
import { GOAL_HEADING_RE, readGoals } from './goals.ts';
import { scanTable } from './indicator-table.ts';
import { type Line, squash } from './lines.ts';

/** 财政项目支出绩效目标申报表 / 填报表, possibly with the year on the same line. */
export const FORM_TITLE_RE =
  /^(?:\d{4}年(?:度)?)?((?:财政)?项目(?:支出)?绩效目标(?:申报|填报|申请)表)(?:[（(]\d{4}年度?[)）])?$/;
const YEAR_RE = /[（(](\d{4})年度?[)）]/;

export interface FormReading {
  form: Omit<Form, 'indicators'> & { indicators: [] };
  table: ReturnType<typeof scanTable>;
  firstLine: number;
}

/** Removes a vertical label (one character per line, first token) from lines, in sequence. */
export function stripVertical(lines: readonly Line[], label: string): Line[] {
  let idx = 0;
  const out: Line[] = [];
  for (const l of lines) {
    // the first token is one character when the character after it is a space or the end
    const raw = l.raw;
    const col = raw.length - l.text.length;
    const next = raw.charCodeAt(col + 1);
    if (raw[col] === label[idx] && (Number.isNaN(next) || next === 32 || next === 9 || next === 0x3000)) {
      idx = (idx + 1) % label.length;
      const rest = raw.slice(col + 1);
      const text = rest.trim();
      if (text) out.push({ no: l.no, raw: `${' '.repeat(col + 1)}${rest}`, text });
      continue;
    }
    out.push(l);
  }
  return out;
}

/** Whether a line holds `word`, also when PDF extraction put spaces inside it (项目 资金). */
function lineHas(l: Line, word: string): boolean {
  return l.text.includes(word) || (WS_INSIDE_RE.test(l.text) && squash(l.text).includes(word));
}
const WS_INSIDE_RE = /\s/;

function isGoalHeading(l: Line): boolean {
  return GOAL_HEADING_RE.test(l.text) || (WS_INSIDE_RE.test(l.text) && GOAL_HEADING_RE.test(squash(l.text)));
}

const isTableHeader = (l: Line) => /^一级/.test(l.text) || /三级指标|指标值/.test(l.text);

/**
 * @param lines the block, starting with the title line
 * @param projectPath `projects[3]`, for diagnostics
 */
export function readForm(
  lines: readonly Line[],
  diagnostics: Diagnostic[],
  projectPath: string,
): FormReading {
  const titleLine = lines[0];
  const title = FORM_TITLE_RE.exec(squash(titleLine?.text ?? ''))?.[1] ?? '财政项目支出绩效目标申报表';
  let year: number | null = null;
  let i = 1;
  const titleYear = YEAR_RE.exec(squash(titleLine?.text ?? ''));
  if (titleYear) year = Number(titleYear[1]);
  else {
    for (let k = 1; k < Math.min(lines.length, 4); k++) {
      const m = YEAR_RE.exec(squash(lines[k]?.text ?? ''));
      if (m) {
        year = Number(m[1]);
        i = k + 1;
        break;
      }
    }
  }
  const fundsAt = lines.findIndex((l, k) => k >= i && lineHas(l, '项目资金'));
  let goalsAt = lines.findIndex((l, k) => k >= Math.max(i, fundsAt) && isGoalHeading(l));
  // Vertical label 项/目/绩/效/目/标 around the goals, possibly split by the heading line (from the
  // funding block on, so the 项/目/类/别 label of the header is left alone).
  const fundsStart = fundsAt >= 0 ? fundsAt : i;
  let tableAt = lines.findIndex((l, k) => k > Math.max(goalsAt, fundsStart) && isTableHeader(l));
  if (tableAt < 0) tableAt = lines.length;
  const middle = stripVertical(lines.slice(fundsStart, tableAt), '项目绩效目标');
  const headerLines = [...lines.slice(i, fundsStart)];
  let goalHeading: Line | null = null;
  const goalLines: Line[] = [];
  for (const l of middle) {
    if (goalHeading) goalLines.push(l);
    else if (isGoalHeading(l)) goalHeading = l;
    else headerLines.push(l);
  }
  if (goalsAt < 0 && !goalHeading) goalsAt = -1;
  const header = readHeader(headerLines, diagnostics, projectPath);
  const v = header.values;
  const text = (k: keyof typeof v) => v[k]?.text ?? '';
  const required: [keyof typeof v, string][] = [
    ['name', '项目名称'],
    ['competentDepartment', '主管部门'],
    ['implementingUnit', '实施单位'],
  ];
  for (const [k, zh] of required) {
    if (!v[k]?.text) {
      diagnostics.push({
        code: CODES.FIELD_MISSING,
        severity: k === 'name' ? 'error' : 'warning',
        message: `第${titleLine?.no ?? 0}行起的申报表没有读到「${zh}」`,
        line: titleLine?.no,
        field: `${projectPath}.form.${k}`,
      });
    }
  }
  if (year === null) {
    diagnostics.push({
      code: CODES.YEAR_MISSING,
      severity: 'warning',
      message: `第${titleLine?.no ?? 0}行：申报表标题下没有读到年度「（YYYY 年度）」`,
      line: titleLine?.no,
      field: `${projectPath}.form.year`,
    });
  }
  const date = (k: 'startDate' | 'endDate', zh: string, fallback: string) => {
    const cell = v[k];
    const iso = cell ? readDate(cell.text) : null;
    if (iso) return iso;
    diagnostics.push({
      code: CODES.DATE_INVALID,
      severity: 'error',
      message: cell
        ? `第${cell.line}行「${zh}」日期格式不正确：${cell.text.slice(0, 30)}`
        : `第${titleLine?.no ?? 0}行起的申报表没有读到「${zh}」`,
      line: cell?.line ?? titleLine?.no,
      field: `${projectPath}.form.${k}`,
    });
    return fallback;
  };
  const y = year ?? 0;
  const goals = goalHeading ? readGoals(goalHeading, goalLines) : { overallGoal: '', annualGoal: '' };
  return {
    form: {
      title,
      year: y,
      name: text('name'),
      nature: text('nature'),
      category: text('category'),
      competentDepartment: text('competentDepartment'),
      implementingUnit: text('implementingUnit'),
      startDate: date('startDate', '计划开始日期', `${String(y).padStart(4, '0')}-01-01`),
      endDate: date('endDate', '计划完成日期', `${String(y).padStart(4, '0')}-12-31`),
      funds: header.funds,
      overallGoal: goals.overallGoal,
      annualGoal: goals.annualGoal,
      indicators: [],
    },
    table: scanTable(lines.slice(tableAt)),
    firstLine: titleLine?.no ?? 0,
  };
}
