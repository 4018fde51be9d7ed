import { type Fen, fenToWan, fenToYuan, formatYuan, percent } from '../../model/money.ts';
import type { Section } from '../../model/schema.ts';
import { defineRule } from '../define-rule.ts';
import { viewOf } from '../project-view.ts';
import { sectionPath } from '../util.ts';
import { isPhased, sectionLabel, type TextAmount } from './_funds-util.ts';

// A lone amount is a budget figure when its clause speaks of money for the project.
const BUDGET_WORDS = /预算|资金|经费|投入|投资|合计|共计|总计|总额|测算/;
// …but not money of another period or source: 上年…, 已投入…, 自筹…, 2022年…
const OTHER_MONEY =
  /上年|去年|前年|以前年度|往年|历年|累计|已|前期|结转|自筹|其他资金|配套|社会资金|单位资金/;
const YEAR_RE = /(\d{4})年/g;
const FISCAL_WORDS = /财政/;

/**
 * FUND-07: budget figures written elsewhere in the 说明 (`经测算，预算资金约1800万元` in 项目概述)
 * agree with 年度资金申请总额 within a tolerance (default ±1%, `narrativeTolerancePercent`).
 * 年度预算安排 itself is FUND-05's; parts of a breakdown (after 其中, or items of a list) are
 * FUND-06's; money of another year or source is not compared. A 阶段性项目's figure may be its
 * whole-life total, a 财政… figure the appropriation: the nearest of those is taken.
 */
export default defineRule({
  id: 'FUND-07',
  slug: 'narrative-budget-estimate',
  category: '算术一致性',
  severity: 'warn',
  description:
    '说明其他部分提到的预算金额（如“经测算，预算资金约X万元”）应与年度资金申请总额基本一致（默认±1%）。',
  messages: {
    mismatch:
      '说明「{section}」所述“{quote}”与{refLabel} {expectedText}相差 {diffText}（{percent}%），超出 ±{tolerance}% 的容差。',
  },
  check({ project, options, report }) {
    const sections = project.explanation?.sections;
    const f = project.form.funds;
    if (!sections || f.annualTotal === null) return;
    const view = viewOf(project);
    const budget = view.budgetSection;
    const phased = isPhased(project);
    // tolerance in hundredths of a percent; a missing or absurd option means "exact"
    const option = options.narrativeTolerancePercent;
    const tolerance = Number.isFinite(option) && option > 0 ? Math.min(option, 1e9) : 0;
    const tolBp = BigInt(Math.round(tolerance * 100));

    for (let i = 0; i < sections.length; i++) {
      const section = sections[i];
      if (i === budget || section === undefined) continue;
      const amounts = view.amountsIn(i);
      if (amounts.length === 0) continue;
      let spent = 0;
      for (const a of amounts) if (!a.rate && !a.part) spent++;
      for (const a of amounts) {
        // a lone amount may be the figure; in a list, only the one named as the total is
        if (a.rate || a.part || (spent > 1 && !a.total)) continue;
        if (!BUDGET_WORDS.test(a.clause) || OTHER_MONEY.test(a.clause)) continue;
        if (otherYear(a.clause, project.form.year)) continue;
        const refs: [Fen | null, string][] = [[f.annualTotal, '年度资金申请总额']];
        if (FISCAL_WORDS.test(a.clause)) refs.push([f.currentYearAppropriation, '当年财政拨款']);
        if (phased) refs.push([f.total, '项目资金总额'], [f.fiscal, '项目财政资金']);
        let best: { ref: Fen; label: string; off: Fen } | null = null;
        for (const [ref, label] of refs) {
          if (ref === null || ref <= 0) continue;
          const off = Math.max(0, Math.abs(a.fen - ref) - a.slack);
          if (best === null || off < best.off) best = { ref, label, off };
        }
        if (best === null) continue;
        if (BigInt(best.off) * 10000n <= BigInt(best.ref) * tolBp) continue;
        report('mismatch', describe(a, best.ref, best.label, section, tolerance), sectionPath(i));
      }
    }
  },
});

function otherYear(clause: string, year: number): boolean {
  YEAR_RE.lastIndex = 0;
  for (let m = YEAR_RE.exec(clause); m !== null; m = YEAR_RE.exec(clause)) {
    if (Number(m[1]) !== year) return true;
  }
  return false;
}

function describe(a: TextAmount, ref: Fen, refLabel: string, section: Section, tolerance: number) {
  const diff = a.fen - ref;
  const abs = Math.abs(diff);
  const clause = a.clause.replace(/\s+/g, '');
  const quote = `${clause.length > 12 ? `…${clause.slice(-12)}` : clause}${a.printed}`;
  const wan = a.unit === '万元';
  return {
    expected: fenToYuan(ref),
    actual: fenToYuan(a.fen),
    diff: fenToYuan(diff),
    expectedWan: fenToWan(ref),
    actualWan: fenToWan(a.fen),
    diffWan: fenToWan(abs),
    percent: percent(abs, ref) ?? '',
    tolerance: String(tolerance),
    printed: a.printed,
    section: sectionLabel(section),
    quote,
    refLabel,
    expectedText: wan ? `${formatYuan(ref)} 元（${fenToWan(ref)}万元）` : `${formatYuan(ref)} 元`,
    diffText: wan ? `${fenToWan(abs)}万元` : `${formatYuan(abs)} 元`,
  };
}
