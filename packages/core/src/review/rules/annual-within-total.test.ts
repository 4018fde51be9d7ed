import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../../testdata/fixture.ts';
import { reviewDisclosure } from '../engine.ts';
import { runRule } from '../testing.ts';
import rule from './annual-within-total.ts';

const funds = (f: Record<string, string | null>) => ({ project: { form: { funds: f } } });

describe('FUND-03 annual-within-total', () => {
  it.each([
    ['the base project', {}],
    [
      'a 阶段性项目 asking for part of its whole-life money',
      {
        project: {
          form: {
            nature: '阶段性项目',
            endDate: '2026-12-31',
            funds: {
              total: '10308000.00',
              fiscal: '10308000.00',
              other: '0.00',
              annualTotal: '3498000.00',
              currentYearAppropriation: '3498000.00',
            },
          },
        },
      },
    ],
    ['a blank whole-project column', funds({ total: null, fiscal: null, other: null })],
    ['a blank annual total', funds({ annualTotal: null })],
    [
      'carry-over on top of a smaller appropriation',
      funds({
        annualTotal: '1000000.00',
        currentYearAppropriation: '700000.00',
        priorYearCarryover: '300000.00',
      }),
    ],
  ])('passes %s', (_name, input) => {
    expect(runRule(rule, input)).toEqual([]);
  });

  it('reports a year asking for more than the whole project', () => {
    const findings = runRule(
      rule,
      funds({
        annualTotal: '1200000.00',
        currentYearAppropriation: '1000000.00',
        priorYearCarryover: '200000.00',
      }),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'FUND-03',
      severity: 'error',
      path: 'projects[0].form.funds.annualTotal',
      data: { expected: '1000000.00', actual: '1200000.00', diff: '200000.00' },
    });
    expect(findings[0]?.message).toBe(
      '年度资金申请总额 1,200,000.00 元 超过项目资金总额 1,000,000.00 元（多 200,000.00 元）。',
    );
  });

  it('reports an appropriation above the project fiscal money', () => {
    const findings = runRule(
      rule,
      funds({
        total: '1000000.00',
        fiscal: '600000.00',
        other: '400000.00',
        currentYearAppropriation: '800000.00',
        annualOther: '200000.00',
      }),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      path: 'projects[0].form.funds.currentYearAppropriation',
      data: { expected: '600000.00', actual: '800000.00', diff: '200000.00' },
    });
    expect(findings[0]?.message).toBe(
      '当年财政拨款 800,000.00 元 超过项目财政资金 600,000.00 元（多 200,000.00 元）。',
    );
  });

  it('reports both when both are exceeded', () => {
    const findings = runRule(rule, funds({ total: '500000.00', fiscal: '500000.00' }));
    expect(findings.map((f) => f.path)).toEqual([
      'projects[0].form.funds.annualTotal',
      'projects[0].form.funds.currentYearAppropriation',
    ]);
  });

  it('passes all 10 Songjiang forms', () => {
    expect(reviewDisclosure(fixture, undefined, [rule])).toEqual([]);
  });
});
