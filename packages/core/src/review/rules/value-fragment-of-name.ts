import { defineRule } from '../define-rule.ts';
import { indicatorPath, plain } from './_wording-util.ts';

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
    for (let i = 0; i < indicators.length; i++) {
      const ind = indicators[i];
      if (ind?.kind !== 'qualitative') continue;
      const text = plain(ind.text);
      const name = plain(ind.name);
      if (text !== '' && text.length < name.length && name.includes(text)) {
        report('fragment', { name: ind.name, text: ind.text }, indicatorPath(i));
      }
    }
  },
});
