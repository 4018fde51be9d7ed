/**
 * Renders a disclosure the way `pdftotext -layout` lays out the printed page: every table row on
 * one line, cells placed at fixed columns and separated by runs of 2+ spaces, wrapped cells
 * continuing on the following lines at the same column, vertical labels one character per line in
 * the left column, pages ended by a form feed. The conventions are listed in README.md.
 */
import type { DisclosureJson } from '../../packages/core/src/index.ts';
import { type DocText, EXPLANATION_TITLE, formStart, isBlank, textWidth, wrapByWidth } from './text.ts';

type FormJson = DisclosureJson['projects'][number]['form'];
type IndicatorJson = FormJson['indicators'][number];

/** Columns, in display width (CJK and full-width characters count 2). */
export const COL = {
  /** row labels (项目名称, 实施单位…) and vertical labels */
  label: 2,
  /** first value cell; the funding sub-labels; the goal cell */
  value: 14,
  /** second label cell (项目性质, 主管部门, 计划完成日期, right-hand funding labels) */
  label2: 50,
  /** second value cell */
  value2: 70,
  /** right edge of the left-hand funding amounts (right-aligned) */
  fundsLeftEnd: 44,
  /** right edge of the right-hand funding amounts (right-aligned) */
  fundsRightEnd: 84,
  /** indicator table: 一级, 二级, 三级, value */
  level1: 8,
  level2: 20,
  name: 40,
  indicatorValue: 76,
} as const;

/** Wrap widths of the narrow cells, in display width (the fixture wraps these at 6–7 and 16 characters). */
const WRAP = { projectName: 14, department: 12, goal: 72, indicatorName: 32 } as const;
/** Lines per page; a page ends with a form feed. */
export const PAGE_LINES = 48;

interface Seg {
  col: number;
  text: string;
}
type Line = Seg[];
interface Cell {
  col: number;
  lines: readonly string[];
}

/** A table row: its cells top-aligned, as many lines as its tallest cell. */
function row(...cells: Cell[]): Line[] {
  const height = Math.max(1, ...cells.map((c) => c.lines.length));
  return Array.from({ length: height }, (_, i) =>
    cells.flatMap((c) => (c.lines[i] ? [{ col: c.col, text: c.lines[i] }] : [])),
  );
}

const cell = (col: number, ...lines: string[]): Cell => ({ col, lines });
/** A money amount right-aligned to end at column `end`; a blank cell prints nothing. */
const amount = (end: number, yuan: string | null): Cell =>
  yuan === null ? cell(end) : cell(end - textWidth(formatYuan(yuan)), formatYuan(yuan));

/**
 * A label printed vertically over a block of rows, one character per line, from the block's first
 * line down; the block grows when the label is taller than its rows.
 */
function vertical(label: readonly string[], lines: Line[]): Line[] {
  const out = lines.map((l) => [...l]);
  while (out.length < label.length) out.push([]);
  label.forEach((ch, i) => {
    out[i]?.unshift({ col: COL.label, text: ch });
  });
  return out;
}

function lineText(line: Line): string {
  let s = '';
  for (const seg of [...line].sort((a, b) => a.col - b.col)) {
    const w = textWidth(s);
    if (s !== '' && w > seg.col - 2) {
      throw new Error(`layout: "${seg.text}" at column ${seg.col} collides with "${s}"`);
    }
    s += ' '.repeat(Math.max(0, seg.col - w)) + seg.text;
  }
  return s;
}

/** `5850000.00` → `5,850,000.00`, as forms print money. */
export function formatYuan(yuan: string): string {
  const [int = '0', frac = '00'] = yuan.split('.');
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}

/** An indicator's value cell as printed: `≥4.00(次)` or the qualitative text. */
export function indicatorValue(ind: IndicatorJson): string {
  return ind.kind === 'quantitative' ? `${ind.operator}${ind.value}(${ind.unit})` : ind.text;
}

const centred = (text: string, width = 88): Line => [
  { col: Math.max(0, Math.floor((width - textWidth(text)) / 2)), text },
];

