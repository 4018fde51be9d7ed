import { fenToYuan, formatYuan } from '../../model/money.ts';
import { defineRule } from '../define-rule.ts';
import { isPhased, withinBudgetYear } from './_funds-util.ts';

/**
 * FUND-04: a project that is not 阶段性 and runs inside the budget year has nothing outside the
 * year, so 项目资金总额 = 年度资金申请总额. A 阶段性项目's total covers its whole life and is never
 * compared with the year (S10: 10,308,000.00 vs 3,498,000.00 is right).
 */
export default defineRule({
  id: 'FUND-04',
  slug: 'one-year-total-equals-annual',
  category: '算术一致性',
  severity: 'warn',
  description: '非阶段性项目且实施期在预算年度内时，项目资金总额应等于年度资金申请总额。',
  messages: {
    mismatch:
      '{nature}的实施期 {startDate} 至 {endDate} 在 {year} 年度内，但项目资金总额 {totalFmt} 元 ≠ 年度资金申请总额 {annualFmt} 元（相差 {diffFmt} 元）。',
  },
  check({ project, report }) {
    const { funds: f, nature, startDate, endDate, year } = project.form;
    if (f.total === null || f.annualTotal === null) return;
    if (isPhased(project) || !withinBudgetYear(project)) return;
    if (f.total === f.annualTotal) return;
    report(
      'mismatch',
      {
        expected: fenToYuan(f.annualTotal),
        actual: fenToYuan(f.total),
        diff: fenToYuan(f.total - f.annualTotal),
        totalFmt: formatYuan(f.total),
        annualFmt: formatYuan(f.annualTotal),
        diffFmt: formatYuan(f.total - f.annualTotal),
        nature: nature || '非阶段性项目',
        startDate,
        endDate,
        year,
      },
      'form.funds.total',
    );
  },
});
