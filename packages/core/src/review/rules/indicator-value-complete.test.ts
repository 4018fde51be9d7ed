import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../../testdata/fixture.ts';
import { reviewDisclosure } from '../engine.ts';
import { BASE_PROJECT_JSON, runRule } from '../testing.ts';
import rule from './indicator-value-complete.ts';

/** The base indicators with indicator 1 (系统巡检 ≥12.00(次)) replaced. */
const second = (ind: Record<string, unknown>) => ({
  project: {
    form: {
      indicators: BASE_PROJECT_JSON.form.indicators.map((x, i) =>
        i === 1 ? { level1: x.level1, level2: x.level2, name: x.name, ...ind } : x,
      ),
    },
  },
});

describe('COMP-07 indicator-value-complete', () => {
  it.each([
    ['the base project', {}],
    ['a qualitative value', second({ kind: 'qualitative', text: '完成' })],
    ['a relative benchmark', second({ kind: 'qualitative', text: '低于全市平均' })],
  ])('passes %s', (_name, input) => {
    expect(runRule(rule, input)).toEqual([]);
  });

  it('warns on a quantitative value without a unit', () => {
    const findings = runRule(rule, second({ kind: 'quantitative', operator: '≥', value: '12.00', unit: '' }));
    expect(findings).toEqual([
      {
        ruleId: 'COMP-07',
        severity: 'warn',
        message: '指标「系统巡检」的指标值 ≥12.00 没有计量单位。',
        path: 'projects[0].form.indicators[1]',
        data: { name: '系统巡检', value: '≥12.00' },
      },
    ]);
  });

  it('warns on a bare number transcribed as qualitative text', () => {
    expect(runRule(rule, second({ kind: 'qualitative', text: '12' }))).toMatchObject([
      { message: '指标「系统巡检」的指标值 12 没有计量单位。' },
    ]);
  });

  it('warns on an empty qualitative value', () => {
    expect(runRule(rule, second({ kind: 'qualitative', text: ' ' }))).toMatchObject([
      { message: '指标「系统巡检」没有填写指标值。', path: 'projects[0].form.indicators[1]' },
    ]);
  });

  it('passes all 94 indicators of the fixture', () => {
    expect(reviewDisclosure(fixture, undefined, [rule])).toEqual([]);
  });
});
