/**
 * Test documents, independent of the official writer: a disclosure laid out as abstract blocks
 * (titles, paragraphs, tables with spans) in a configurable form style, for two renderers —
 * pdfmake (make-pdf.ts) and a hand-written PDF producer in the manner of Excel/WPS exports
 * (raw-pdf.ts). Styles differ in column widths, font sizes, labels and number formats, as forms
 * of other departments and years do.
 */
import { type Disclosure, type Form, fenToYuan, type Indicator, type Project } from '@jixiao/core';

/** A table cell; `null` in a row is a place covered by a span. */
export interface CellSpec {
  text: string;
  colSpan?: number;
  rowSpan?: number;
  align?: 'left' | 'center' | 'right';
}
export type Row = (CellSpec | null)[];

export type Block =
  | { kind: 'title'; text: string; size?: number }
  | { kind: 'para'; text: string; indent?: boolean }
  | { kind: 'table'; widths: number[]; rows: Row[]; size?: number }
  | { kind: 'pageBreak' };

/** How a form is printed. */
export interface FormStyle {
  fontSize: number;
  /** the header table: narrow label column, label, value, label, value (points) */
  headerWidths: [number, number, number, number, number];
  /** the indicator table: vertical label, 一级, 二级, 三级, value (points) */
  indicatorWidths: [number, number, number, number, number];
  /** 项目类别 in the narrow column, one character per line (else a normal label over two columns) */
  verticalCategory: boolean;
  thousands: boolean;
  slashDates: boolean;
  valueHeader: string;
  labels: { nature: string; department: string; unit: string; start: string; end: string };
}

export const MODERN: FormStyle = {
  fontSize: 9,
  headerWidths: [16, 66, 150, 78, 170],
  indicatorWidths: [16, 46, 56, 232, 130],
  verticalCategory: true,
  thousands: true,
  slashDates: false,
  valueHeader: '年度(/项目)指标值',
  labels: {
    nature: '项目性质',
    department: '主管部门',
    unit: '实施单位',
    start: '计划开始日期',
    end: '计划完成日期',
  },
};

/** An older, wider-lettered form: larger type, other widths and labels, no separators, 2024/1/1 dates. */
export const OLDER: FormStyle = {
  fontSize: 10.5,
  headerWidths: [22, 80, 130, 88, 150],
  indicatorWidths: [22, 60, 70, 188, 130],
  verticalCategory: false,
  thousands: false,
  slashDates: true,
  valueHeader: '年度指标值',
  labels: {
    nature: '项目属性',
    department: '主管单位',
    unit: '项目单位',
    start: '计划开始时间',
    end: '计划完成时间',
  },
};

const left = (text: string, extra: Partial<CellSpec> = {}): CellSpec => ({ text, ...extra });
const center = (text: string, extra: Partial<CellSpec> = {}): CellSpec => ({
  text,
  align: 'center',
  ...extra,
});

/** 5,850,000.00 or 5850000.00; a blank for null. */
export function money(fen: number | null, thousands: boolean): string {
  if (fen === null) return '';
  const yuan = fenToYuan(fen);
  if (!thousands) return yuan;
  const [int = '', dec = ''] = yuan.split('.');
  return `${int.replace(/\B(?=(\d{3})+$)/g, ',')}.${dec}`;
}

function date(iso: string, slash: boolean): string {
  if (!slash) return iso;
  const [y, m, d] = iso.split('-');
  return `${y}/${Number(m)}/${Number(d)}`;
}

/** ≥4.00(次), or the qualitative text. */
export function indicatorValue(ind: Indicator): string {
  return ind.kind === 'quantitative' ? `${ind.operator}${ind.value}(${ind.unit})` : ind.text;
}

/** The opening paragraph, from the summary's figures. */
export function summarySentence(d: Disclosure): string | null {
  const s = d.summary;
  if (!s) return null;
  const large =
    s.largeProjectCount !== null && s.largeThresholdWan !== null
      ? `，其中预算金额${s.largeThresholdWan}万元（含）以上的项目有${s.largeProjectCount}个`
      : '';
  return `按照本市预算绩效管理工作的总体要求，本部门${s.budgetUnitCount}个预算单位开展了${d.year}年项目预算绩效目标编报工作，编报绩效目标的项目${s.projectCount}个，涉及项目预算资金${s.totalWan}万元${large}。`;
}

