import type { Section } from '../../model/schema.ts';
import { defineRule } from '../define-rule.ts';
import { sectionPath } from '../util.ts';
import { excerpt } from './_disclosure-util.ts';

/** A numbered sub-item heading inside a section: `1.实施周期：`, `2、工作职能：` (not a decimal: `5850000.00`). */
const SUB_ITEM_RE = /(?<![0-9.．])([0-9]{1,2})[.．、]\s*([^\s0-9：:。；;，,、.．]{1,15})\s*[：:]/g;
/** What every sub-item heading has, `1.` / `2、`: a quick test before the full search. */
const ITEM_NUMBER_RE = /[0-9][.．、]/;
/** Anything but whitespace and punctuation: is there content at all. */
const CONTENT_RE = /[^\s\p{P}\p{S}]/u;
/** `CONTENT_RE` searching from its `lastIndex`. */
const CONTENT_AFTER_RE = new RegExp(CONTENT_RE.source, 'gu');
/** Characters a finished section does not end with. */
const DANGLING_CODES: ReadonlySet<number> = new Set(Array.from('，,、：:（(《“‘', (c) => c.charCodeAt(0)));

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
    for (let i = 0; i < sections.length; i++) {
      const s = sections[i] as Section;
      const text = s.text.trim();
      const hasItems = text.includes('：') || text.includes(':');
      const dangling = text.length > 0 && DANGLING_CODES.has(text.charCodeAt(text.length - 1));
      const empty = !CONTENT_RE.test(text);
      if (!empty && !hasItems && !dangling) continue; // the usual case: nothing to say
      const path = sectionPath(i);
      const where = { number: s.number, title: s.title };
      if (empty) {
        report('emptySection', where, path);
        continue;
      }
      let endsWithEmptyItem = false;
      const items: RegExpExecArray[] = [];
      if (hasItems && ITEM_NUMBER_RE.test(text)) {
        SUB_ITEM_RE.lastIndex = 0;
        for (let m = SUB_ITEM_RE.exec(text); m !== null; m = SUB_ITEM_RE.exec(text)) items.push(m);
      }
      for (let j = 0; j < items.length; j++) {
        const m = items[j] as RegExpExecArray;
        const end = m.index + m[0].length;
        const next = items[j + 1]?.index ?? text.length;
        if (hasContent(text, end, next)) continue;
        report('emptyItem', { ...where, item: m[0].replace(/\s+/g, '') }, path);
        if (j === items.length - 1) endsWithEmptyItem = true;
      }
      if (!endsWithEmptyItem && dangling) {
        const last = text.at(-1) ?? '';
        report('dangling', { ...where, last, tail: excerpt(text.slice(-20), 20) }, path);
      }
    }
  },
});

/** Whether `text[from, to)` has content, searched in place (no copy of the span). */
function hasContent(text: string, from: number, to: number): boolean {
  CONTENT_AFTER_RE.lastIndex = from;
  return CONTENT_AFTER_RE.test(text) && CONTENT_AFTER_RE.lastIndex <= to;
}
