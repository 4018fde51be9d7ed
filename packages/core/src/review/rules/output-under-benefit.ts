import { defineRule } from '../define-rule.ts';
import { indicatorPath, plain, printedValue } from './_wording-util.ts';

/**
 * Units that count things delivered (`条/日` counts by its numerator). People (人, 人次, 户) are left
 * out: `受益群众 ≥5000(人)` is a genuine benefit.
 */
const OUTPUT_UNITS: ReadonlySet<string> = new Set(
  '次 条 个 场 篇 件 台 套 项 份 期 批 课时 期次 场次'.split(' '),
);
/** Values that say the work was done: completion is an output, not a benefit. */
const COMPLETION_VALUES: ReadonlySet<string> = new Set(
  '完成 已完成 完成任务 全部完成 按时完成 及时完成 按期完成 如期完成 顺利完成'.split(' '),
);
const COMPLETION_NAME_RE = /完成率|完成数/;

/**
 * REL-05: an output measure filed under 效益指标 — things delivered (`网站服务器正常运行
 * ≥5.00(条/日)`), a completion rate, or `完成任务` as the value. 效益 should say what changed for
 * people, society, the economy or the environment because of the output.
 */
export default defineRule({
  id: 'REL-05',
  slug: 'output-under-benefit',
  category: '相关性',
  severity: 'info',
  description: '效益指标下填的是产出（数量、完成情况），二级指标归类不当。',
  messages: {
    countUnit:
      '「{level2}」下的「{name}」{value} 以「{unit}」计数，衡量的是产出数量而非效益，宜移至产出指标或改写为效益。',
    completion: '「{level2}」下的「{name}」（{value}）衡量的是任务完成情况，属于产出而非效益。',
  },
  check({ project, report }) {
    const indicators = project.form.indicators;
    for (let i = 0; i < indicators.length; i++) {
      const ind = indicators[i];
      if (!ind?.level1.includes('效益')) continue;
      const data = { level2: ind.level2, name: ind.name, value: printedValue(ind) };
      if (ind.kind === 'quantitative') {
        const unit = ind.unit.trim();
        if (OUTPUT_UNITS.has(unit.split('/')[0]?.trim() ?? '')) {
          report('countUnit', { ...data, unit }, indicatorPath(i));
        } else if (COMPLETION_NAME_RE.test(ind.name)) {
          report('completion', data, indicatorPath(i));
        }
      } else if (COMPLETION_VALUES.has(plain(ind.text))) {
        report('completion', data, indicatorPath(i));
      }
    }
  },
});
