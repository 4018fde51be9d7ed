import { defineDisclosureRule } from '../define-rule.ts';
import { plain, projectId, type SectionKind, sectionKind } from './_wording-util.ts';

/** Sections that must be written for each project; 实施主体 / 实施周期 / 预算 may legitimately repeat. */
const COMPARED: ReadonlySet<SectionKind> = new Set(['overview', 'basis', 'plan']);
/** Stock text (`（详见单位的项目绩效目标表）`, punctuation removed) is not a copy. */
const STOCK_RE = /^详见/;
/** Shorter texts (`根据部门工作要求。`) are too generic to call a copy. */
const MIN_CHARS = 10;
/** How many other projects a finding names; the count is always complete. */
const MAX_LISTED = 5;

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
    const copiesOf: { group: number[]; section: number; title: string }[][] = projects.map(() => []);
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
    copiesOf.forEach((candidates, index) => {
      const titles: string[] = [];
      const sections: number[] = [];
      const others = new Set<number>();
      let otherCount = 0;
      for (const { group, section, title } of candidates) {
        if (group.length < 2) continue;
        titles.push(title);
        sections.push(section);
        otherCount = Math.max(otherCount, group.length - 1);
        for (const other of group.slice(0, MAX_LISTED + 1)) if (other !== index) others.add(other);
      }
      if (sections.length === 0) return;
      otherCount = Math.max(otherCount, others.size);
      const listed = [...others]
        .sort((a, b) => a - b)
        .slice(0, MAX_LISTED)
        .map(projectId);
      const othersText =
        otherCount > listed.length ? `${listed.join('、')} 等 ${otherCount} 个项目` : listed.join('、');
      report(
        'copied',
        {
          project: projectId(index),
          sections: titles,
          sectionIndices: sections,
          others: listed,
          otherCount,
          sectionsText: titles.join('、'),
          othersText,
        },
        `projects[${index}].explanation.sections[${sections[0]}]`,
      );
    });
  },
});
