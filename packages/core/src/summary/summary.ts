/**
 * The department summary (domain.md §6.1): the figures of the opening sentence of a disclosure's
 * 绩效目标设置情况, recomputed from the forms, the sentence itself, and where the document's own
 * figures disagree. Pure; money in integer fen, never floats.
 */
import { type Fen, fenToWan, fenToYuan, parseWan } from '../model/money.ts';
import type { Disclosure, Summary } from '../model/schema.ts';

/** The figures of the summary sentence. */
export interface SummaryFigures {
  budgetUnitCount: number;
  projectCount: number;
  /** 万元, two decimals, rounded half up */
  totalWan: string;
  largeProjectCount: number | null;
  largeThresholdWan: string | null;
}

export interface SentenceStyle {
  /** 本市 (default) or 本区 */
  scope?: '市' | '区';
  /** 本部门 (default) or 本单位 */
  subject?: '部门' | '单位';
}

export interface DisclosureSummary {
  /** computed from the forms */
  computed: SummaryFigures & { totalYuan: string };
  /** as stated in the document (null when it has no summary paragraph) */
  stated: Summary | null;
  /** the sentence for the computed figures */
  sentence: string;
  /** where stated and computed disagree */
  differences: {
    field: keyof SummaryFigures;
    stated: string | number | null;
    computed: string | number | null;
  }[];
}

/** The threshold of the large-project clause when the document states none (domain.md §6.2). */
export const DEFAULT_LARGE_THRESHOLD_WAN = '1000';

/**
 * Whether a stated summary has the 「其中预算金额X万元（含）以上的项目有K个」 clause. A summary
 * without a stated one (null) gets the default clause.
 */
function hasLargeClause(stated: Summary | null): boolean {
  return stated === null || stated.largeThresholdWan !== null || stated.largeProjectCount !== null;
}

/**
 * Computes the department summary from the forms: distinct 实施单位 (whitespace ignored), number of
 * forms, Σ 年度资金申请总额 (blank = 0) in yuan and in 万元 rounded half up to two decimals, and the
 * number of projects at or above the large-project threshold (inclusive: （含）). The threshold is the
 * stated one, 1000万元 by default; when the stated summary has no such clause, none is computed.
 *
 * @returns computed figures, the stated ones, the sentence for the computed figures and the
 *   stated-vs-computed differences (empty when the document's paragraph is right, or absent)
 */
export function summarizeDisclosure(d: Disclosure, style: SentenceStyle = {}): DisclosureSummary {
  const stated = d.summary;
  const units = new Set<string>();
  let sum: Fen = 0;
  for (const p of d.projects) {
    const unit = p.form.implementingUnit.replace(/\s+/g, '');
    if (unit !== '') units.add(unit);
    sum += p.form.funds.annualTotal ?? 0;
  }

  const clause = hasLargeClause(stated);
  const largeThresholdWan = clause ? (stated?.largeThresholdWan ?? DEFAULT_LARGE_THRESHOLD_WAN) : null;
  const thresholdFen = largeThresholdWan === null ? null : parseWan(largeThresholdWan);
  let largeProjectCount: number | null = null;
  if (thresholdFen !== null) {
    largeProjectCount = 0;
    for (const p of d.projects) if ((p.form.funds.annualTotal ?? 0) >= thresholdFen) largeProjectCount++;
  }

  const computed = {
    budgetUnitCount: units.size,
    projectCount: d.projects.length,
    totalWan: fenToWan(sum),
    totalYuan: fenToYuan(sum),
    largeProjectCount,
    largeThresholdWan,
  };
  return {
    computed,
    stated,
    sentence: renderSummarySentence(computed, d.year, style),
    differences: stated ? compareFigures(stated, computed, sum) : [],
  };
}

/**
 * The summary sentence as disclosures print it (domain.md §6.1), e.g. 「按照本市预算绩效管理工作的
 * 总体要求，本部门1个预算单位开展了2024年项目预算绩效目标编报工作，编报绩效目标的项目10个，涉及项目
 * 预算资金3022.49万元，其中预算金额1000万元（含）以上的项目有1个。」 The large-project clause is
 * left out when `largeThresholdWan` or `largeProjectCount` is null.
 */
export function renderSummarySentence(
  figures: SummaryFigures,
  year: number,
  style: SentenceStyle = {},
): string {
  const scope = style.scope ?? '市';
  const subject = style.subject ?? '部门';
  const large =
    figures.largeThresholdWan !== null && figures.largeProjectCount !== null
      ? `，其中预算金额${figures.largeThresholdWan}万元（含）以上的项目有${figures.largeProjectCount}个`
      : '';
  return (
    `按照本${scope}预算绩效管理工作的总体要求，本${subject}${figures.budgetUnitCount}个预算单位开展了` +
    `${year}年项目预算绩效目标编报工作，编报绩效目标的项目${figures.projectCount}个，` +
    `涉及项目预算资金${figures.totalWan}万元${large}。`
  );
}

/**
 * Stated vs computed. 万元 amounts compare by value (`3022.5` = `3022.50`); a stated total carrying
 * more decimals than two counts as right when it is the exact sum.
 */
function compareFigures(
  stated: Summary,
  computed: SummaryFigures,
  sumFen: Fen,
): DisclosureSummary['differences'] {
  const out: DisclosureSummary['differences'] = [];
  if (stated.budgetUnitCount !== computed.budgetUnitCount) {
    out.push({
      field: 'budgetUnitCount',
      stated: stated.budgetUnitCount,
      computed: computed.budgetUnitCount,
    });
  }
  if (stated.projectCount !== computed.projectCount) {
    out.push({ field: 'projectCount', stated: stated.projectCount, computed: computed.projectCount });
  }
  if (!sameWan(stated.totalWan, computed.totalWan, sumFen)) {
    out.push({ field: 'totalWan', stated: stated.totalWan, computed: computed.totalWan });
  }
  if (stated.largeProjectCount !== null && stated.largeProjectCount !== computed.largeProjectCount) {
    out.push({
      field: 'largeProjectCount',
      stated: stated.largeProjectCount,
      computed: computed.largeProjectCount,
    });
  }
  return out;
}

/** Whether a stated 万元 figure equals the computed one (rounded) or the exact sum. */
export function sameWan(statedWan: string, computedWan: string, sumFen: Fen): boolean {
  const s = parseWan(statedWan);
  if (s === null) return statedWan === computedWan;
  return s === parseWan(computedWan) || s === sumFen;
}
