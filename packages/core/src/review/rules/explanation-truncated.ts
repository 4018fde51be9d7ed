import { defineRule } from '../define-rule.ts';
import { excerpt } from './_disclosure-util.ts';

/** A numbered sub-item heading inside a section: `1.实施周期：`, `2、工作职能：` (not a decimal: `5850000.00`). */
const SUB_ITEM_RE = /(?<![0-9.．])([0-9]{1,2})[.．、]\s*([^\s0-9：:。；;，,、.．]{1,15})\s*[：:]/g;
/** Anything but whitespace and punctuation: is there content at all. */
const CONTENT_RE = /[^\s\p{P}\p{S}]/u;
/** Characters a finished section does not end with. */
const DANGLING_RE = /[，,、：:（(《“‘]$/;

/**
 * COMP-06: no 说明 part is empty or visibly cut off — a numbered sub-item with nothing after it
 * ("2.实施内容和计划：" then the next part), or text ending in "，" / "、".
 */
export default defineRule({
  id: 'COMP-06',
  slug: 'explanation-truncated',
  category: '完整性',
  severity: 'warn',
  description: '项目经费情况说明的各部分不应为空或残缺：子项标题后没有内容，或以“，”“、”等结尾。',
  messages: {
    emptySection: '项目经费情况说明第{number}部分「{title}」没有内容。',
    emptyItem: '项目经费情况说明第{number}部分「{title}」中的子项「{item}」后没有内容。',
    dangling: '项目经费情况说明第{number}部分「{title}」以「{last}」结尾，内容不完整：「…{tail}」。',
  },
  check({ project, report }) {
    const sections = project.explanation?.sections ?? [];
    sections.forEach((s, i) => {
      const text = s.text.trim();
      const last = text.at(-1) ?? '';
      const hasItems = text.includes('：') || text.includes(':');
      const empty = !CONTENT_RE.test(text);
      if (!empty && !hasItems && !DANGLING_RE.test(last)) return; // the usual case: nothing to say
      const path = `explanation.sections[${i}]`;
      const where = { number: s.number, title: s.title };
      if (empty) {
        report('emptySection', where, path);
        return;
      }
      let endsWithEmptyItem = false;
      const items = hasItems ? [...text.matchAll(SUB_ITEM_RE)] : [];
      items.forEach((m, j) => {
        const end = (m.index ?? 0) + m[0].length;
        const next = items[j + 1]?.index ?? text.length;
        if (CONTENT_RE.test(text.slice(end, next))) return;
        report('emptyItem', { ...where, item: m[0].replace(/\s+/g, '') }, path);
        if (j === items.length - 1) endsWithEmptyItem = true;
      });
      if (!endsWithEmptyItem && DANGLING_RE.test(last)) {
        report('dangling', { ...where, last, tail: excerpt(text.slice(-20), 20) }, path);
      }
    });
  },
});
