/**
 * The indicator vocabulary shared by every reader and writer (domain.md §2, §2.3): the 一级 and
 * 二级 names of the frameworks, the ways an operator is written, and the printed value grammar
 * `≥4.00(次)` both ways.
 */
import type { Indicator, Operator } from './schema.ts';

/** 一级 indicator names (both frameworks): the only 一级 a form has. */
export const LEVEL1_NAMES: readonly string[] = ['成本指标', '产出指标', '效益指标', '满意度指标'];

/**
 * 二级 indicator names seen in Shanghai forms and the 2015/2021 frameworks. `成本指标` is also a
 * 二级, under 产出 in older forms (财预〔2015〕88号); a form may use others.
 */
export const LEVEL2_NAMES: readonly string[] = [
  '经济成本指标',
  '社会成本指标',
  '生态环境成本指标',
  '成本指标',
  '数量指标',
  '质量指标',
  '时效指标',
  '经济效益指标',
  '社会效益指标',
  '生态效益指标',
  '可持续影响指标',
  '服务对象满意度指标',
  '社会公众满意度指标',
  '社会公众或服务对象满意度指标',
];

/**
 * Every spelling of an operator that forms and users write — the model's own, full-width (`＞`),
 * the `≧`/`≦` variants and ASCII `>=`/`<=` — mapped to the model's `Operator`.
 */
export const OPERATOR_SPELLINGS: ReadonlyMap<string, Operator> = new Map<string, Operator>([
  ['≥', '≥'],
  ['≧', '≥'],
  ['>=', '≥'],
  ['≤', '≤'],
  ['≦', '≤'],
  ['<=', '≤'],
  ['=', '='],
  ['＝', '='],
  ['>', '>'],
  ['＞', '>'],
  ['<', '<'],
  ['＜', '<'],
]);

/** An operator as written (surrounding whitespace ignored) → the model's; `undefined` if it is none. */
export function normalizeOperator(text: string): Operator | undefined {
  return OPERATOR_SPELLINGS.get(text.trim());
}

/** A quantitative value's parts, as the model holds them: `≥`, `"4.00"`, `次`. */
export interface Quantity {
  operator: Operator;
  value: string;
  unit: string;
}

/**
 * The printed value grammar: an operator (any spelling of `OPERATOR_SPELLINGS`), a decimal, and a
 * unit in half- or full-width brackets (`≥4.00(次)`, `＞70.00（%）`) or bare (`985米`), or none.
 */
const QUANTITY_RE =
  /^(>=|<=|[≥≧≤≦=＝>＞<＜])\s*(-?\d+(?:\.\d+)?)\s*(?:[(（]\s*([^()（）]*?)\s*[)）]|([^\d\s()（）.,，][^\s()（）]{0,7}))?$/;

/**
 * Parses a printed indicator value (surrounding whitespace ignored): `≥4.00(次)` →
 * `{ operator: '≥', value: '4.00', unit: '次' }`; `null` when it is not `OPERATOR NUMBER(UNIT)`,
 * i.e. qualitative text.
 */
export function parseQuantity(printed: string): Quantity | null {
  const m = QUANTITY_RE.exec(printed.trim());
  const operator = m ? normalizeOperator(m[1] ?? '') : undefined;
  if (!m || !operator) return null;
  return { operator, value: m[2] ?? '', unit: (m[3] ?? m[4] ?? '').trim() };
}

/** A quantitative value as forms print it: `≥4.00(次)`, or `≥1` without a unit. */
export function printQuantity(q: Quantity): string {
  return `${q.operator}${q.value}${q.unit === '' ? '' : `(${q.unit})`}`;
}

/** An indicator's value as the form prints it: `≥4.00(次)` (see `printQuantity`) or the qualitative text. */
export function printedValue(indicator: Indicator): string {
  return indicator.kind === 'qualitative' ? indicator.text : printQuantity(indicator);
}
