import { type Fen, fenToYuan, formatYuan } from '../../model/money.ts';
import { defineRule } from '../define-rule.ts';
import { viewOf } from '../project-view.ts';
import { sectionPath } from '../util.ts';
import { amountLabel, breakdownItems, isPhased, sectionLabel, type TextAmount } from './_funds-util.ts';

/**
 * FUND-06: when 实施方案 or 年度预算安排 breaks the money down into items (`工资319400元，体检费
 * 1600元，餐费9600元`), the items add up to 年度资金申请总额. Only 元/万元 amounts count (not
 * `2024年1月` or `人员2人`); unit prices and thresholds (`3000元/人`, `10万元以上`) are not items;
 * a stated total or subtotal (`预算…，其中…`, `合计…`) is not added to its own parts. Items in
 * 万元 may be rounded as printed. A 阶段性项目's items may describe its whole life instead.
 */
export default defineRule({
  id: 'FUND-06',
  slug: 'itemised-amounts-sum',
  category: '算术一致性',
  severity: 'error',
  description: '说明“实施方案”“年度预算安排”中的分项金额之和应等于年度资金申请总额。',
  messages: {
    mismatch:
      '说明「{section}」分项金额 {breakdown} = {actualFmt} 元 ≠ 年度资金申请总额 {expectedFmt} 元（相差 {diffFmt} 元）。',
  },
  check({ project, report }) {
    const sections = project.explanation?.sections;
    const annual = project.form.funds.annualTotal;
    if (!sections || annual === null) return;
    const refs: Fen[] = [annual];
    const total = project.form.funds.total;
    if (isPhased(project) && total !== null) refs.push(total);

    const view = viewOf(project);
    const plan = view.planSection;
    const budget = view.budgetSection;
    for (let k = 0; k < 2; k++) {
      const i = k === 0 ? plan : budget;
      if (k === 1 && budget === plan) break;
      const section = i >= 0 ? sections[i] : undefined;
      if (!section) continue;
      const amounts = view.amountsIn(i);
      if (amounts.length < 2) continue; // fewer than two amounts make no breakdown
      const { items, totals } = breakdownItems(amounts);
      if (items.length < 2) continue; // one amount is a statement, not a breakdown (FUND-05)
      let sum = 0;
      let slack = 0;
      for (const a of items) {
        sum += a.fen;
        slack += a.slack;
      }
      if (near(sum, slack, refs)) continue;
      if (groupMatches(items, totals, refs)) continue;
      report(
        'mismatch',
        {
          expected: fenToYuan(annual),
          actual: fenToYuan(sum),
          diff: fenToYuan(sum - annual),
          labels: items.map(amountLabel),
          amounts: items.map((a) => fenToYuan(a.fen)),
          section: sectionLabel(section),
          breakdown: items.map(describeItem).join(' + '),
          actualFmt: formatYuan(sum),
          expectedFmt: formatYuan(annual),
          diffFmt: formatYuan(sum - annual),
        },
        sectionPath(i),
      );
    }
  },
});

function describeItem(a: TextAmount): string {
  const amount = a.unit === '万元' ? a.printed : `${formatYuan(a.fen)} 元`;
  const label = amountLabel(a);
  return label ? `${label} ${amount}` : amount;
}

/**
 * Whether the items after one stated total (up to the next) make the budget on their own:
 * `前期已投入200万元，本年度预算50万元，其中设备30万元，服务20万元` is a consistent breakdown.
 */
function groupMatches(
  items: readonly TextAmount[],
  totals: readonly number[],
  refs: readonly Fen[],
): boolean {
  for (let k = 0; k < totals.length; k++) {
    const from = totals[k] ?? 0;
    const to = totals[k + 1] ?? items.length;
    let sum = 0;
    let slack = 0;
    for (let j = from; j < to; j++) {
      sum += items[j]?.fen ?? 0;
      slack += items[j]?.slack ?? 0;
    }
    if (to > from && near(sum, slack, refs)) return true;
  }
  return false;
}

function near(sum: Fen, slack: Fen, refs: readonly Fen[]): boolean {
  for (const r of refs) if (Math.abs(sum - r) <= slack) return true;
  return false;
}
