import type { Indicator } from '../../model/schema.ts';
import { defineRule } from '../define-rule.ts';
import { viewOf } from '../project-view.ts';
import { indicatorPath, printedValue } from './_wording-util.ts';

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

/** The unit a compound unit counts by: `条/日` → `条`; a simple unit as it is (no split, no copy). */
function numerator(unit: string): string {
  const slash = unit.indexOf('/');
  return slash < 0 ? unit : unit.slice(0, slash).trim();
}

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
    // the data is built only for a finding
    const data = (ind: Indicator) => ({ level2: ind.level2, name: ind.name, value: printedValue(ind) });
    for (let i = 0; i < indicators.length; i++) {
      const ind = indicators[i];
      if (!ind?.level1.includes('效益')) continue;
      if (ind.kind === 'quantitative') {
        const unit = ind.unit.trim();
        if (OUTPUT_UNITS.has(numerator(unit))) {
          report('countUnit', { ...data(ind), unit }, indicatorPath(i));
        } else if (COMPLETION_NAME_RE.test(ind.name)) {
          report('completion', data(ind), indicatorPath(i));
        }
      } else if (COMPLETION_VALUES.has(viewOf(project).plainText(i))) {
        report('completion', data(ind), indicatorPath(i));
      }
    }
  },
});
