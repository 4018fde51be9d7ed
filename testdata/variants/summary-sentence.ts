/**
 * The opening summary sentence (domain.md §6.1) as a template, and the 万元 arithmetic behind it.
 */
import { wrapByWidth } from './text.ts';

export interface SummaryWording {
  /** 本市 / 本区 */
  region: '市' | '区';
  /** 本部门 / 本单位 */
  subject: '部门' | '单位';
  units: number;
  year: number;
  projects: number;
  /** as printed, e.g. `3022.49` or `2,544.51` */
  totalWan: string;
  large: { thresholdWan: string; count: number } | null;
  /** text printed after the sentence in the same paragraph */
  trailer?: string;
}

export function summarySentence(w: SummaryWording): string {
  const large = w.large
    ? `，其中预算金额${w.large.thresholdWan}万元（含）以上的项目有${w.large.count}个`
    : '';
  return (
    `按照本${w.region}预算绩效管理工作的总体要求，本${w.subject}${w.units}个预算单位开展了${w.year}年项目预算` +
    `绩效目标编报工作，编报绩效目标的项目${w.projects}个，涉及项目预算资金${w.totalWan}万元${large}。${w.trailer ?? ''}`
  );
}

/** The preamble as the fixture prints it: an empty line, the wrapped sentence, its last line ending in a space. */
export function summaryPreamble(sentence: string): string[] {
  const lines = wrapByWidth(sentence, 52);
  return ['', ...lines.flatMap((l, i) => [i === lines.length - 1 ? `${l} ` : l, ''])];
}

export const yuanToFen = (yuan: string): number => {
  if (!/^\d+\.\d{2}$/.test(yuan)) throw new Error(`not a yuan amount: ${yuan}`);
  return Number(yuan.replace('.', ''));
};

/** Fen → 万元 with two decimals, rounded half up (1 万元 = 1,000,000 fen). */
export function fenToWan(fen: number, separators: boolean): string {
  const hundredths = Math.floor((fen + 5000) / 10000);
  const int = String(Math.floor(hundredths / 100));
  const frac = String(hundredths % 100).padStart(2, '0');
  return `${separators ? int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : int}.${frac}`;
}
