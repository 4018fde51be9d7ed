import { type Fen, fenToYuan, formatYuan } from '../../model/money.ts';
import { defineRule } from '../define-rule.ts';
import { viewOf } from '../project-view.ts';
import { sectionPath } from '../util.ts';
import { describeAmount, sectionLabel, type TextAmount } from './_funds-util.ts';

/**
 * FUND-05: the budget the 说明 states in 六、年度预算安排 is the form's 年度资金申请总额, to the fen
 * (元 and 万元 both: `预算3680000元`, `预算金额为349.80万元`). Also for 阶段性项目 — the section is
 * about the year. The stated amount is the one named as the total (`预算…`, `合计…`) or the only
 * one; when the text gives none, the transcribed `budgetYuan` is used.
 */
export default defineRule({
  id: 'FUND-05',
  slug: 'budget-section-matches',
  category: '算术一致性',
  severity: 'error',
  description: '说明“年度预算安排”所列预算应与申报表年度资金申请总额一致（元、万元折算后精确到分）。',
  messages: {
    mismatch:
      '说明「{section}」所列预算 {statedText} ≠ 年度资金申请总额 {expectedFmt} 元（相差 {diffFmt} 元）。',
  },
  check({ project, report }) {
    const annual = project.form.funds.annualTotal;
    const explanation = project.explanation;
    if (annual === null || explanation === null) return;
    const view = viewOf(project);
    const i = view.budgetSection;
    const section = i >= 0 ? explanation.sections[i] : undefined;

    let stated: Fen | null = null;
    let amount: TextAmount | undefined; // the amount as written, described for a finding only
    let path = 'explanation.budgetYuan';
    if (section) {
      amount = statedAmount(view.amountsIn(i));
      if (amount) {
        stated = amount.fen;
        path = sectionPath(i);
      }
    }
    if (stated === null && explanation.budgetYuan !== null) stated = explanation.budgetYuan;
    if (stated === null || stated === annual) return;
    report(
      'mismatch',
      {
        expected: fenToYuan(annual),
        actual: fenToYuan(stated),
        diff: fenToYuan(stated - annual),
        section: section ? sectionLabel(section) : '年度预算安排',
        statedText: amount ? describeAmount(amount) : `${formatYuan(stated)} 元`,
        expectedFmt: formatYuan(annual),
        diffFmt: formatYuan(stated - annual),
      },
      path,
    );
  },
});

/** The amount named as the total (`预算…`, `合计…`), else the only one; rates and limits aside. */
function statedAmount(amounts: readonly TextAmount[]): TextAmount | undefined {
  let only: TextAmount | undefined;
  let count = 0;
  for (const a of amounts) {
    if (a.rate) continue;
    if (a.total) return a;
    only = a;
    count++;
  }
  return count === 1 ? only : undefined;
}
