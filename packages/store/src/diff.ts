/**
 * What changed between two versions of a project, field by field. Indicators and 说明 sections are
 * aligned first (longest common subsequence of identical rows), so inserting one indicator shows as
 * one addition, not as every later row changed.
 */
import { FUND_FIELDS, fenToYuan, type Project } from '@jixiao/core';

/**
 * One changed field. `path` is relative to the project: `form.funds.total`,
 * `form.indicators[3].value`, `explanation.sections[1].text`; a whole row added or removed is
 * `form.indicators[5]` with `before` or `after` null. Indexes of removed rows are in the old
 * version, all others in the new one. Money is a yuan string (`"5850000.00"`) or null.
 */
export interface Change {
  path: string;
  before: unknown;
  after: unknown;
}

const FORM_FIELDS = [
  'title',
  'year',
  'name',
  'nature',
  'category',
  'competentDepartment',
  'implementingUnit',
  'startDate',
  'endDate',
] as const;
const GOAL_FIELDS = ['overallGoal', 'annualGoal'] as const;
const SECTION_FIELDS = ['number', 'title', 'text'] as const;
const INDICATOR_FIELDS = ['level1', 'level2', 'name', 'kind', 'operator', 'value', 'unit', 'text'] as const;

const yuan = (fen: number | null) => (fen === null ? null : fenToYuan(fen));

type Row = Readonly<Record<string, unknown>>;

/** Pure: the changes from `a` to `b`, in document order (说明 first, then the form). */
export function diffProjects(a: Project, b: Project): Change[] {
  const changes: Change[] = [];
  const push = (path: string, before: unknown, after: unknown) => {
    if (before !== after) changes.push({ path, before, after });
  };

  const ea = a.explanation;
  const eb = b.explanation;
  if (ea === null || eb === null) {
    if (ea !== eb) push('explanation', explanationValue(ea), explanationValue(eb));
  } else {
    diffRows(changes, 'explanation.sections', ea.sections, eb.sections, SECTION_FIELDS);
    push('explanation.budgetYuan', yuan(ea.budgetYuan), yuan(eb.budgetYuan));
  }

  for (const f of FORM_FIELDS) push(`form.${f}`, a.form[f], b.form[f]);
  for (const f of FUND_FIELDS) push(`form.funds.${f}`, yuan(a.form.funds[f]), yuan(b.form.funds[f]));
  for (const f of GOAL_FIELDS) push(`form.${f}`, a.form[f], b.form[f]);
  diffRows(changes, 'form.indicators', a.form.indicators, b.form.indicators, INDICATOR_FIELDS);
  return changes;
}

function explanationValue(e: Project['explanation']) {
  return e === null ? null : { sections: e.sections.map((s) => ({ ...s })), budgetYuan: yuan(e.budgetYuan) };
}

function diffRows(
  changes: Change[],
  base: string,
  a: readonly Row[],
  b: readonly Row[],
  fields: readonly string[],
): void {
  const same = (x: Row, y: Row) => fields.every((f) => (x[f] ?? null) === (y[f] ?? null));
  for (const [i, j] of align(a, b, same)) {
    if (i === null) changes.push({ path: `${base}[${j}]`, before: null, after: { ...b[j as number] } });
    else if (j === null) changes.push({ path: `${base}[${i}]`, before: { ...a[i] }, after: null });
    else {
      const x = a[i] as Row;
      const y = b[j] as Row;
      for (const f of fields) {
        const before = x[f] ?? null;
        const after = y[f] ?? null;
        if (before !== after) changes.push({ path: `${base}[${j}].${f}`, before, after });
      }
    }
  }
}

/**
 * Pairs the rows of `a` and `b`: identical rows along a longest common subsequence; between two
 * such anchors the remaining rows pair up in order (a modified row), the surplus being removals
 * (`[i, null]`) or additions (`[null, j]`). Identical pairs are left out.
 */
function align<T>(
  a: readonly T[],
  b: readonly T[],
  same: (x: T, y: T) => boolean,
): [number | null, number | null][] {
  const n = a.length;
  const m = b.length;
  // lcs[i][j] = LCS length of a[i..] and b[j..]
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    const row = lcs[i] as Uint32Array;
    const next = lcs[i + 1] as Uint32Array;
    for (let j = m - 1; j >= 0; j--) {
      row[j] = same(a[i] as T, b[j] as T)
        ? (next[j + 1] as number) + 1
        : Math.max(next[j] as number, row[j + 1] as number);
    }
  }
  const out: [number | null, number | null][] = [];
  let gapA: number[] = [];
  let gapB: number[] = [];
  const flush = () => {
    const k = Math.min(gapA.length, gapB.length);
    for (let t = 0; t < k; t++) out.push([gapA[t] as number, gapB[t] as number]);
    for (let t = k; t < gapA.length; t++) out.push([gapA[t] as number, null]);
    for (let t = k; t < gapB.length; t++) out.push([null, gapB[t] as number]);
    gapA = [];
    gapB = [];
  };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (same(a[i] as T, b[j] as T) && lcs[i]?.[j] === (lcs[i + 1]?.[j + 1] ?? 0) + 1) {
      flush();
      i++;
      j++;
    } else if ((lcs[i + 1]?.[j] ?? 0) >= (lcs[i]?.[j + 1] ?? 0)) {
      gapA.push(i++);
    } else {
      gapB.push(j++);
    }
  }
  while (i < n) gapA.push(i++);
  while (j < m) gapB.push(j++);
  flush();
  return out;
}
