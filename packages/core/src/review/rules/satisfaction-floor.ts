import { defineRule } from '../define-rule.ts';
import { indicatorPath, isSatisfaction, percentValue, printedValue } from './_wording-util.ts';

/**
 * APPR-05: a satisfaction target below the floor (default 85%, `options.satisfactionFloorPercent`;
 * no official figure — domain.md §3.2) asks too little of the service.
 */
export default defineRule({
  id: 'APPR-05',
  slug: 'satisfaction-floor',
  category: '适当性',
  severity: 'info',
  description: '满意度目标低于下限（默认 85%）时提示目标偏低。',
  messages: {
    low: '「{name}」目标 {value} 低于满意度下限 {floor}%，目标偏低。',
  },
  check({ project, options, report }) {
    const floor = options.satisfactionFloorPercent;
    const indicators = project.form.indicators;
    for (let i = 0; i < indicators.length; i++) {
      const ind = indicators[i];
      if (ind?.kind !== 'quantitative' || !isSatisfaction(ind)) continue;
      const pct = percentValue(ind);
      // `≤`/`<` on satisfaction is a different mistake (a ceiling); only floors are compared here
      if (pct === null || ind.operator === '≤' || ind.operator === '<' || pct >= floor) continue;
      report('low', { name: ind.name, value: printedValue(ind), percent: pct, floor }, indicatorPath(i));
    }
  },
});
