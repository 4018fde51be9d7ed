import { defineRule } from '../define-rule.ts';
import { indicatorPath } from '../util.ts';
import { isBudgetCost, isMoneyUnit } from './_funds-util.ts';

/**
 * COST-03: a 经济成本 indicator is a sum of money, `≤X(元)` or `≤X(万元)` (per-unit `元/人` too).
 * A qualitative value (`成本控制合理性 / 合理`, S10) or another unit cannot be compared with the
 * budget. 社会成本 and 生态环境成本 may be qualitative (`文明施工情况 / 可控`).
 */
export default defineRule({
  id: 'COST-03',
  slug: 'cost-not-monetary',
  category: '适当性',
  severity: 'warn',
  description: '经济成本指标应以元或万元量化，不应为定性值或其他计量单位。',
  messages: {
    qualitative: '经济成本指标「{name}」为定性值“{value}”，应以金额量化（如 ≤X(元)）。',
    notMoney: '经济成本指标「{name}」的计量单位为“{unit}”，应以元或万元计。',
  },
  check({ project, report }) {
    const indicators = project.form.indicators;
    for (let i = 0; i < indicators.length; i++) {
      const ind = indicators[i];
      if (ind === undefined || !isBudgetCost(ind)) continue;
      if (ind.kind === 'qualitative') {
        report('qualitative', { name: ind.name, value: ind.text }, indicatorPath(i));
      } else if (!isMoneyUnit(ind.unit)) {
        report('notMoney', { name: ind.name, unit: ind.unit, value: ind.value }, indicatorPath(i));
      }
    }
  },
});
