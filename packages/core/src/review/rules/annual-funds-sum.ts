import { fenToYuan, formatYuan } from '../../model/money.ts';
import { defineRule } from '../define-rule.ts';
import { fenOr0 } from '../util.ts';

/** FUND-02: 年度资金申请总额 = 当年财政拨款 + 上年结转资金 + 其他资金 (blank = 0). */
export default defineRule({
  id: 'FUND-02',
  slug: 'annual-funds-sum',
  category: '算术一致性',
  severity: 'error',
  description: '年度资金申请总额应等于当年财政拨款、上年结转资金与其他资金之和。',
  messages: {
    mismatch:
      '年度资金申请总额 {totalFmt} 元 ≠ 当年财政拨款 + 上年结转资金 + 其他资金 = {sumFmt} 元（相差 {diffFmt} 元）。',
  },
  check({ project, report }) {
    const f = project.form.funds;
    if (f.annualTotal === null) return; // nothing stated: COMP rules speak about missing cells
    const sum = fenOr0(f.currentYearAppropriation) + fenOr0(f.priorYearCarryover) + fenOr0(f.annualOther);
    if (sum === f.annualTotal) return;
    report(
      'mismatch',
      {
        total: fenToYuan(f.annualTotal),
        sum: fenToYuan(sum),
        diff: fenToYuan(f.annualTotal - sum),
        totalFmt: formatYuan(f.annualTotal),
        sumFmt: formatYuan(sum),
        diffFmt: formatYuan(f.annualTotal - sum),
      },
      'form.funds.annualTotal',
    );
  },
});
