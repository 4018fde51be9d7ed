import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../../testdata/fixture.ts';
import { reviewDisclosure } from '../engine.ts';
import { runRule } from '../testing.ts';
import rule from './one-year-total-equals-annual.ts';

const larger = { total: '1500000.00', fiscal: '1500000.00' };

describe('FUND-04 one-year-total-equals-annual', () => {
  it.each([
    ['the base project', {}],
    [
      'a 阶段性项目 (S10 拆违经费: 10,308,000.00 for the whole life, 3,498,000.00 this year)',
      {
        project: {
          form: {
            nature: '阶段性项目',
            startDate: '2024-01-01',
            endDate: '2024-12-31',
            funds: {
              total: '10308000.00',
              fiscal: '10308000.00',
              annualTotal: '3498000.00',
              currentYearAppropriation: '3498000.00',
            },
          },
        },
      },
    ],
    ['a project running into the next year', { project: { form: { endDate: '2025-06-30', funds: larger } } }],
    ['a project started the year before', { project: { form: { startDate: '2023-07-01', funds: larger } } }],
    ['a blank total', { project: { form: { funds: { total: null } } } }],
  ])('passes %s', (_name, input) => {
    expect(runRule(rule, input)).toEqual([]);
  });

  it('reports a one-year recurring project whose total differs from the year', () => {
    const findings = runRule(rule, { project: { form: { funds: larger } } });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'FUND-04',
      severity: 'warn',
      path: 'projects[0].form.funds.total',
      data: { expected: '1000000.00', actual: '1500000.00', diff: '500000.00' },
    });
    expect(findings[0]?.message).toBe(
      '其他经常性项目的实施期 2024-01-01 至 2024-12-31 在 2024 年度内，但项目资金总额 1,500,000.00 元 ≠ 年度资金申请总额 1,000,000.00 元（相差 500,000.00 元）。',
    );
  });

  it('reports a 一次性项目 inside the year too', () => {
    const findings = runRule(rule, {
      project: {
        form: { nature: '一次性项目', startDate: '2024-03-01', endDate: '2024-09-30', funds: larger },
      },
    });
    expect(findings.map((f) => f.ruleId)).toEqual(['FUND-04']);
  });

  it('passes all 10 Songjiang forms (one-year, total = annual)', () => {
    expect(reviewDisclosure(fixture, undefined, [rule])).toEqual([]);
  });
});
