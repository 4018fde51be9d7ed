/**
 * The editor's working copy of a project. It is the wire project (money as yuan strings) with what
 * a half-typed form needs besides: money and numbers as typed (`5,850,000`), both kinds of value on
 * every indicator (switching 定量/定性 loses nothing), and a stable key per row for React. `toWire`
 * turns it back into the interchange JSON, which `Project.safeParse` then checks like the server.
 */
import { type FundField, fenToYuan, formatYuan, LEVEL1_NAMES, parseYuan } from '@jixiao/core';
import type { ProjectJson } from '../../api.ts';

export const FORM_TITLE = '财政项目支出绩效目标申报表';

export interface DraftIndicator {
  key: string;
  level1: string;
  level2: string;
  name: string;
  kind: 'quantitative' | 'qualitative';
  operator: string;
  value: string;
  unit: string;
  text: string;
}

export interface DraftSection {
  key: string;
  number: string;
  title: string;
  text: string;
}

export type DraftFunds = Record<FundField, string>;

export interface DraftForm {
  title: string;
  year: number;
  name: string;
  nature: string;
  category: string;
  competentDepartment: string;
  implementingUnit: string;
  startDate: string;
  endDate: string;
  funds: DraftFunds;
  overallGoal: string;
  annualGoal: string;
}

export interface Draft {
  form: DraftForm;
  indicators: DraftIndicator[];
  /** null: the project has no 项目经费情况说明 */
  explanation: { sections: DraftSection[]; budgetYuan: string } | null;
}

/** The text fields of the form a plain input edits. */
export type FormTextField = Exclude<keyof DraftForm, 'funds' | 'year'>;

let seq = 0;
/** A key unique in this page: rows keep their identity across moves. */
export const newKey = (prefix: string) => `${prefix}${++seq}`;

/** A wire amount as the form prints it: `"5850000.00"` → `5,850,000.00`; null → blank. */
const moneyText = (yuan: string | null | undefined) => {
  if (yuan === null || yuan === undefined) return '';
  const fen = parseYuan(yuan);
  return fen === null ? yuan : formatYuan(fen);
};

export function fromWire(p: ProjectJson): Draft {
  const { indicators, funds, ...facts } = p.form;
  return {
    form: {
      ...facts,
      funds: Object.fromEntries(Object.entries(funds).map(([k, v]) => [k, moneyText(v)])) as DraftFunds,
    },
    indicators: indicators.map((i) => ({
      key: newKey('i'),
      level1: i.level1,
      level2: i.level2,
      name: i.name,
      kind: i.kind,
      operator: i.kind === 'quantitative' ? i.operator : '≥',
      value: i.kind === 'quantitative' ? i.value : '',
      unit: i.kind === 'quantitative' ? i.unit : '',
      text: i.kind === 'qualitative' ? i.text : '',
    })),
    explanation: p.explanation
      ? {
          sections: p.explanation.sections.map((s) => ({ key: newKey('s'), ...s })),
          budgetYuan: moneyText(p.explanation.budgetYuan),
        }
      : null,
  };
}

/**
 * Money as typed → the wire: blank is null; `5,850,000` or `5850000.5` becomes `"5850000.50"`;
 * anything else is sent as typed, so the schema check names the field.
 */
export function moneyToWire(text: string): string | null {
  const t = text.trim();
  if (t === '') return null;
  const fen = parseYuan(t);
  return fen === null ? t : fenToYuan(fen);
}

/** A decimal as typed: surrounding blanks and full-width digits/point forgiven. */
export function decimalToWire(text: string): string {
  return text
    .trim()
    .replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/^\+/, '');
}

