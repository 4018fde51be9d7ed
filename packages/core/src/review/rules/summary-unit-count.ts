import { summarizeDisclosure } from '../../summary/summary.ts';
import { defineDisclosureRule } from '../define-rule.ts';

/**
 * DISC-04: the summary's 预算单位数 = distinct 实施单位 of the forms. A warning: the 实施单位 need not
 * be the 预算单位 that filed. When only a selection is published, fewer units is expected; only more
 * units than stated is reported then.
 */
export default defineDisclosureRule({
  id: 'DISC-04',
  slug: 'summary-unit-count',
  category: '算术一致性',
  severity: 'warn',
  description: '总述的预算单位数应等于申报表中不同实施单位的个数。',
  messages: {
    mismatch: '总述称 {stated} 个预算单位，申报表的实施单位有 {computed} 个{unitNote}。',
  },
  check({ disclosure, report }) {
    const stated = disclosure.summary;
    if (stated === null) return;
    const { computed } = summarizeDisclosure(disclosure);
    if (computed.budgetUnitCount === stated.budgetUnitCount) return;
    const selection = computed.projectCount < stated.projectCount;
    if (selection && computed.budgetUnitCount < stated.budgetUnitCount) return;
    const units = distinctUnits(disclosure.projects.map((p) => p.form.implementingUnit));
    report(
      'mismatch',
      {
        stated: stated.budgetUnitCount,
        computed: computed.budgetUnitCount,
        units,
        unitNote:
          units.length === 0 ? '' : `：${units.slice(0, 10).join('、')}${units.length > 10 ? '等' : ''}`,
      },
      'summary.budgetUnitCount',
    );
  },
});

/** Units in first-seen order, whitespace ignored, blanks left out. */
function distinctUnits(units: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const u of units) {
    const k = u.replace(/\s+/g, '');
    if (k !== '') seen.add(k);
  }
  return [...seen];
}
