import { fenToYuan } from '../../model/money.ts';
import { defineRule } from '../define-rule.ts';

/**
 * FUND-08: the two 其他资金 cells (whole project, this year) are filled in the same way. One blank
 * and the other `0.00` means the same money but shows a careless form (all 10 Songjiang forms).
 */
export default defineRule({
  id: 'FUND-08',
  slug: 'other-funds-blank-vs-zero',
  category: '算术一致性',
  severity: 'info',
  description: '项目资金与年度资金的两个“其他资金”单元格应一致填写：不应一个空白、一个填数。',
  messages: {
    blankVsFilled:
      '{blankLabel}“其他资金”为空白，{filledLabel}“其他资金”填 {filled} 元：空白与数值混用，建议统一填写（无其他资金时填 0.00）。',
  },
  check({ project, report }) {
    const { other, annualOther } = project.form.funds;
    if ((other === null) === (annualOther === null)) return;
    const blankIsWhole = other === null;
    report(
      'blankVsFilled',
      {
        blank: blankIsWhole ? 'other' : 'annualOther',
        filled: fenToYuan((blankIsWhole ? annualOther : other) ?? 0),
        blankLabel: blankIsWhole ? '项目资金' : '年度资金',
        filledLabel: blankIsWhole ? '年度资金' : '项目资金',
      },
      blankIsWhole ? 'form.funds.other' : 'form.funds.annualOther',
    );
  },
});
