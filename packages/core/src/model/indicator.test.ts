import { describe, expect, it } from 'vitest';
import { normalizeOperator, parseQuantity, printedValue, printQuantity } from './indicator.ts';
import type { Indicator } from './schema.ts';

const names = { level1: '产出指标', level2: '数量指标', name: '巡检次数' };

describe('normalizeOperator', () => {
  it.each([
    ['≥', '≥'],
    ['≧', '≥'],
    [' >= ', '≥'],
    ['≦', '≤'],
    ['<=', '≤'],
    ['＝', '='],
    ['＞', '>'],
    ['＜', '<'],
  ])('%j is %s', (text, operator) => {
    expect(normalizeOperator(text)).toBe(operator);
  });

  it.each(['', '≥=', '=>', 'constructor', '__proto__', 'toString'])('%j is none', (text) => {
    expect(normalizeOperator(text)).toBeUndefined();
  });
});

describe('parseQuantity', () => {
  it.each([
    ['≥4.00(次)', { operator: '≥', value: '4.00', unit: '次' }],
    [' ＞ 70.00 （%） ', { operator: '>', value: '70.00', unit: '%' }],
    ['>=1', { operator: '≥', value: '1', unit: '' }],
    ['=985米', { operator: '=', value: '985', unit: '米' }],
  ])('%j is %j', (printed, quantity) => {
    expect(parseQuantity(printed)).toEqual(quantity);
  });

  it.each(['完成', '100%', '≥', '≥ 两期', ''])('%j is qualitative', (printed) => {
    expect(parseQuantity(printed)).toBeNull();
  });

  it('reads back what printQuantity prints', () => {
    const q = { operator: '≤', value: '-1.50', unit: '万元/年' } as const;
    expect(parseQuantity(printQuantity(q))).toEqual(q);
  });
});

describe('printedValue', () => {
  it.each([
    [{ ...names, kind: 'quantitative', operator: '≥', value: '4.00', unit: '次' } as Indicator, '≥4.00(次)'],
    [{ ...names, kind: 'quantitative', operator: '=', value: '1', unit: '' } as Indicator, '=1'],
    [{ ...names, kind: 'qualitative', text: '完成' } as Indicator, '完成'],
  ])('%j prints as %s', (indicator, printed) => {
    expect(printedValue(indicator)).toBe(printed);
  });
});
