import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../../testdata/fixture.ts';
import { reviewDisclosure } from '../engine.ts';
import { BASE_PROJECT_JSON, runRule } from '../testing.ts';
import rule from './output-timeliness.ts';

const all = BASE_PROJECT_JSON.form.indicators;
const indicators = (rows: readonly object[]) => ({ project: { form: { indicators: rows } } });

describe('COMP-03 output-timeliness', () => {
  it.each([
    ['the base project (故障响应时间 ≤2.00(小时))', {}],
    ['no 产出 at all (COMP-01’s)', indicators(all.filter((ind) => ind.level1 !== '产出指标'))],
  ])('passes %s', (_name, input) => {
    expect(runRule(rule, input)).toEqual([]);
  });

  it('reports 产出 without 时效指标', () => {
    const findings = runRule(rule, indicators(all.filter((ind) => ind.level2 !== '时效指标')));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'COMP-03',
      severity: 'warn',
      path: 'projects[0].form.indicators',
      data: { level2: '时效指标' },
    });
  });

  it('does not take a 时效 row under 效益 for an output', () => {
    const moved = all.map((ind) => (ind.level2 === '时效指标' ? { ...ind, level1: '效益指标' } : ind));
    expect(runRule(rule, indicators(moved))).toHaveLength(1);
  });

  it('fires on all 10 Songjiang forms (none has a 时效指标)', () => {
    const findings = reviewDisclosure(fixture, undefined, [rule]);
    expect(findings.map((f) => f.path)).toEqual(
      Array.from({ length: 10 }, (_, i) => `projects[${i}].form.indicators`),
    );
  });
});
