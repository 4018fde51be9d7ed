import {
  type DisclosureSummary,
  formatYuan,
  type SummaryFigures,
  summarizeDisclosure,
  yuanToFen,
} from '@jixiao/core';
import { EXIT } from '../errors.ts';
import { type Io, useColor } from '../io.ts';
import { readInput } from '../read-input.ts';
import { style } from '../style.ts';

export interface SummaryArgs {
  file: string;
  format: 'text' | 'json';
}

/**
 * `jixiao summary FILE`: the department summary computed from the forms, its sentence, and where
 * the document's own summary paragraph disagrees. Exits 0 once computed: disagreement is reported,
 * and `check` is the command that judges it.
 */
export async function runSummary(args: SummaryArgs, io: Io): Promise<number> {
  const input = await readInput(args.file);
  const summary = summarizeDisclosure(input.disclosure);
  if (args.format === 'json') io.stdout(`${JSON.stringify(summary, null, 2)}\n`);
  else io.stdout(renderSummary(input.disclosure.department, input.disclosure.year, summary, io));
  return EXIT.OK;
}

const LABELS: Record<keyof SummaryFigures, string> = {
  budgetUnitCount: '预算单位数',
  projectCount: '项目数',
  totalWan: '项目预算资金（万元）',
  largeProjectCount: '大额项目数',
  largeThresholdWan: '大额项目门槛（万元）',
};

function renderSummary(department: string, year: number, summary: DisclosureSummary, io: Io): string {
  const s = style(useColor(io.stdoutIsTTY, io.env));
  const c = summary.computed;
  const fen = yuanToFen(c.totalYuan);
  const large =
    c.largeThresholdWan === null
      ? '—（未设门槛）'
      : `${c.largeProjectCount ?? '—'}（预算 ${c.largeThresholdWan} 万元（含）以上）`;
  const rows: [string, string][] = [
    [LABELS.budgetUnitCount, String(c.budgetUnitCount)],
    [LABELS.projectCount, String(c.projectCount)],
    [LABELS.totalWan, `${c.totalWan}${fen === null ? '' : `（${formatYuan(fen)} 元）`}`],
    [LABELS.largeProjectCount, large],
  ];
  const out = [s.bold(`${department} · ${year} 年度`), '', s.bold('按申报表计算')];
  for (const [label, value] of rows) out.push(`  ${label}：${value}`);
  out.push('', s.bold('汇总句'), `  ${summary.sentence}`, '', s.bold('与文中汇总段落比较'));
  if (summary.stated === null) out.push('  文中没有汇总段落，无从比较。');
  else if (summary.differences.length === 0) out.push(`  ${s.green('✔ 文中所述与计算一致。')}`);
  else {
    out.push(`  ${s.red(`✖ ${summary.differences.length} 处不一致：`)}`);
    for (const d of summary.differences) {
      out.push(`    ${LABELS[d.field]}：文中 ${show(d.stated)}，计算 ${show(d.computed)}`);
    }
  }
  return `${out.join('\n')}\n`;
}

function show(v: string | number | null): string {
  return v === null ? '（空）' : String(v);
}
