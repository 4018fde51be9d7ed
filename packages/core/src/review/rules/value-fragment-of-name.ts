import { defineRule } from '../define-rule.ts';
import { viewOf } from '../project-view.ts';
import { indicatorPath } from './_wording-util.ts';

/** FMT-02: a qualitative value that is a piece of the name (`完成各项任务 / 完成`). */
export default defineRule({
  id: 'FMT-02',
  slug: 'value-fragment-of-name',
  category: '格式规范',
  severity: 'info',
  description: '定性指标的指标值只是指标名称的一部分。',
  messages: {
    fragment: '「{name}」的指标值「{text}」只是名称的一部分，没有说明达到什么程度、如何评价。',
  },
  check({ project, report }) {
    const indicators = project.form.indicators;
    const view = viewOf(project);
    for (let i = 0; i < indicators.length; i++) {
      const ind = indicators[i];
      if (ind?.kind !== 'qualitative') continue;
      const text = view.plainText(i);
      if (text === '') continue;
      const name = view.plainName(i);
      if (text.length < name.length && name.includes(text)) {
        report('fragment', { name: ind.name, text: ind.text }, indicatorPath(i));
      }
    }
  },
});
