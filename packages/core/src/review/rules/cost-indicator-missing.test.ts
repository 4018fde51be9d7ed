import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../../testdata/fixture.ts';
import { reviewDisclosure } from '../engine.ts';
import { BASE_PROJECT_JSON, runRule } from '../testing.ts';
import rule from './cost-indicator-missing.ts';

const [baseCost, ...others] = BASE_PROJECT_JSON.form.indicators;
const indicators = (...rows: object[]) => ({ project: { form: { indicators: rows } } });
const ecoCost = {
  level1: '成本指标',
  level2: '生态环境成本指标',
  name: '文明施工情况',
  kind: 'qualitative',
  text: '可控',
};

describe('COST-04 cost-indicator-missing', () => {
  it.each([
    ['the base project', {}],
    [
      'an older form: 成本指标 under 产出指标',
      indicators({ ...baseCost, level1: '产出指标', level2: '成本指标' }, ...others),
    ],
    ['a 成本指标 row with a blank 二级', indicators({ ...baseCost, level2: '' }, ...others)],
    [
      'a qualitative 经济成本 (COST-03’s)',
      indicators({ ...ecoCost, level2: '经济成本指标', name: '成本控制', text: '合理' }, ...others),
    ],
  ])('passes %s', (_name, input) => {
    expect(runRule(rule, input)).toEqual([]);
  });

  it('reports a form without any 成本指标', () => {
    const findings = runRule(rule, indicators(...others));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'COST-04',
      severity: 'error',
      path: 'projects[0].form.indicators',
    });
    expect(findings[0]?.message).toBe('申报表未设置成本指标（应至少有经济成本指标，如“项目成本 ≤X(元)”）。');
  });

  it('reports a form with only a 生态环境成本', () => {
    const findings = runRule(rule, indicators(ecoCost, ...others));
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toBe(
      '申报表只有社会或生态环境成本指标，未设置经济成本指标（如“项目成本 ≤X(元)”）。',
    );
  });

  it('passes all 10 Songjiang forms', () => {
    expect(reviewDisclosure(fixture, undefined, [rule])).toEqual([]);
  });
});
