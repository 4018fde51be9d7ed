import { defineRule } from '../define-rule.ts';
import { viewOf } from '../project-view.ts';
import { indicatorPath } from './_wording-util.ts';

/** FMT-01: a qualitative value that only repeats the indicator's name (`降本增效 / 降本增效`). */
export default defineRule({
  id: 'FMT-01',
  slug: 'value-repeats-name',
  category: '格式规范',
  severity: 'warn',
  description: '定性指标的指标值与指标名称相同（忽略空白和标点）。',
  messages: {
    repeats: '「{name}」的指标值「{text}」只是重复了指标名称，没有给出可衡量、可评价的目标。',
  },
  check({ project, report }) {
    const indicators = project.form.indicators;
    const view = viewOf(project);
    for (let i = 0; i < indicators.length; i++) {
      const ind = indicators[i];
      if (ind?.kind !== 'qualitative') continue;
      const text = view.plainText(i);
      if (text !== '' && text === view.plainName(i)) {
        report('repeats', { name: ind.name, text: ind.text }, indicatorPath(i));
      }
    }
  },
});
