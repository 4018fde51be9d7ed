import { defineDisclosureRule } from '../define-rule.ts';

/**
 * DISC-01: no more forms than the summary's 项目数. Fewer is normal — a department may publish a
 * selection (domain.md §6.2) — and is only noted.
 */
export default defineDisclosureRule({
  id: 'DISC-01',
  slug: 'summary-project-count',
  category: '算术一致性',
  severity: 'error',
  description: '公开的绩效目标申报表不应多于总述所称的项目数；少于时只作提示（公开的是部分项目）。',
  messages: {
    tooMany: '公开的绩效目标申报表有 {forms} 张，多于总述所称编报绩效目标的项目 {stated} 个。',
    selection:
      '总述称共 {stated} 个项目，公开绩效目标表 {forms} 张：公开的是部分项目，合计类数字无法逐项核对。',
  },
  messageSeverity: { selection: 'info' },
  check({ disclosure, report }) {
    const stated = disclosure.summary?.projectCount;
    if (stated === undefined) return; // no summary paragraph: nothing stated
    const forms = disclosure.projects.length;
    if (forms > stated) report('tooMany', { stated, forms, diff: forms - stated }, 'summary.projectCount');
    else if (forms < stated)
      report('selection', { stated, forms, diff: stated - forms }, 'summary.projectCount');
  },
});