/** The 申报表 of one project: title, year and its two tables. */
export function formBlocks(form: Form, style: FormStyle): Block[] {
  const f = form.funds;
  const m = (v: number | null) => ({ text: money(v, style.thousands), align: 'right' as const });
  const L = style.labels;
  const category: Row = style.verticalCategory
    ? [
        center('项目类别'),
        left(form.category, { colSpan: 2 }),
        null,
        left(L.department),
        left(form.competentDepartment),
      ]
    : [
        left('项目类别', { colSpan: 2 }),
        null,
        left(form.category),
        left(L.department),
        left(form.competentDepartment),
      ];
  const goals: Row[] =
    form.overallGoal !== ''
      ? [
          [
            center('项目绩效目标', { rowSpan: 2 }),
            center('项目总目标', { colSpan: 2 }),
            null,
            center('年度总体目标', { colSpan: 2 }),
            null,
          ],
          [null, left(form.overallGoal, { colSpan: 2 }), null, left(form.annualGoal, { colSpan: 2 }), null],
        ]
      : [
          [
            center('项目绩效目标', { rowSpan: 2 }),
            center('项目总目标', { colSpan: 2 }),
            null,
            center('年度总体目标', { colSpan: 2 }),
            null,
          ],
          [null, left(form.annualGoal, { colSpan: 4 }), null, null, null],
        ];
  const header: Row[] = [
    [left('项目名称', { colSpan: 2 }), null, left(form.name), left(L.nature), left(form.nature)],
    category,
    [left(L.unit, { colSpan: 2 }), null, left(form.implementingUnit, { colSpan: 3 }), null, null],
    [
      left(L.start, { colSpan: 2 }),
      null,
      left(date(form.startDate, style.slashDates)),
      left(L.end),
      left(date(form.endDate, style.slashDates)),
    ],
    [
      center('项目资金（元）', { rowSpan: 4 }),
      left('项目资金总额'),
      m(f.total),
      left('年度资金申请总额'),
      m(f.annualTotal),
    ],
    [
      null,
      left('其中：财政资金', { rowSpan: 2 }),
      { ...m(f.fiscal), rowSpan: 2 },
      left('其中：当年财政拨款'),
      m(f.currentYearAppropriation),
    ],
    [null, null, null, left('上年结转资金'), m(f.priorYearCarryover)],
    [null, left('其他资金'), m(f.other), left('其他资金'), m(f.annualOther)],
    ...goals,
  ];
  return [
    { kind: 'title', text: form.title, size: style.fontSize + 7 },
    { kind: 'title', text: `（${form.year} 年度）`, size: style.fontSize + 1 },
    { kind: 'table', widths: [...style.headerWidths], rows: header, size: style.fontSize },
    {
      kind: 'table',
      widths: [...style.indicatorWidths],
      rows: indicatorRows(form.indicators, style),
      size: style.fontSize,
    },
  ];
}

/** The indicator table: 绩效指标 down the left, 一级 and 二级 merged over their rows. */
function indicatorRows(indicators: readonly Indicator[], style: FormStyle): Row[] {
  const rows: Row[] = [
    [
      center('绩效指标', { rowSpan: indicators.length + 1 }),
      center('一级指标'),
      center('二级指标'),
      center('三级指标'),
      center(style.valueHeader),
    ],
  ];
  indicators.forEach((ind, i) => {
    const prev = indicators[i - 1];
    const run = (same: (a: Indicator) => boolean) => {
      let k = i;
      while (k < indicators.length && same(indicators[k] as Indicator)) k++;
      return k - i;
    };
    const newL1 = !prev || prev.level1 !== ind.level1;
    const newL2 = newL1 || prev?.level2 !== ind.level2;
    rows.push([
      null,
      newL1 ? center(ind.level1, { rowSpan: run((a) => a.level1 === ind.level1) }) : null,
      newL2
        ? center(ind.level2, { rowSpan: run((a) => a.level1 === ind.level1 && a.level2 === ind.level2) })
        : null,
      left(ind.name),
      left(indicatorValue(ind)),
    ]);
  });
  return rows;
}

/** A project's 项目经费情况说明: heading, then each section's heading and text. */
export function explanationBlocks(p: Project): Block[] {
  if (!p.explanation) return [];
  return [
    { kind: 'title', text: '项目经费情况说明' },
    ...p.explanation.sections.flatMap((s): Block[] => [
      { kind: 'para', text: `${s.number}、${s.title}` },
      ...(s.text === '' ? [] : [{ kind: 'para', text: s.text, indent: true } as Block]),
    ]),
  ];
}

/** Where the parts of a disclosure go. */
export interface DisclosureLayout {
  /** a page break between each 说明 and its form */
  breakBeforeForms?: boolean;
  /** the summary paragraph after the last form, at the end of the document, instead of first */
  summaryLast?: boolean;
}

/** The whole disclosure: summary paragraph, then per project its 说明 and its form. */
export function disclosureBlocks(d: Disclosure, style: FormStyle, layout: DisclosureLayout = {}): Block[] {
  const sentence = summarySentence(d);
  const summary: Block[] = sentence ? [{ kind: 'para', text: sentence, indent: true }] : [];
  const out: Block[] = layout.summaryLast ? [] : [...summary];
  for (const p of d.projects) {
    out.push(...explanationBlocks(p));
    if (layout.breakBeforeForms) out.push({ kind: 'pageBreak' });
    out.push(...formBlocks(p.form, style));
  }
  if (layout.summaryLast) out.push(...summary);
  return out;
}
