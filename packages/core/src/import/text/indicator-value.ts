/**
 * Printed indicator values (domain.md §2.3): `≥4.00(次)`, `=100.00(%)`, `≤6100000.00(元)`, `≥1(次)`,
 * `985米`-style bare units, half- and full-width operators. Anything else is qualitative text.
 */
import { parseQuantity } from '../../model/indicator.ts';
import type { Indicator, Operator } from '../../model/schema.ts';

/** The tail of a line that is a quantitative value, e.g. `  ≥ 4.00 (次)`; its start index or -1. */
const QUANT_TAIL_RE =
  /(?:>=|<=|[≥≧≤≦=＝>＞<＜])\s*-?\d+(?:\.\d+)?\s*(?:[(（][^()（）]*[)）]|[^\d\s()（）.,，][^\s()（）]{0,7})?$/;

export type ParsedValue =
  | { kind: 'quantitative'; operator: Operator; value: string; unit: string }
  | { kind: 'qualitative'; text: string };

/** Parses a printed value: quantitative when it is `OPERATOR NUMBER(UNIT)`, else the (trimmed) text. */
export function parseIndicatorValue(printed: string): ParsedValue {
  const q = parseQuantity(printed);
  return q ? { kind: 'quantitative', ...q } : { kind: 'qualitative', text: printed.trim() };
}

/** Whether the text is a quantitative value. */
export function isQuantitative(printed: string): boolean {
  return parseQuantity(printed) !== null;
}

/** Index where a quantitative value ends the string, or -1. */
export function quantitativeTail(s: string): number {
  const m = QUANT_TAIL_RE.exec(s);
  return m ? m.index : -1;
}

/** Builds a model indicator. */
export function makeIndicator(level1: string, level2: string, name: string, printed: string): Indicator {
  const v = parseIndicatorValue(printed);
  return v.kind === 'quantitative'
    ? { level1, level2, name, kind: 'quantitative', operator: v.operator, value: v.value, unit: v.unit }
    : { level1, level2, name, kind: 'qualitative', text: v.text };
}
