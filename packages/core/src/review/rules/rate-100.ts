import type { QuantitativeIndicator } from '../../model/schema.ts';
import { defineRule } from '../define-rule.ts';
import { indicatorPath, percentValue, printedValue } from './_wording-util.ts';

/** Rates that can exceed 100% (growth, increase): `≥100%` is a real target there. */
const UNBOUNDED_RE = /增长|增幅|增速|增加|提高|提升|上升|同比|环比|倍/;

function data(ind: QuantitativeIndicator, percent: number) {
  return { name: ind.name, value: printedValue(ind), operator: ind.operator, percent };
}

/**
 * APPR-02: `≥100%` on a rate says no more than `=100%`; a bounded rate above 100% (`>100%`,
 * `≥120%`) is impossible. `=100%` is a legitimate all-or-nothing target and passes.
 */
export default defineRule({
  id: 'APPR-02',
  slug: 'rate-100',
  category: '适当性',
  severity: 'warn',
  description: '比率指标不应写成 ≥100%（应为 =100%），有上限的比率不能超过 100%。',
  messages: {
    atLeast100:
      '「{name}」目标 {value}：比率不可能超过 100%，≥100% 即 =100%，应写作 =100.00(%) 或按实际设定。',
    overBound: '「{name}」目标 {value} 超过 100%，该比率最高为 100%，目标无法实现。',
  },
  messageSeverity: { overBound: 'error' },
  check({ project, report }) {
    const indicators = project.form.indicators;
    for (let i = 0; i < indicators.length; i++) {
      const ind = indicators[i];
      if (ind?.kind !== 'quantitative') continue;
      const pct = percentValue(ind);
      if (pct === null || pct < 100 || UNBOUNDED_RE.test(ind.name)) continue; // below 100: nothing to say
      const op = ind.operator;
      if ((op !== '≤' && op !== '<' && pct > 100) || (op === '>' && pct >= 100)) {
        report('overBound', data(ind, pct), indicatorPath(i));
      } else if (op === '≥' && pct === 100) {
        report('atLeast100', data(ind, pct), indicatorPath(i));
      }
    }
  },
});
