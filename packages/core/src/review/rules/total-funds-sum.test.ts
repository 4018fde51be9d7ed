import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../../testdata/fixture.ts';
import { reviewDisclosure } from '../engine.ts';
import { runRule } from '../testing.ts';
import rule from './total-funds-sum.ts';

const funds = (f: Record<string, string | null>) => ({ project: { form: { funds: f } } });

describe('FUND-01 total-funds-sum', () => {
  it.each([
    ['the base project', {}],
    ['a blank 其他资金 counts as 0', funds({ other: null })],
    [
      'fiscal + other',
      funds({ total: '1500000.00', fiscal: '1000000.00', other: '500000.00', annualTotal: '1000000.00' }),
    ],
    ['no total stated', funds({ total: null })],
  ])('passes %s', (_name, input) => {
    expect(runRule(rule, input)).toEqual([]);
  });

  it.each([
    ['fiscal short of the total', funds({ fiscal: '900000.00' }), '900000.00', '1000000.00', '100000.00'],
    ['other money not in the total', funds({ other: '50000.00' }), '1050000.00', '1000000.00', '-50000.00'],
    [
      'a blank fiscal cell counts as 0',
      funds({ fiscal: null, other: null }),
      '0.00',
      '1000000.00',
      '1000000.00',
    ],
  ])('reports %s', (_name, input, expected, actual, diff) => {
    const findings = runRule(rule, input);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'FUND-01',
      severity: 'error',
      path: 'projects[0].form.funds.total',
      data: { expected, actual, diff },
    });
  });

  it('names the figures with separators', () => {
    const [finding] = runRule(rule, funds({ total: '10903043.00', fiscal: '10903000.00', other: null }));
    expect(finding?.message).toBe(
      '项目资金总额 10,903,043.00 元 ≠ 财政资金 + 其他资金 = 10,903,000.00 元（相差 43.00 元）。',
    );
  });

  it('passes all 10 Songjiang forms (其他资金 blank, total = fiscal)', () => {
    expect(reviewDisclosure(fixture, undefined, [rule])).toEqual([]);
  });
});
