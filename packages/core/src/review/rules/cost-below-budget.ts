import { fenToYuan, formatYuan, percent } from '../../model/money.ts';
import { defineRule } from '../define-rule.ts';
import { viewOf } from '../project-view.ts';
import { indicatorPath } from '../util.ts';

/**
 * COST-02: the 经济成本 indicator covers the whole 年度资金申请总额. A ceiling below the budget
 * leaves money without a cost target (P08 covers 34.24%; P10 follows its narrative's 约1800万元).
 */
export default defineRule({
  id: 'COST-02',
  slug: 'cost-below-budget',
  category: '算术一致性',
  severity: 'warn',
  description: '经济成本指标低于年度资金申请总额时，报告覆盖比例与差额。',
  messages: {
    below:
      '{name}指标 {operator}{actualFmt} 元 低于年度资金申请总额 {expectedFmt} 元，只覆盖 {coverage}%，差额 {gapFmt} 元。',
  },
  check({ project, report }) {
    const annual = project.form.funds.annualTotal;
    if (annual === null || annual <= 0) return;
    const cost = viewOf(project).budgetCost;
    if (cost === null || cost.fen >= annual) return;
    const gap = annual - cost.fen;
    report(
      'below',
      {
        expected: fenToYuan(annual),
        actual: fenToYuan(cost.fen),
        diff: fenToYuan(cost.fen - annual),
        gap: fenToYuan(gap),
        coverage: percent(cost.fen, annual) ?? '',
        name: cost.name,
        operator: cost.operator,
        actualFmt: formatYuan(cost.fen),
        expectedFmt: formatYuan(annual),
        gapFmt: formatYuan(gap),
      },
      indicatorPath(cost.index),
    );
  },
});
