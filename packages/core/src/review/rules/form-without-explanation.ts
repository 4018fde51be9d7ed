import { defineDisclosureRule } from '../define-rule.ts';
import { projectLabel, projectPrefix } from '../util.ts';

/**
 * DISC-05: every published form has its 项目经费情况说明. The fixture's 说明 name no project, so
 * importers pair them with the form that follows (domain.md §8); a form left without one has
 * `explanation === null`.
 */
export default defineDisclosureRule({
  id: 'DISC-05',
  slug: 'form-without-explanation',
  category: '算术一致性',
  severity: 'warn',
  description: '每张公开的绩效目标申报表都应有对应的项目经费情况说明。',
  messages: {
    missing: '{project}的绩效目标申报表没有对应的项目经费情况说明。',
  },
  check({ disclosure, report }) {
    disclosure.projects.forEach((p, i) => {
      if (p.explanation === null)
        report('missing', { project: projectLabel(i, p) }, `${projectPrefix(i)}explanation`);
    });
  },
});
