import { fenToYuan, formatYuan } from '../../model/money.ts';
import { defineRule } from '../define-rule.ts';
import { fenOr0 } from '../util.ts';

/**
 * FUND-03: the year's request fits in the whole project — 年度资金申请总额 ≤ 项目资金总额 and
 * 当年财政拨款 ≤ 财政资金. Holds for 阶段性项目 too: the year is a part of the whole life.
 */
export default defineRule({
  id: 'FUND-03',
  slug: 'annual-within-total',
  category: '算术一致性',
  severity: 'error',
  description: '年度资金申请总额不应超过项目资金总额，当年财政拨款不应超过财政资金。',
  messages: {
    annualExceedsTotal:
      '年度资金申请总额 {actualFmt} 元 超过项目资金总额 {expectedFmt} 元（多 {diffFmt} 元）。',
    appropriationExceedsFiscal:
      '当年财政拨款 {actualFmt} 元 超过项目财政资金 {expectedFmt} 元（多 {diffFmt} 元）。',
  },
  check({ project, report }) {
    const f = project.form.funds;
    // A blank whole-project column says nothing about the year: completeness rules speak about it.
    if (f.total === null) return;
    const pairs = [
      ['annualExceedsTotal', f.annualTotal, f.total, 'form.funds.annualTotal'],
      [
        'appropriationExceedsFiscal',
        f.currentYearAppropriation,
        fenOr0(f.fiscal),
        'form.funds.currentYearAppropriation',
      ],
    ] as const;
    for (const [messageId, part, whole, path] of pairs) {
      if (part === null || part <= whole) continue;
      report(
        messageId,
        {
          expected: fenToYuan(whole),
          actual: fenToYuan(part),
          diff: fenToYuan(part - whole),
          expectedFmt: formatYuan(whole),
          actualFmt: formatYuan(part),
          diffFmt: formatYuan(part - whole),
        },
        path,
      );
    }
  },
});
