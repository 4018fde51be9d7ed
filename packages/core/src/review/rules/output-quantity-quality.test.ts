import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../../testdata/fixture.ts';
import { reviewDisclosure } from '../engine.ts';
import { BASE_PROJECT_JSON, runRule } from '../testing.ts';
import rule from './output-quantity-quality.ts';

const all = BASE_PROJECT_JSON.form.indicators;
const indicators = (rows: readonly object[]) => ({ project: { form: { indicators: rows } } });
const without = (level2: string) => indicators(all.filter((ind) => ind.level2 !== level2));

describe('COMP-02 output-quantity-quality', () => {
  it.each([
    ['the base project', {}],
    ['no 时效指标 (COMP-03’s)', without('时效指标')],
    ['no 产出 at all (COMP-01’s)', indicators(all.filter((ind) => ind.level1 !== '产出指标'))],
    [
      'an older form with 成本指标 under 产出',
      indicators(
        all.map((ind) =>
          ind.level1 === '成本指标' ? { ...ind, level1: '产出指标', level2: '成本指标' } : ind,
        ),
      ),
    ],
  ])('passes %s', (_name, input) => {
    expect(runRule(rule, input)).toEqual([]);
  });

  it.each([
    ['数量指标', without('数量指标')],
    ['质量指标', without('质量指标')],
  ])('reports 产出 without %s', (level2, input) => {
    const findings = runRule(rule, input);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'COMP-02',
      severity: 'warn',
      path: 'projects[0].form.indicators',
      data: { level2 },
    });
    expect(findings[0]?.message).toBe(`产出指标缺少${level2}：产出应至少有一项数量指标和一项质量指标。`);
  });

  it('reports both when 产出 has only a 时效指标', () => {
    const findings = runRule(
      rule,
      indicators(all.filter((ind) => ind.level1 !== '产出指标' || ind.level2 === '时效指标')),
    );
    expect(findings.map((f) => f.data.level2)).toEqual(['数量指标', '质量指标']);
  });

  it('passes all 10 Songjiang forms (each has 数量 and 质量)', () => {
    expect(reviewDisclosure(fixture, undefined, [rule])).toEqual([]);
  });
});
