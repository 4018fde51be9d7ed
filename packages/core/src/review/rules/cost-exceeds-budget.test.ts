import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../../testdata/fixture.ts';
import { reviewDisclosure } from '../engine.ts';
import { BASE_PROJECT_JSON, runRule } from '../testing.ts';
import rule from './cost-exceeds-budget.ts';

const [baseCost, ...others] = BASE_PROJECT_JSON.form.indicators;
/** The base indicators with the 经济成本 row replaced by `costs`. */
const costs = (...rows: object[]) => ({ project: { form: { indicators: [...rows, ...others] } } });
const cost = (over: object) => costs({ ...baseCost, ...over });

describe('COST-01 cost-exceeds-budget', () => {
  it.each([
    ['the base project (cost = budget)', {}],
    ['a cost below the budget (COST-02’s)', cost({ value: '800000.00' })],
    ['a cost in 万元 equal to the budget', cost({ value: '100.00', unit: '万元' })],
    ['a `<` cost equal to the budget', cost({ operator: '<' })],
    ['a cost not in money (COST-03’s)', cost({ value: '1200000.00', unit: '次' })],
    [
      'a qualitative cost (COST-03’s)',
      costs({
        level1: '成本指标',
        level2: '经济成本指标',
        name: '项目成本',
        kind: 'qualitative',
        text: '合理',
      }),
    ],
    [
      'a 社会成本 row is not the budget cost',
      costs(baseCost, { ...baseCost, level2: '社会成本指标', name: '社会成本', value: '2000000.00' }),
    ],
    [
      'the whole cost beside its parts',
      costs(
        { ...baseCost, name: '人员成本', value: '600000.00' },
        { ...baseCost, name: '设备成本', value: '400000.00' },
        { ...baseCost, name: '项目总成本', value: '1000000.00' },
      ),
    ],
    [
      'an older form: 成本指标 under 产出指标',
      cost({ level1: '产出指标', level2: '成本指标', name: '项目总成本', value: '1000000.00' }),
    ],
    ['no annual total', { project: { form: { funds: { annualTotal: null } } } }],
    [
      'a 阶段性项目 whose cost is its whole-life total',
      {
        project: {
          form: {
            nature: '阶段性项目',
            endDate: '2026-12-31',
            funds: { total: '3000000.00', fiscal: '3000000.00' },
            indicators: [{ ...baseCost, value: '3000000.00' }, ...others],
          },
        },
      },
    ],
  ])('passes %s', (_name, input) => {
    expect(runRule(rule, input)).toEqual([]);
  });

  it('reports a cost ceiling above the budget (P01: +250,000.00, +4.27%)', () => {
    const findings = runRule(rule, {
      project: {
        form: {
          funds: {
            total: '5850000.00',
            fiscal: '5850000.00',
            annualTotal: '5850000.00',
            currentYearAppropriation: '5850000.00',
          },
          indicators: [{ ...baseCost, value: '6100000.00' }, ...others],
        },
      },
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'COST-01',
      severity: 'error',
      path: 'projects[0].form.indicators[0]',
      data: { expected: '5850000.00', actual: '6100000.00', diff: '250000.00', percent: '4.27' },
    });
    expect(findings[0]?.message).toBe(
      '项目成本指标 ≤6,100,000.00 元 超出年度资金申请总额 5,850,000.00 元 250,000.00 元（+4.27%）。',
    );
  });

  it.each([
    ['in 万元', cost({ value: '120.00', unit: '万元' }), '0', '1200000.00'],
    ['with `=`', cost({ operator: '=', value: '1000000.01' }), '0', '1000000.01'],
    [
      'in an older form',
      cost({ level1: '产出指标', level2: '成本指标', name: '项目总成本', value: '1100000.00' }),
      '0',
      '1100000.00',
    ],
    [
      'as the sum of several cost rows',
      costs(
        { ...baseCost, name: '人员成本', value: '700000.00' },
        { ...baseCost, name: '设备成本', value: '400000.00' },
      ),
      '0',
      '1100000.00',
    ],
  ])('reports a cost above the budget %s', (_name, input, index, actual) => {
    const findings = runRule(rule, input);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: `projects[0].form.indicators[${index}]`, data: { actual } });
  });

  it('fires on P01 only in the Songjiang fixture', () => {
    const findings = reviewDisclosure(fixture, undefined, [rule]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      path: 'projects[0].form.indicators[0]',
      data: { expected: '5850000.00', actual: '6100000.00', diff: '250000.00', percent: '4.27' },
    });
  });
});
