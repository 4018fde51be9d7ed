import { fenToYuan, formatYuan } from '../../model/money.ts';
import { defineRule } from '../define-rule.ts';
import { fenOr0 } from '../util.ts';

/** FUND-01: 项目资金总额 = 财政资金 + 其他资金 (blank = 0). */
export default defineRule({
  id: 'FUND-01',
  slug: 'total-funds-sum',
  category: '算术一致性',
  severity: 'error',
  description: '项目资金总额应等于财政资金与其他资金之和。',
  messages: {
    mismatch: '项目资金总额 {totalFmt} 元 ≠ 财政资金 + 其他资金 = {sumFmt} 元（相差 {diffFmt} 元）。',
  },
  check({ project, report }) {
    const f = project.form.funds;
    if (f.total === null) return; // the whole-project column is blank: nothing to add up
    const sum = fenOr0(f.fiscal) + fenOr0(f.other);
    if (sum === f.total) return;
    report(
      'mismatch',
      {
        expected: fenToYuan(sum),
        actual: fenToYuan(f.total),
        diff: fenToYuan(f.total - sum),
        totalFmt: formatYuan(f.total),
        sumFmt: formatYuan(sum),
        diffFmt: formatYuan(f.total - sum),
      },
      'form.funds.total',
    );
  },
});
