/**
 * Reads the summary sentence (domain.md §6.1) from whitespace-free text:
 * 按照本{市|区}预算绩效管理工作的总体要求，{本部门|本单位}{m}个预算单位开展了{YYYY}年项目预算绩效目标编报工作，
 * 编报绩效目标的项目{n}个，涉及项目预算资金{X}万元[，其中预算金额{L}万元（含）以上的项目有{k}个]。
 */
import type { Summary } from '../../model/schema.ts';

/** Where the sentence starts: its opening words. */
export const SUMMARY_ANCHOR_RE = /按照本[市区省县]?预算绩效管理工作的总体要求/;

const NUM = '(\\d[\\d,，]*(?:\\.\\d+)?)';
const SENTENCE_RE = new RegExp(
  [
    '按照本[市区省县]?预算绩效管理工作的总体要求[，,]',
    '本(?:部门|单位)?(?:共有|共|所属)?(\\d+)个预算单位开展了(\\d{4})年(?:度)?项目预算绩效目标编报工作[，,]',
    `编报绩效目标的项目(?:共)?(\\d+)个[，,]涉及项目预算资金(?:共计|合计)?${NUM}万元`,
    `(?:[，,]其中(?:预算金额|项目预算金额)?${NUM}万元[（(]含[)）]以上的项目(?:有)?(\\d+)个)?`,
  ].join(''),
);

export interface SummaryReading {
  summary: Summary;
  year: number;
}

/** Parses the sentence from whitespace-free text starting at the anchor; `null` when it does not fit. */
export function parseSummarySentence(squashed: string): SummaryReading | null {
  const m = SENTENCE_RE.exec(squashed);
  if (!m) return null;
  const [, units, year, projects, total, threshold, large] = m;
  const decimal = (s: string | undefined) => (s === undefined ? null : s.replace(/[,，]/g, ''));
  const totalWan = decimal(total);
  if (totalWan === null || !/^\d+(\.\d+)?$/.test(totalWan)) return null;
  const thresholdWan = decimal(threshold);
  if (thresholdWan !== null && !/^\d+(\.\d+)?$/.test(thresholdWan)) return null;
  return {
    year: Number(year),
    summary: {
      budgetUnitCount: Number(units),
      projectCount: Number(projects),
      totalWan,
      largeProjectCount: large === undefined ? null : Number(large),
      largeThresholdWan: thresholdWan,
    },
  };
}
