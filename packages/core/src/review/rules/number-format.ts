import type { QuantitativeIndicator, Section } from '../../model/schema.ts';
import { defineRule } from '../define-rule.ts';
import { viewOf } from '../project-view.ts';
import { compact } from '../util.ts';
import { indicatorPath, printedValue, sectionPath } from './_wording-util.ts';

/** `/^-?\d+\.\d{2}$/` by character codes: values are short, and this runs on every one (no regex call). */
function hasTwoDecimals(s: string): boolean {
  const dot = s.length - 3;
  if (dot < 1 || s.charCodeAt(dot) !== 0x2e || !isDigit(s, dot + 1) || !isDigit(s, dot + 2)) return false;
  const from = s.charCodeAt(0) === 0x2d ? 1 : 0; // a leading minus
  if (from >= dot) return false;
  for (let i = from; i < dot; i++) if (!isDigit(s, i)) return false;
  return true;
}

function isDigit(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 0x30 && c <= 0x39;
}

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
    // one pass: the first value with two decimals (the example) and the values without
    let example: string | null = null;
    let without: number[] | null = null;
    for (let i = 0; i < indicators.length; i++) {
      const ind = indicators[i];
      if (ind?.kind !== 'quantitative') continue;
      if (hasTwoDecimals(ind.value)) example ??= printedValue(ind);
      else {
        without ??= [];
        without.push(i);
      }
    }
    if (example !== null && without !== null) {
      for (const i of without) {
        const ind = indicators[i] as QuantitativeIndicator;
        report(
          'value',
          { name: ind.name, value: printedValue(ind), raw: ind.value, example },
          indicatorPath(i),
        );
      }
    }
    const view = viewOf(project);
    for (let i = 0; i < view.sections.length; i++) {
      if (view.kindOf(i) !== 'budget') continue;
      const section = view.sections[i] as Section;
      const amounts: string[] = [];
      YUAN_AMOUNT_RE.lastIndex = 0;
      for (let m = YUAN_AMOUNT_RE.exec(section.text); m !== null; m = YUAN_AMOUNT_RE.exec(section.text)) {
        const amount = m[1] ?? '';
        const digits = amount.includes(',') ? amount.replaceAll(',', '') : amount;
        if (!hasTwoDecimals(digits)) amounts.push(`${amount}元`);
      }
      if (amounts.length === 0) continue;
      const first = amounts[0]?.slice(0, -1) ?? '';
      const suggestion = `${first.includes('.') ? first : `${first}.00`}元`;
      report(
        'budget',
        { title: section.title, amounts: compact(amounts), amountsText: amounts.join('、'), suggestion },
        sectionPath(i),
      );
    }
  },
});
