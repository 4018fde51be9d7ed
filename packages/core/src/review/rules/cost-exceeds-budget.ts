import { fenToYuan, formatYuan, percent } from '../../model/money.ts';
import { defineRule } from '../define-rule.ts';
import { viewOf } from '../project-view.ts';
import { indicatorPath } from '../util.ts';
import { isPhased } from './_funds-util.ts';

/**
 * COST-01: the 经济成本 indicator (`项目成本 ≤6100000.00(元)`) does not exceed 年度资金申请总额:
 * a cost ceiling above the money asked for means one of the two is wrong (P01: +250,000.00).
 */
export default defineRule({
  id: 'COST-01',
  slug: 'cost-exceeds-budget',
  category: '算术一致性',
  severity: 'error',
  description: '经济成本指标（≤/＜/＝X元）不应超过年度资金申请总额。',
  messages: {
    exceeds:
      '{name}指标 {operator}{actualFmt} 元 超出年度资金申请总额 {expectedFmt} 元 {diffFmt} 元（+{percent}%）。',
  },
  check({ project, report }) {
    const annual = project.form.funds.annualTotal;
    if (annual === null) return;
    const cost = viewOf(project).budgetCost;
    if (cost === null || cost.fen <= annual) return;
    // A 阶段性项目's cost equal to its whole-life 项目资金总额 is the 项目指标值, not the year's.
    if (isPhased(project) && cost.fen === project.form.funds.total) return;
    const excess = cost.fen - annual;
    report(
      'exceeds',
      {
        expected: fenToYuan(annual),
        actual: fenToYuan(cost.fen),
        diff: fenToYuan(excess),
        percent: percent(excess, annual) ?? '∞',
        name: cost.name,
        operator: cost.operator,
        actualFmt: formatYuan(cost.fen),
        expectedFmt: formatYuan(annual),
        diffFmt: formatYuan(excess),
      },
      indicatorPath(cost.index),
    );
  },
});
