import { describe, expect, it } from 'vitest';
import { runRule } from '../testing.ts';
import rule from './annual-funds-sum.ts';

const funds = (f: Record<string, string | null>) => ({ project: { form: { funds: f } } });

describe('FUND-02 annual-funds-sum', () => {
  it.each([
    ['the base project', {}],
    ['blank carry-over counts as 0', funds({ priorYearCarryover: null })],
    [
      'appropriation + carry-over + other',
      funds({
        annualTotal: '1000000.00',
        currentYearAppropriation: '600000.00',
        priorYearCarryover: '300000.00',
        annualOther: '100000.00',
      }),
    ],
    ['no annual total stated', funds({ annualTotal: null })],
  ])('passes %s', (_name, input) => {
    expect(runRule(rule, input)).toEqual([]);
  });

  it('reports the figures when the parts do not add up', () => {
    const findings = runRule(
      rule,
      funds({ annualTotal: '10903043.00', currentYearAppropriation: '10903000.00' }),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'FUND-02',
      severity: 'error',
      path: 'projects[0].form.funds.annualTotal',
      data: { total: '10903043.00', sum: '10903000.00', diff: '43.00' },
    });
    expect(findings[0]?.message).toBe(
      '年度资金申请总额 10,903,043.00 元 ≠ 当年财政拨款 + 上年结转资金 + 其他资金 = 10,903,000.00 元（相差 43.00 元）。',
    );
  });

  it('is exact to the fen', () => {
    const findings = runRule(
      rule,
      funds({ annualTotal: '0.30', currentYearAppropriation: '0.10', annualOther: '0.20' }),
    );
    expect(findings).toEqual([]);
  });
});
