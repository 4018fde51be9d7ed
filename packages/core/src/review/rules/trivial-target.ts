import { formatYuan } from '../../model/money.ts';
import { defineRule } from '../define-rule.ts';
import { compact } from '../util.ts';
import { indicatorPath, quoteList } from './_wording-util.ts';

/** Units counting occurrences of an activity: `≥1 次` is met by doing it once. */
const OCCURRENCE_UNITS: ReadonlySet<string> = new Set(['次', '场', '期', '轮']);

/**
 * APPR-04: 数量指标 of `≥1 次` (or `>0 次`) on a project whose budget is at or above
 * `options.trivialTargetBudgetYuan` (default 100,000 元): doing something once says nothing about
 * what the money buys. `=1 次` is a stated single deliverable and passes. One finding per project.
 */
export default defineRule({
  id: 'APPR-04',
  slug: 'trivial-target',
  category: '适当性',
  severity: 'info',
  description: '预算较大（默认 ≥10 万元）的项目以“≥1 次”作数量指标，目标过低。',
  messages: {
    trivial:
      '{count} 项数量指标（共 {quantityCount} 项）目标仅为 ≥1 次：{namesText}；项目年度预算 {budgetFmt} 元，目标过低，难以衡量资金的产出。',
  },
  check({ project, options, report }) {
    const budget = project.form.funds.annualTotal;
    if (budget === null || budget < Math.round(options.trivialTargetBudgetYuan * 100)) return;
    const indices: number[] = [];
    const names: string[] = [];
    let quantityCount = 0;
    const indicators = project.form.indicators;
    for (let i = 0; i < indicators.length; i++) {
      const ind = indicators[i];
      if (!ind?.level2.includes('数量')) continue;
      quantityCount++;
      if (ind.kind !== 'quantitative' || !OCCURRENCE_UNITS.has(ind.unit.trim())) continue;
      const v = Number(ind.value);
      if ((ind.operator === '≥' && v <= 1) || (ind.operator === '>' && v < 1)) {
        indices.push(i);
        names.push(ind.name);
      }
    }
    if (indices.length === 0) return;
    report(
      'trivial',
      {
        count: indices.length,
        quantityCount,
        names: compact(names),
        indices: compact(indices),
        namesText: quoteList(names),
        budgetFmt: formatYuan(budget),
        thresholdYuan: options.trivialTargetBudgetYuan,
      },
      indicatorPath(indices[0] ?? 0),
    );
  },
});
