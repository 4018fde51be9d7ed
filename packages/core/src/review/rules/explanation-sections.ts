import type { Section } from '../../model/schema.ts';
import { defineRule } from '../define-rule.ts';
import { compact, flat, sectionPath, stripWs } from '../util.ts';
import { chineseNumber, sectionNumber } from './_disclosure-util.ts';

/** The seven parts of a 项目经费情况说明 in their usual order (domain.md §5.1), with title variants. */
const PARTS: readonly { label: string; titles: readonly string[] }[] = [
  { label: '项目概述', titles: ['项目概述', '项目概况', '项目简介'] },
  { label: '立项依据', titles: ['立项依据'] },
  { label: '实施主体', titles: ['实施主体'] },
  { label: '实施方案', titles: ['实施方案'] },
  { label: '实施周期', titles: ['实施周期'] },
  { label: '年度预算安排', titles: ['年度预算安排', '预算安排'] },
  { label: '绩效目标', titles: ['绩效目标'] },
];

/** Every part present, as bits. */
const ALL_PARTS = (1 << PARTS.length) - 1;
/** Every title variant and its part (parallel lists), found with one regex. */
const VARIANTS: readonly string[] = PARTS.flatMap((p) => p.titles);
const VARIANT_PART: readonly number[] = PARTS.flatMap((p, k) => p.titles.map(() => k));
const TITLE_RE = new RegExp(VARIANTS.join('|'));

function partOf(section: Section): number {
  const k = partIn(section.title);
  return k >= 0 ? k : partIn(stripWs(section.title));
}

/** The part of the first title variant in `title`, or -1; found by position (no match object). */
function partIn(title: string): number {
  const at = title.search(TITLE_RE);
  if (at < 0) return -1;
  // the variant the regex matched there: the first one in its order that starts at `at`
  for (let v = 0; v < VARIANTS.length; v++) {
    if (title.startsWith(VARIANTS[v] as string, at)) return VARIANT_PART[v] ?? -1;
  }
  return -1;
}

/**
 * COMP-05: the 说明 has its seven parts, numbered without gaps. The order 三 实施方案 / 四 实施主体
 * (four fixture projects) is common enough to be a note (info), not a defect.
 */
export default defineRule({
  id: 'COMP-05',
  slug: 'explanation-sections',
  category: '完整性',
  severity: 'warn',
  description:
    '项目经费情况说明应包含项目概述、立项依据、实施主体、实施方案、实施周期、年度预算安排、绩效目标七部分，编号连续。',
  messages: {
    missing: '项目经费情况说明缺少{missingList}部分{skipNote}（现有：{present}）。',
    numberGap: '项目经费情况说明的编号不连续，跳过了第{skippedList}部分（现有：{present}）。',
    order:
      '项目经费情况说明把「{first}」（第{firstNumber}部分）排在「{second}」（第{secondNumber}部分）之前，通行顺序是{expected}。',
  },
  messageSeverity: { order: 'info' },
  check({ project, report }) {
    const sections = project.explanation?.sections;
    if (!sections) return; // no 说明 at all: DISC-05
    const parts: number[] = [];
    let found = 0; // bit k: part k is present
    for (const s of sections) {
      const k = partOf(s);
      parts.push(k);
      if (k >= 0) found |= 1 << k;
    }
    const missing: string[] = [];
    if (found !== ALL_PARTS)
      for (let k = 0; k < PARTS.length; k++) if (!(found & (1 << k))) missing.push(PARTS[k]?.label ?? '');
    const numbers: boolean[] = []; // by printed number
    let max = 0;
    for (const s of sections) {
      const n = sectionNumber(s.number);
      if (n === null) continue;
      numbers[n] = true;
      if (n > max) max = n;
    }
    const skipped: string[] = [];
    for (let n = 1; n < max; n++) if (numbers[n] !== true) skipped.push(chineseNumber(n));

    const present = () => sections.map((s) => stripWs(`${s.number}、${s.title}`)).join('；');
    if (missing.length > 0) {
      report(
        'missing',
        {
          missing: compact(missing),
          skipped: compact(skipped),
          present: present(),
          missingList: missing.map((m) => `「${m}」`).join('、'),
          skipNote: skipped.length > 0 ? `，编号跳过了第${skipped.join('、')}部分` : '',
        },
        'explanation.sections',
      );
    } else if (skipped.length > 0) {
      report(
        'numberGap',
        { skipped: compact(skipped), present: present(), skippedList: skipped.join('、') },
        'explanation.sections',
      );
    }

    let prev = -1;
    for (let i = 0; i < sections.length; i++) {
      const k = parts[i] ?? -1;
      if (k < 0) continue;
      if (prev >= 0 && k < (parts[prev] ?? -1)) {
        const a = parts[prev] ?? 0;
        report(
          'order',
          {
            first: PARTS[a]?.label ?? '',
            firstNumber: sections[prev]?.number ?? '',
            second: PARTS[k]?.label ?? '',
            secondNumber: sections[i]?.number ?? '',
            expected: flat(
              chineseNumber(k + 1),
              '、',
              PARTS[k]?.label ?? '',
              '，',
              chineseNumber(a + 1),
              '、',
              PARTS[a]?.label ?? '',
            ),
          },
          sectionPath(prev),
        );
      }
      prev = i;
    }
  },
});
