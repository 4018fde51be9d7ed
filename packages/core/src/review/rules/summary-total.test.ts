import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../../testdata/fixture.ts';
import { reviewDisclosure } from '../engine.ts';
import { runRule } from '../testing.ts';
import rule from './summary-total.ts';

const summary = (over: Record<string, unknown> = {}) => ({
  budgetUnitCount: 1,
  projectCount: 1,
  totalWan: '100.00',
  largeProjectCount: 0,
  largeThresholdWan: '1000',
  ...over,
});
const annual = (yuan: string | null) => ({
  form: { funds: { total: yuan, fiscal: yuan, annualTotal: yuan, currentYearAppropriation: yuan } },
});

describe('DISC-02 summary-total', () => {
  it.each([
    ['a document without a summary paragraph', {}],
    [
      'the stated total of the base project (1,000,000.00 元 = 100.00万元)',
      { disclosure: { summary: summary() } },
    ],
    ['a total written without decimals', { disclosure: { summary: summary({ totalWan: '100' }) } }],
    [
      'a total rounded half up (12,350.00 元 → 1.24万元)',
      { disclosure: { summary: summary({ totalWan: '1.24' }), projects: [annual('12350.00')] } },
    ],
    [
      'a blank annual total counted as 0',
      {
        disclosure: {
          summary: summary({ projectCount: 2 }),
          projects: [{}, annual(null)],
        },
      },
    ],
    [
      'a summary without the large-project clause',
      { disclosure: { summary: summary({ largeProjectCount: null, largeThresholdWan: null }) } },
    ],
  ])('passes %s', (_name, input) => {
    expect(runRule(rule, input)).toEqual([]);
  });

  it('reports stated and computed 万元 and the sum in yuan when they differ', () => {
    const findings = runRule(rule, {
      disclosure: {
        summary: summary({ projectCount: 2, totalWan: '300.00' }),
        projects: [{}, annual('2224865.00')],
      },
    });
    expect(findings).toEqual([
      {
        ruleId: 'DISC-02',
        severity: 'error',
        message:
          '总述的项目预算资金 300.00 万元 ≠ 各申报表年度资金申请总额合计 322.49 万元（3,224,865.00 元），相差 -22.49 万元。',
        path: 'summary.totalWan',
        data: {
          stated: '300.00',
          computed: '322.49',
          sumYuan: '3224865.00',
          sumFmt: '3,224,865.00',
          diffWan: '-22.49',
        },
      },
    ]);
  });

  it('does not accept the rounded-down value at .xx5', () => {
    const findings = runRule(rule, {
      disclosure: { summary: summary({ totalWan: '1.23' }), projects: [annual('12350.00')] },
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.data).toMatchObject({ stated: '1.23', computed: '1.24', diffWan: '-0.01' });
  });

  it('is not applicable (info) when fewer forms are printed than projects stated', () => {
    const findings = runRule(rule, {
      disclosure: { summary: summary({ projectCount: 14, totalWan: '1099.22' }) },
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: 'info',
      path: 'summary.totalWan',
      data: { stated: '1099.22', computed: '100.00', statedProjects: 14, forms: 1 },
    });
    expect(findings[0]?.message).toBe(
      '总述称共 14 个项目，只公开了 1 张申报表，无法核对项目预算资金 1099.22 万元（公开部分合计 100.00 万元）。',
    );
  });

  it('passes the Songjiang fixture (Σ 30,224,865.00 元 → 3022.49万元)', () => {
    expect(reviewDisclosure(fixture, undefined, [rule])).toEqual([]);
  });

  it('fails the fixture with a mis-stated total', () => {
    const wrong = { ...fixture, summary: { ...fixture.summary!, totalWan: '3022.48' } };
    expect(reviewDisclosure(wrong, undefined, [rule])).toMatchObject([
      { path: 'summary.totalWan', data: { stated: '3022.48', computed: '3022.49', diffWan: '-0.01' } },
    ]);
  });
});
