import { defineRule } from '../define-rule.ts';
import { hasCostIndicator, isBudgetCost } from './_funds-util.ts';

/**
 * COST-04: the form has a 成本指标 that stands for its money (经济成本指标; in older forms 成本指标
 * under 产出指标). Without it nothing ties the targets to the budget (101号 put 成本 first).
 */
export default defineRule({
  id: 'COST-04',
  slug: 'cost-indicator-missing',
  category: '完整性',
  severity: 'error',
  description: '申报表应设置成本指标，其中应有经济成本指标（项目成本）。',
  messages: {
    missing: '申报表未设置成本指标（应至少有经济成本指标，如“项目成本 ≤X(元)”）。',
    noEconomic: '申报表只有社会或生态环境成本指标，未设置经济成本指标（如“项目成本 ≤X(元)”）。',
  },
  check({ project, report }) {
    for (const ind of project.form.indicators) if (isBudgetCost(ind)) return;
    report(hasCostIndicator(project) ? 'noEconomic' : 'missing', {}, 'form.indicators');
  },
});
