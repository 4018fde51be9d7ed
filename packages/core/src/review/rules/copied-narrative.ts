import { defineDisclosureRule } from '../define-rule.ts';
import { compact, flat, projectPrefix, sectionPath } from '../util.ts';
import { plain, projectId, type SectionKind, sectionKind } from './_wording-util.ts';

/** Sections that must be written for each project; 实施主体 / 实施周期 / 预算 may legitimately repeat. */
const COMPARED: ReadonlySet<SectionKind> = new Set(['overview', 'basis', 'plan']);
/** Stock text (`（详见单位的项目绩效目标表）`, punctuation removed) is not a copy. */
const STOCK_RE = /^详见/;
/** Shorter texts (`根据部门工作要求。`) are too generic to call a copy. */
const MIN_CHARS = 10;
/** How many other projects a finding names; the count is always complete. */
const MAX_LISTED = 5;

/** A compared section of one project and the projects whose section has the same text. */
interface Candidate {
  group: number[];
  section: number;
  title: string;
}

/** Sorts a short list of project indices in place (insertion sort: no comparator, no copy). */
function sortNumbers(list: number[]): void {
  for (let i = 1; i < list.length; i++) {
    const v = list[i] as number;
    let j = i - 1;
    while (j >= 0 && (list[j] as number) > v) {
      list[j + 1] = list[j] as number;
      j--;
    }
    list[j + 1] = v;
  }
}

/**
 * REL-02: the same 项目概述 / 立项依据 / 实施方案 in two or more projects (ignoring whitespace and
 * punctuation): a narrative written for one project and pasted into another. One finding per
 * affected project, at its first copied section. Texts are grouped in one hash map: O(n).
 */
export default defineDisclosureRule({
  id: 'REL-02',
  slug: 'copied-narrative',
  category: '相关性',
  severity: 'warn',
  description: '两个以上项目的项目概述、立项依据或实施方案完全相同（疑为复制）。',
  messages: {
    copied: '{project} 的{sectionsText}与 {othersText} 完全相同，疑为复制，未针对本项目说明。',
  },
  check({ disclosure, report }) {
    const projects = disclosure.projects;
    // one map per section kind, keyed by the text itself: no key building, one hash per text
    const byKind = new Map<SectionKind, Map<string, number[]>>();
    for (const kind of COMPARED) byKind.set(kind, new Map());
    const copiesOf: Candidate[][] = projects.map(() => []);
    projects.forEach((project, index) => {
      project.explanation?.sections.forEach((section, i) => {
        const kind = sectionKind(section);
        const groups = kind === null ? undefined : byKind.get(kind);
        if (!groups) return;
        const text = plain(section.text);
        if (text.length < MIN_CHARS || STOCK_RE.test(text)) return;
        let group = groups.get(text);
        if (!group) {
          group = [];
          groups.set(text, group);
        }
        if (group[group.length - 1] === index) return; // the same text twice in one project
        group.push(index);
        copiesOf[index]?.push({ group, section: i, title: section.title });
      });
    });
    for (let index = 0; index < copiesOf.length; index++) {
      const candidates = copiesOf[index] as Candidate[];
      let first = 0; // the first copied section, if any: most projects have none, nothing is built
      while (first < candidates.length && (candidates[first]?.group.length ?? 0) < 2) first++;
      if (first === candidates.length) continue;
      const titles: string[] = [];
      const sections: number[] = [];
      const others: number[] = []; // distinct, at most MAX_LISTED + 1 per copied section
      let otherCount = 0;
      for (let c = first; c < candidates.length; c++) {
        const { group, section, title } = candidates[c] as Candidate;
        if (group.length < 2) continue;
        titles.push(title);
        sections.push(section);
        otherCount = Math.max(otherCount, group.length - 1);
        for (let k = 0; k < group.length && k <= MAX_LISTED; k++) {
          const other = group[k] as number;
          if (other !== index && !others.includes(other)) others.push(other);
        }
      }
      otherCount = Math.max(otherCount, others.length);
      sortNumbers(others);
      const listed: string[] = [];
      for (let k = 0; k < others.length && k < MAX_LISTED; k++) listed.push(projectId(others[k] as number));
      const othersText =
        otherCount > listed.length
          ? flat(listed.join('、'), ' 等 ', otherCount, ' 个项目')
          : listed.join('、');
      report(
        'copied',
        {
          project: projectId(index),
          sections: compact(titles),
          sectionIndices: compact(sections),
          others: compact(listed),
          otherCount,
          sectionsText: titles.join('、'),
          othersText,
        },
        projectPrefix(index) + sectionPath(sections[0] as number),
      );
    }
  },
});
