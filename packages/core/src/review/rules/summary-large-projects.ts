import { parseWan } from '../../model/money.ts';
import { summarizeDisclosure } from '../../summary/summary.ts';
import { defineDisclosureRule } from '../define-rule.ts';
import { projectLabel } from '../util.ts';

/**
 * DISC-03: the summary's 「其中预算金额X万元（含）以上的项目有K个」 = the number of forms whose
 * 年度资金申请总额 ≥ X×10,000 元 (（含）: inclusive). Only decidable when every project is printed.
 */
export default defineDisclosureRule({
  id: 'DISC-03',
  slug: 'summary-large-projects',
  category: '算术一致性',
  severity: 'error',
  description: '总述中预算金额X万元（含）以上的项目数应等于年度资金申请总额不低于X万元的申报表张数。',
  messages: {
    mismatch:
      '总述称预算金额 {threshold} 万元（含）以上的项目有 {stated} 个，申报表中年度资金申请总额达到 {threshold} 万元的有 {computed} 个{listNote}。',
    notApplicable:
      '总述称共 {statedProjects} 个项目，只公开了 {forms} 张申报表，无法核对 {threshold} 万元（含）以上的项目数 {stated} 个（公开部分中有 {computed} 个）。',
  },
  messageSeverity: { notApplicable: 'info' },
  check({ disclosure, report }) {
    const stated = disclosure.summary;
    if (stated === null || stated.largeProjectCount === null) return; // no clause: nothing stated
    const { computed } = summarizeDisclosure(disclosure);
    if (computed.largeProjectCount === null || computed.largeThresholdWan === null) return;
    const base = {
      threshold: computed.largeThresholdWan,
      stated: stated.largeProjectCount,
      computed: computed.largeProjectCount,
    };
    if (computed.projectCount < stated.projectCount) {
      report(
        'notApplicable',
        { ...base, statedProjects: stated.projectCount, forms: computed.projectCount },
        'summary.largeProjectCount',
      );
      return;
    }
    if (stated.largeProjectCount === computed.largeProjectCount) return;
    const thresholdFen = parseWan(computed.largeThresholdWan) ?? 0;
    const large: string[] = [];
    disclosure.projects.forEach((p, i) => {
      if ((p.form.funds.annualTotal ?? 0) >= thresholdFen) large.push(projectLabel(i, p));
    });
    report('mismatch', { ...base, projects: large, listNote: listNote(large) }, 'summary.largeProjectCount');
  },
});

/** `：P10「…」、P11「…」` for a message, at most ten names. */
function listNote(names: readonly string[]): string {
  if (names.length === 0) return '';
  const shown = names.slice(0, 10).join('、');
  return names.length > 10 ? `：${shown}等` : `：${shown}`;
}
