import { fenToWan, formatYuan, parseWan, yuanToFen } from '../../model/money.ts';
import { sameWan, summarizeDisclosure } from '../../summary/summary.ts';
import { defineDisclosureRule } from '../define-rule.ts';

/**
 * DISC-02: the summary's 项目预算资金 (万元) = Σ 年度资金申请总额 of the forms, rounded half up to
 * 2 decimals. Only decidable when every counted project is printed.
 */
export default defineDisclosureRule({
  id: 'DISC-02',
  slug: 'summary-total',
  category: '算术一致性',
  severity: 'error',
  description: '总述的项目预算资金（万元）应等于各申报表年度资金申请总额之和（四舍五入到两位小数）。',
  messages: {
    mismatch:
      '总述的项目预算资金 {stated} 万元 ≠ 各申报表年度资金申请总额合计 {computed} 万元（{sumFmt} 元），相差 {diffWan} 万元。',
    notApplicable:
      '总述称共 {statedProjects} 个项目，只公开了 {forms} 张申报表，无法核对项目预算资金 {stated} 万元（公开部分合计 {computed} 万元）。',
  },
  messageSeverity: { notApplicable: 'info' },
  check({ disclosure, report }) {
    const stated = disclosure.summary;
    if (stated === null) return;
    const { computed } = summarizeDisclosure(disclosure);
    const sumFen = yuanToFen(computed.totalYuan) ?? 0;
    const base = { stated: stated.totalWan, computed: computed.totalWan, sumYuan: computed.totalYuan };
    if (computed.projectCount < stated.projectCount) {
      report(
        'notApplicable',
        { ...base, statedProjects: stated.projectCount, forms: computed.projectCount },
        'summary.totalWan',
      );
      return;
    }
    if (sameWan(stated.totalWan, computed.totalWan, sumFen)) return;
    const statedFen = parseWan(stated.totalWan);
    const computedFen = parseWan(computed.totalWan) ?? 0;
    report(
      'mismatch',
      {
        ...base,
        sumFmt: formatYuan(sumFen),
        diffWan: statedFen === null ? '—' : fenToWan(statedFen - computedFen),
      },
      'summary.totalWan',
    );
  },
});
