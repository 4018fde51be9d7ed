import { defineRule } from '../define-rule.ts';
import { indicatorPath, printedValue, sectionPath, sectionsOf } from './_wording-util.ts';

const TWO_DECIMALS_RE = /^-?\d+\.\d{2}$/;
/** Amounts in 元 as a narrative prints them; `约1800万元` does not match (万 stands between). */
const YUAN_AMOUNT_RE = /(\d[\d,]*(?:\.\d+)?)\s*元/g;

/**
 * FMT-04: numbers printed in a style the rest of the document does not use — an indicator value
 * without the form's two decimals (`≥1(次)` beside `≥1.00(次)`), or the 年度预算安排 sentence
 * giving the budget in 元 without decimals (`预算3680000元` for the form's 3,680,000.00).
 * Other narrative sections itemise costs in round yuan (`工资319400元`), which is normal.
 */
export default defineRule({
  id: 'FMT-04',
  slug: 'number-format',
  category: '格式规范',
  severity: 'info',
  description: '数字格式不统一：指标值缺少两位小数，或年度预算安排中的元金额未写到分。',
  messages: {
    value: '「{name}」的指标值 {value} 未保留两位小数，与表中其他指标值（如 {example}）格式不一致。',
    budget: '「{title}」中的金额 {amountsText} 未写到分（如 {suggestion}），与申报表金额格式不一致。',
  },
  check({ project, report }) {
    const indicators = project.form.indicators;
    let example: string | null = null;
    for (const ind of indicators) {
      if (ind.kind === 'quantitative' && TWO_DECIMALS_RE.test(ind.value)) {
        example = printedValue(ind);
        break;
      }
    }
    if (example !== null) {
      for (let i = 0; i < indicators.length; i++) {
        const ind = indicators[i];
        if (ind?.kind !== 'quantitative' || TWO_DECIMALS_RE.test(ind.value)) continue;
        report(
          'value',
          { name: ind.name, value: printedValue(ind), raw: ind.value, example },
          indicatorPath(i),
        );
      }
    }
    for (const { section, i } of sectionsOf(project, 'budget')) {
      const amounts: string[] = [];
      for (const m of section.text.matchAll(YUAN_AMOUNT_RE)) {
        const amount = m[1] ?? '';
        if (!TWO_DECIMALS_RE.test(amount.replaceAll(',', ''))) amounts.push(`${amount}元`);
      }
      if (amounts.length === 0) continue;
      const first = amounts[0]?.slice(0, -1) ?? '';
      const suggestion = `${first.includes('.') ? first : `${first}.00`}元`;
      report(
        'budget',
        { title: section.title, amounts, amountsText: amounts.join('、'), suggestion },
        sectionPath(i),
      );
    }
  },
});
