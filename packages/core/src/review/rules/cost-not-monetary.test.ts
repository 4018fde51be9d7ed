import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../../testdata/fixture.ts';
import { reviewDisclosure } from '../engine.ts';
import { BASE_PROJECT_JSON, runRule } from '../testing.ts';
import rule from './cost-not-monetary.ts';

const [baseCost, ...others] = BASE_PROJECT_JSON.form.indicators;
const costs = (...rows: object[]) => ({ project: { form: { indicators: [...rows, ...others] } } });
const qualitative = (over: object) => ({
  level1: '成本指标',
  level2: '经济成本指标',
  name: '成本控制合理性',
  kind: 'qualitative',
  text: '合理',
  ...over,
});

describe('COST-03 cost-not-monetary', () => {
  it.each([
    ['the base project', {}],
    ['a cost in 万元', costs({ ...baseCost, value: '100.00', unit: '万元' })],
    [
      'a per-unit cost in 元/人',
      costs(baseCost, { ...baseCost, name: '人均培训成本', value: '500.00', unit: '元/人' }),
    ],
    [
      'a qualitative 生态环境成本 (S10: 文明施工情况 / 可控)',
      costs(baseCost, qualitative({ level2: '生态环境成本指标', name: '文明施工情况', text: '可控' })),
    ],
    [
      'a qualitative 社会成本',
      costs(baseCost, qualitative({ level2: '社会成本指标', name: '社会影响', text: '较小' })),
    ],
  ])('passes %s', (_name, input) => {
    expect(runRule(rule, input)).toEqual([]);
  });

  it('reports a qualitative economic cost (S10: 成本控制合理性 / 合理)', () => {
    const findings = runRule(rule, costs(baseCost, qualitative({})));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'COST-03',
      severity: 'warn',
      path: 'projects[0].form.indicators[1]',
      data: { name: '成本控制合理性', value: '合理' },
    });
    expect(findings[0]?.message).toBe(
      '经济成本指标「成本控制合理性」为定性值“合理”，应以金额量化（如 ≤X(元)）。',
    );
  });

  it.each([
    ['%', { unit: '%', value: '100.00', name: '预算执行率' }],
    [
      'an older form’s 产出/成本指标 in 次',
      { level1: '产出指标', level2: '成本指标', unit: '次', value: '1.00' },
    ],
  ])('reports a cost in another unit: %s', (_name, over) => {
    const findings = runRule(rule, costs({ ...baseCost, ...over }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'projects[0].form.indicators[0]', data: { unit: over.unit } });
  });

  it('passes all 10 Songjiang forms (项目成本 ≤X(元) everywhere)', () => {
    expect(reviewDisclosure(fixture, undefined, [rule])).toEqual([]);
  });
});