/** The 申报表 of one project, laid out. */
export function layoutForm(form: FormJson): string[] {
  if (form.overallGoal !== '') throw new Error('layout: side-by-side goals are not laid out here');
  const f = form.funds;
  const lines: Line[] = [
    centred(form.title),
    centred(`（${form.year} 年度）`),
    [],
    ...row(
      cell(COL.label, '项目名称'),
      cell(COL.value, ...wrapByWidth(form.name, WRAP.projectName)),
      cell(COL.label2, '项目性质'),
      cell(COL.value2, form.nature),
    ),
    ...vertical(
      [...'项目类别'],
      row(
        cell(COL.value, form.category),
        cell(COL.label2, '主管部门'),
        cell(COL.value2, ...wrapByWidth(form.competentDepartment, WRAP.department)),
      ),
    ),
    ...row(cell(COL.label, '实施单位'), cell(COL.value, form.implementingUnit)),
    ...row(
      cell(COL.label, '计划开始', '日期'),
      cell(COL.value, form.startDate),
      cell(COL.label2, '计划完成日期'),
      cell(COL.value2, form.endDate),
    ),
    ...labelled(
      ['项目资金', '（元）'],
      [
        ...row(
          cell(COL.value, '项目资金总额'),
          amount(COL.fundsLeftEnd, f.total),
          cell(COL.label2, '年度资金申请总额'),
          amount(COL.fundsRightEnd, f.annualTotal),
        ),
        ...row(
          cell(COL.value, '其中：财政资金'),
          amount(COL.fundsLeftEnd, f.fiscal),
          cell(COL.label2, '其中：当年财政拨款'),
          amount(COL.fundsRightEnd, f.currentYearAppropriation),
        ),
        ...row(cell(COL.label2, '上年结转资金'), amount(COL.fundsRightEnd, f.priorYearCarryover)),
        ...row(
          cell(COL.value, '其他资金'),
          amount(COL.fundsLeftEnd, f.other),
          cell(COL.label2, '其他资金'),
          amount(COL.fundsRightEnd, f.annualOther),
        ),
      ],
    ),
    ...vertical(
      [...'项目绩效目标'],
      [
        ...row(cell(COL.value, '项目总目标'), cell(COL.label2, '年度总体目标')),
        // one goal under both headings: the merged cell spans both columns
        ...row(cell(COL.value, ...wrapByWidth(form.annualGoal.replace(/\s+/g, ''), WRAP.goal))),
      ],
    ),
    ...vertical([...'绩效指标'], indicatorRows(form.indicators)),
  ];
  return lines.map(lineText);
}

/** A multi-line label (`项目资金` / `（元）`) in the left column, top-aligned over a block. */
function labelled(label: readonly string[], lines: Line[]): Line[] {
  return lines.map((l, i) => (label[i] ? [{ col: COL.label, text: label[i] }, ...l] : l));
}

/** The indicator table: a 一级/二级 heading is printed once, on the first row it applies to. */
function indicatorRows(indicators: readonly IndicatorJson[]): Line[] {
  const lines: Line[] = row(
    cell(COL.level1, '一级指标'),
    cell(COL.level2, '二级指标'),
    cell(COL.name, '三级指标'),
    cell(COL.indicatorValue, '年度(/项目)指标值'),
  );
  let prev: IndicatorJson | undefined;
  for (const ind of indicators) {
    const newLevel1 = ind.level1 !== prev?.level1;
    const newLevel2 = newLevel1 || ind.level2 !== prev?.level2;
    lines.push(
      ...row(
        ...(newLevel1 ? [cell(COL.level1, ind.level1)] : []),
        ...(newLevel2 ? [cell(COL.level2, ind.level2)] : []),
        cell(COL.name, ...wrapByWidth(ind.name, WRAP.indicatorName)),
        cell(COL.indicatorValue, indicatorValue(ind)),
      ),
    );
    prev = ind;
  }
  return lines;
}

/** Prose (summary, 说明) as laid out: the printed lines, left margin 4, the 说明 heading centred. */
function layoutProse(lines: readonly string[]): string[] {
  return lines
    .filter((l) => !isBlank(l))
    .map((l) => (l.trim() === EXPLANATION_TITLE ? lineText(centred(EXPLANATION_TITLE)) : `    ${l.trim()}`));
}

/**
 * The whole document in layout mode: the fixture's summary and 说明 keep their printed lines (with
 * a margin); each form is laid out from the JSON, as the same printed page would be.
 */
export function layoutDocument(doc: DocText, json: DisclosureJson): string {
  const out: string[] = [...layoutProse(doc.preamble), ''];
  doc.projects.forEach((p, k) => {
    const form = json.projects[k]?.form;
    if (!form) throw new Error(`layout: no form for project ${k}`);
    out.push(...layoutProse(p.lines.slice(0, formStart(p.lines))), '', ...layoutForm(form), '');
  });
  // pdftotext ends every page with a form feed, the last one included
  const pages: string[] = [];
  for (let i = 0; i < out.length; i += PAGE_LINES) pages.push(out.slice(i, i + PAGE_LINES).join('\n'));
  return `${pages.join('\n\f')}\n\f`;
}
