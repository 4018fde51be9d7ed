import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../../testdata/fixture.ts';
import { reviewDisclosure } from '../engine.ts';
import { runRule } from '../testing.ts';
import { countByProject, quant, replacingIndicator } from './_wording-testkit.ts';
import rule from './trivial-target.ts';

const output = (operator: '≥' | '=' | '>', value: string, unit = '次', annualTotal = '1000000.00') => ({
  project: {
    form: {
      indicators: replacingIndicator(1, quant('产出指标', '数量指标', '开展宣传活动', operator, value, unit))
        .form.indicators,
      funds: { annualTotal, currentYearAppropriation: annualTotal, total: annualTotal, fiscal: annualTotal },
    },
  },
});

describe('APPR-04 trivial-target', () => {
  it.each([
    ['the base project (≥12 次)', {}],
    ['≥2 次', output('≥', '2.00')],
    ['=1 次: a stated single deliverable', output('=', '1.00')],
    ['≥1 个: one thing built', output('≥', '1.00', '个')],
    ['a budget below the threshold', output('≥', '1.00', '次', '50000.00')],
    [
      '≥1 次 under 质量指标',
      { project: replacingIndicator(2, quant('产出指标', '质量指标', '完成安全测评', '≥', '1', '次')) },
    ],
  ])('passes %s', (_name, input) => {
    expect(runRule(rule, input)).toEqual([]);
  });

  it.each([
    ['≥1.00 次', output('≥', '1.00')],
    ['≥1 次 printed without decimals', output('≥', '1')],
    ['>0 次', output('>', '0')],
    ['≥1 场', output('≥', '1.00', '场')],
    ['exactly at the threshold', output('≥', '1.00', '次', '100000.00')],
  ])('reports %s', (_name, input) => {
    expect(runRule(rule, input)).toHaveLength(1);
  });

  it('follows the configured budget threshold', () => {
    const input = output('≥', '1.00', '次', '1000000.00');
    expect(runRule(rule, input, { name: 'p', options: { trivialTargetBudgetYuan: 2_000_000 } })).toEqual([]);
  });

  it('reports once per project with the count and the budget', () => {
    const [finding, ...rest] = runRule(rule, output('≥', '1.00'));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      ruleId: 'APPR-04',
      severity: 'info',
      path: 'projects[0].form.indicators[1]',
      data: { count: 1, quantityCount: 1, names: ['开展宣传活动'], indices: [1], budgetFmt: '1,000,000.00' },
    });
  });

  it('finds P01 (7 of 10), P05 and P07 in the Songjiang fixture, not P02 (50,000 元) nor P08 (=1)', () => {
    const findings = reviewDisclosure(fixture, undefined, [rule]);
    expect(countByProject(findings)).toEqual({ P01: 1, P05: 1, P07: 1 });
    expect(findings[0]?.data).toMatchObject({ count: 7, quantityCount: 10, indices: [3, 4, 5, 6, 7, 8, 9] });
  });
});
