import { defineRule } from '../define-rule.ts';
import { indicatorPath, printedValue } from './_wording-util.ts';

/** Clause breaks inside a name: two statements (`开展司法救助，推进案件化解`). */
const CLAUSE_RE = /[，,；;]/;
/** List breaks: two items (`完成视频监控上联、数据更新`). */
const LIST_RE = /[、/]/;
/** Conjunctions: two measures only when both sides are measures (`再犯率和重新犯罪率`). */
const CONJUNCTION_RE = /和|及|与|以及|并/;
/** Endings that make a phrase a measure of its own. */
const MEASURE_END_RE = /(?:率|度|数|量|次数|人数|比例|时间)$/;
/** A list item shorter than this is a part of one object (`水、电、气保障率`), not a measure. */
const MIN_ITEM = 3;

/** Any of the breaks above: one search rules out most names. */
const ANY_BREAK_RE = new RegExp(`${CLAUSE_RE.source}|${LIST_RE.source}|${CONJUNCTION_RE.source}`);

function splitName(name: string): { how: 'clause' | 'list' | 'conjunction'; parts: string[] } | null {
  if (!ANY_BREAK_RE.test(name)) return null;
  const trimmed = name.trim();
  if (CLAUSE_RE.test(trimmed)) {
    const parts = trimmed.split(CLAUSE_RE).map((s) => s.trim());
    if (parts.filter((p) => p.length >= 2).length >= 2) return { how: 'clause', parts };
  }
  if (LIST_RE.test(trimmed)) {
    const parts = trimmed.split(LIST_RE).map((s) => s.trim());
    if (parts.every((p) => p.length >= MIN_ITEM)) return { how: 'list', parts };
  }
  const m = CONJUNCTION_RE.exec(trimmed);
  if (m) {
    const left = trimmed.slice(0, m.index);
    const right = trimmed.slice(m.index + m[0].length);
    if (MEASURE_END_RE.test(left) && MEASURE_END_RE.test(right))
      return { how: 'conjunction', parts: [left, right] };
  }
  return null;
}

/**
 * FMT-07: one indicator carrying two measures — joined by `，`, `、` or `和` — cannot be scored when
 * one is met and the other not; each should be its own indicator with its own target.
 */
export default defineRule({
  id: 'FMT-07',
  slug: 'two-measures',
  category: '格式规范',
  severity: 'info',
  description: '一个指标包含两项衡量内容（以“，”“、”“和”连接），应拆分为两个指标。',
  messages: {
    twoMeasures:
      '「{name}」（{value}）包含 {count} 项内容：{partsText}，完成一项时无法评分，宜拆分为独立指标。',
  },
  check({ project, report }) {
    const indicators = project.form.indicators;
    for (let i = 0; i < indicators.length; i++) {
      const ind = indicators[i];
      if (!ind) continue;
      const split = splitName(ind.name);
      if (!split) continue;
      report(
        'twoMeasures',
        {
          name: ind.name,
          value: printedValue(ind),
          how: split.how,
          parts: split.parts,
          count: split.parts.length,
          partsText: split.parts.map((p) => `「${p}」`).join('、'),
        },
        indicatorPath(i),
      );
    }
  },
});
