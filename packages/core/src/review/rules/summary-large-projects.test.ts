import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../../testdata/fixture.ts';
import { reviewDisclosure } from '../engine.ts';
import { runRule } from '../testing.ts';
import rule from './summary-large-projects.ts';

const summary = (over: Record<string, unknown> = {}) => ({
  budgetUnitCount: 1,
  projectCount: 1,
  totalWan: '100.00',
  largeProjectCount: 0,
  largeThresholdWan: '1000',
  ...over,
});
const annual = (yuan: string) => ({
  form: {
    name: `项目${yuan}`,
    funds: { total: yuan, fiscal: yuan, annualTotal: yuan, currentYearAppropriation: yuan },
  },
});

describe('DISC-03 summary-large-projects', () => {
  it.each([
    ['a document without a summary paragraph', {}],
    ['no project of 1000万元 or more, none stated', { disclosure: { summary: summary() } }],
    [
      'a summary without the clause',
      { disclosure: { summary: summary({ largeProjectCount: null, largeThresholdWan: null }) } },
    ],
    [
      'the threshold itself counts (（含）: inclusive)',
      { disclosure: { summary: summary({ largeProjectCount: 1, largeThresholdWan: '100' }) } },
    ],
    [
      'a count stated without a threshold uses 1000万元',
      {
        disclosure: {
          summary: summary({ largeProjectCount: 1, largeThresholdWan: null, totalWan: '1000.00' }),
          projects: [annual('10000000.00')],
        },
      },
    ],
  ])('passes %s', (_name, input) => {
    expect(runRule(rule, input)).toEqual([]);
  });

  it('names the projects at or above the threshold when the count differs', () => {
    const findings = runRule(rule, {
      disclosure: {
        summary: summary({ projectCount: 2, totalWan: '2000.00', largeProjectCount: 1 }),
        projects: [annual('10000000.00'), annual('10000000.00')],
      },
    });
    expect(findings).toEqual([
      {
        ruleId: 'DISC-03',
        severity: 'error',
        message:
          '总述称预算金额 1000 万元（含）以上的项目有 1 个，申报表中年度资金申请总额达到 1000 万元的有 2 个：P01「项目10000000.00」、P02「项目10000000.00」。',
        path: 'summary.largeProjectCount',
        data: {
          threshold: '1000',
          stated: 1,
          computed: 2,
          projects: ['P01「项目10000000.00」', 'P02「项目10000000.00」'],
          listNote: '：P01「项目10000000.00」、P02「项目10000000.00」',
        },
      },
    ]);
  });

  it('counts 9,999,999.99 元 below 1000万元', () => {
    const findings = runRule(rule, {
      disclosure: {
        summary: summary({ largeProjectCount: 1, totalWan: '1000.00' }),
        projects: [annual('9999999.99')],
      },
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toBe(
      '总述称预算金额 1000 万元（含）以上的项目有 1 个，申报表中年度资金申请总额达到 1000 万元的有 0 个。',
    );
  });

  it('is not applicable (info) when fewer forms are printed than projects stated', () => {
    const findings = runRule(rule, {
      disclosure: { summary: summary({ projectCount: 247, largeProjectCount: 3 }) },
    });
    expect(findings).toMatchObject([
      { severity: 'info', path: 'summary.largeProjectCount', data: { stated: 3, computed: 0, forms: 1 } },
    ]);
  });

  it('passes the Songjiang fixture (k = 1: P10, 1915.80万元)', () => {
    expect(reviewDisclosure(fixture, undefined, [rule])).toEqual([]);
    const wrong = { ...fixture, summary: { ...fixture.summary!, largeProjectCount: 2 } };
    expect(reviewDisclosure(wrong, undefined, [rule])).toMatchObject([
      { data: { stated: 2, computed: 1, projects: ['P10「松江区预防和减少违法犯罪社会工作服务」'] } },
    ]);
  });
});
