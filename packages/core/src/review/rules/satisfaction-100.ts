import { defineRule } from '../define-rule.ts';
import { indicatorPath, isSatisfaction, percentValue, printedValue } from './_wording-util.ts';

/** APPR-01: a satisfaction target of 100% (=100% or ≥100%) leaves no room and cannot be evidenced. */
export default defineRule({
  id: 'APPR-01',
  slug: 'satisfaction-100',
  category: '适当性',
  severity: 'warn',
  description: '满意度目标不应设为 100%（=100% 或 ≥100%）。',
  messages: {
    full: '「{name}」目标 {value} 等于满分：满意度调查几乎不可能全部满意，目标无法据实评价，宜按历史水平设定（如 ≥90%）。',
  },
  check({ project, report }) {
    const indicators = project.form.indicators;
    for (let i = 0; i < indicators.length; i++) {
      const ind = indicators[i];
      if (ind?.kind !== 'quantitative' || !isSatisfaction(ind)) continue;
      const pct = percentValue(ind);
      if (pct === null || ind.operator === '≤' || ind.operator === '<' || pct < 100) continue;
      report(
        'full',
        { name: ind.name, value: printedValue(ind), operator: ind.operator, percent: pct },
        indicatorPath(i),
      );
    }
  },
});
