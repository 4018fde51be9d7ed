import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../../testdata/fixture.ts';
import { reviewDisclosure } from '../engine.ts';
import { BASE_PROJECT_JSON, runRule } from '../testing.ts';
import rule from './cost-below-budget.ts';

const [baseCost, ...others] = BASE_PROJECT_JSON.form.indicators;
const costs = (...rows: object[]) => ({ project: { form: { indicators: [...rows, ...others] } } });
const cost = (over: object) => costs({ ...baseCost, ...over });

describe('COST-02 cost-below-budget', () => {
  it.each([
    ['the base project (cost = budget)', {}],
    ['a cost above the budget (COST-01’s)', cost({ value: '1200000.00' })],
    ['a cost in 万元 equal to the budget', cost({ value: '100', unit: '万元' })],
    ['a cost that is not money (COST-03’s)', cost({ value: '10.00', unit: '次' })],
    ['no 经济成本 indicator (COST-04’s)', { project: { form: { indicators: others } } }],
    [
      'cost rows that add up to the budget',
      costs(
        { ...baseCost, name: '人员成本', value: '600000.00' },
        { ...baseCost, name: '设备成本', value: '400000.00' },
      ),
    ],
  ])('passes %s', (_name, input) => {
    expect(runRule(rule, input)).toEqual([]);
  });

  it('reports coverage and gap (P08: 80,000.00 of 233,625.00)', () => {
    const findings = runRule(rule, {
      project: {
        form: {
          funds: {
            total: '233625.00',
            fiscal: '233625.00',
            annualTotal: '233625.00',
            currentYearAppropriation: '233625.00',
          },
          indicators: [{ ...baseCost, value: '80000.00' }, ...others],
        },
      },
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'COST-02',
      severity: 'warn',
      path: 'projects[0].form.indicators[0]',
      data: {
        expected: '233625.00',
        actual: '80000.00',
        gap: '153625.00',
        diff: '-153625.00',
        coverage: '34.24',
      },
    });
    expect(findings[0]?.message).toBe(
      '项目成本指标 ≤80,000.00 元 低于年度资金申请总额 233,625.00 元，只覆盖 34.24%，差额 153,625.00 元。',
    );
  });

  it('reports a cost in 万元 below the budget', () => {
    const [finding] = runRule(rule, cost({ value: '90.5', unit: '万元' }));
    expect(finding?.data).toMatchObject({ actual: '905000.00', gap: '95000.00', coverage: '90.50' });
  });

  it('fires on P08 and P10 in the Songjiang fixture', () => {
    const findings = reviewDisclosure(fixture, undefined, [rule]);
    expect(findings.map((f) => [f.path, f.data.coverage, f.data.gap])).toEqual([
      ['projects[7].form.indicators[0]', '34.24', '153625.00'],
      ['projects[9].form.indicators[0]', '93.96', '1158000.00'],
    ]);
  });
});