/** The working copy as interchange JSON (it may not pass the schema: that is checked after). */
export function toWire(d: Draft): ProjectJson {
  const f = d.form;
  const funds = Object.fromEntries(
    Object.entries(f.funds).map(([k, v]) => [k, moneyToWire(v)]),
  ) as ProjectJson['form']['funds'];
  return {
    explanation: d.explanation
      ? {
          sections: d.explanation.sections.map(({ number, title, text }) => ({ number, title, text })),
          budgetYuan: moneyToWire(d.explanation.budgetYuan),
        }
      : null,
    form: {
      ...f,
      funds,
      indicators: d.indicators.map((i) =>
        i.kind === 'quantitative'
          ? {
              level1: i.level1,
              level2: i.level2,
              name: i.name,
              kind: 'quantitative' as const,
              operator: i.operator as '≥',
              value: decimalToWire(i.value),
              unit: i.unit.trim(),
            }
          : { level1: i.level1, level2: i.level2, name: i.name, kind: 'qualitative' as const, text: i.text },
      ),
    },
  };
}

/** The seven sections of a 项目经费情况说明 (domain.md §5.1), empty. */
export const STANDARD_SECTIONS: readonly [string, string][] = [
  ['一', '项目概述'],
  ['二', '立项依据'],
  ['三', '实施主体'],
  ['四', '实施方案'],
  ['五', '实施周期'],
  ['六', '年度预算安排'],
  ['七', '绩效目标'],
];

export function blankExplanation(): NonNullable<Draft['explanation']> {
  return {
    sections: STANDARD_SECTIONS.map(([number, title]) => ({ key: newKey('s'), number, title, text: '' })),
    budgetYuan: '',
  };
}

/** A new project: the year's dates, the unit and department filled in, everything else empty. */
export function blankDraft(input: { year: number; unitName: string; departmentName: string }): Draft {
  const blank = '';
  return {
    form: {
      title: FORM_TITLE,
      year: input.year,
      name: blank,
      nature: blank,
      category: blank,
      competentDepartment: input.departmentName,
      implementingUnit: input.unitName,
      startDate: `${input.year}-01-01`,
      endDate: `${input.year}-12-31`,
      funds: {
        total: blank,
        fiscal: blank,
        other: blank,
        annualTotal: blank,
        currentYearAppropriation: blank,
        priorYearCarryover: blank,
        annualOther: blank,
      },
      overallGoal: blank,
      annualGoal: blank,
    },
    indicators: [],
    explanation: blankExplanation(),
  };
}

/** The usual 二级 under each 一级 (the 2021 framework as Shanghai prints it; others may be typed). */
export const LEVEL2_BY_LEVEL1: Record<string, readonly string[]> = {
  成本指标: ['经济成本指标', '社会成本指标', '生态环境成本指标'],
  产出指标: ['数量指标', '质量指标', '时效指标', '成本指标'],
  效益指标: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'],
  满意度指标: ['服务对象满意度指标', '社会公众满意度指标', '社会公众或服务对象满意度指标'],
};

/** Where a row under (level1, level2) belongs in the usual printed order: a sort key. */
export function levelOrder(level1: string, level2: string): [number, number] {
  const i = LEVEL1_NAMES.indexOf(level1);
  const children = LEVEL2_BY_LEVEL1[level1] ?? [];
  const j = children.indexOf(level2);
  return [i < 0 ? LEVEL1_NAMES.length : i, j < 0 ? children.length : j];
}

/** An empty indicator row under a heading; cost rows start as `≤ … 元`. */
export function blankIndicator(level1: string, level2: string): DraftIndicator {
  const cost = level1 === '成本指标' || level2.includes('成本');
  const satisfaction = level1 === '满意度指标';
  return {
    key: newKey('i'),
    level1,
    level2,
    name: '',
    kind: 'quantitative',
    operator: cost ? '≤' : '≥',
    value: '',
    unit: cost ? '元' : satisfaction ? '%' : '',
    text: '',
  };
}

/** Whether a row has no target yet (a suggestion may then fill unit and target). */
export const targetIsEmpty = (i: DraftIndicator) =>
  i.value.trim() === '' && i.text.trim() === '' && (i.unit.trim() === '' || i.unit === blankUnit(i));

const blankUnit = (i: DraftIndicator) => blankIndicator(i.level1, i.level2).unit;
