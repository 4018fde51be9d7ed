import { defineRule } from '../define-rule.ts';
import { indicatorPath } from '../util.ts';

/** A qualitative value that is a bare number: a quantity whose operator and unit were left off. */
const BARE_NUMBER_RE = /^[0-9]+(?:\.[0-9]+)?$/;

/** COMP-07: a quantitative value carries its unit; a qualitative value is not empty. */
export default defineRule({
  id: 'COMP-07',
  slug: 'indicator-value-complete',
  category: '完整性',
  severity: 'warn',
  description: '定量指标值应有计量单位，定性指标值不应为空。',
  messages: {
    noUnit: '指标「{name}」的指标值 {value} 没有计量单位。',
    empty: '指标「{name}」没有填写指标值。',
  },
  check({ project, report }) {
    const indicators = project.form.indicators;
    for (let i = 0; i < indicators.length; i++) {
      const ind = indicators[i]!;
      if (ind.kind === 'quantitative') {
        if (ind.unit.trim() === '') {
          report('noUnit', { name: ind.name, value: `${ind.operator}${ind.value}` }, indicatorPath(i));
        }
        continue;
      }
      const text = ind.text.trim();
      if (text === '') report('empty', { name: ind.name }, indicatorPath(i));
      else if (BARE_NUMBER_RE.test(text)) report('noUnit', { name: ind.name, value: text }, indicatorPath(i));
    }
  },
});
