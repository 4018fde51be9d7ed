import { defineRule } from '../define-rule.ts';
import { excerpt } from './_disclosure-util.ts';

/** A year as text names it: `2023年`, `2023 年度`. */
const YEAR_RE = /((?:19|20)[0-9]{2})\s*年(度)?/g;
/** After the year: a date (`2023年12月`) or a range to a later year (`2021年-2025年`). */
const NOT_WORK_AFTER_RE = /^\s*(?:[0-9]{1,2}\s*月|[-—–－~～至到]\s*(?:19|20)[0-9]{2})/;
/** Before the year: a baseline or a starting point (较2023年, 自2023年, 截至2023年). */
const NOT_WORK_BEFORE_RE = /(?:较|比|相比|对比|与|同|自|从|截至|截止|于)\s*$/;
const CLAUSE_END_RE = /[，,；;。！!？?\n]/;

/**
 * STALE-02 (heuristic): 年度总体目标 names an earlier year's work ("完成…2023 年度执法司法监督项目"
 * in a 2024 form) — a goal carried over without updating.
 */
export default defineRule({
  id: 'STALE-02',
  slug: 'stale-goal-year',
  category: '可行性',
  severity: 'info',
  description: '年度总体目标不应写以前年度的工作（可能沿用旧目标未更新）。',
  messages: {
    earlierYear: '{budgetYear}年度的年度总体目标写的是{year}年的工作：「{clause}」。',
  },
  check({ project, report }) {
    const goal = project.form.annualGoal;
    const budgetYear = project.form.year;
    let seen: Set<string> | null = null; // clauses reported
    YEAR_RE.lastIndex = 0;
    for (let m = YEAR_RE.exec(goal); m !== null; m = YEAR_RE.exec(goal)) {
      const year = Number(m[1]);
      if (year >= budgetYear) continue;
      const at = m.index ?? 0;
      const end = at + m[0].length;
      if (NOT_WORK_AFTER_RE.test(goal.slice(end, end + 8))) continue;
      if (NOT_WORK_BEFORE_RE.test(goal.slice(Math.max(0, at - 4), at))) continue;
      const clause = excerpt(clauseAround(goal, at, end), 60);
      if (seen?.has(clause)) continue;
      seen ??= new Set();
      seen.add(clause);
      report('earlierYear', { year, budgetYear, clause }, 'form.annualGoal');
    }
  },
});

/** The clause (between ，；。) holding `[from, to)`. */
function clauseAround(text: string, from: number, to: number): string {
  let start = from;
  while (start > 0 && !CLAUSE_END_RE.test(text[start - 1] ?? '')) start--;
  let end = to;
  while (end < text.length && !CLAUSE_END_RE.test(text[end] ?? '')) end++;
  return text.slice(start, end);
}
