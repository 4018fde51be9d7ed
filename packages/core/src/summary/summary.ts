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

/** Computes the department summary from the forms (stub: being written). */
export function summarizeDisclosure(_d: Disclosure, _style: SentenceStyle = {}): DisclosureSummary {
  throw new Error('not yet implemented');
}
