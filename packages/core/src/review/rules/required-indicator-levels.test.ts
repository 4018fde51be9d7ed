import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../../testdata/fixture.ts';
import { reviewDisclosure } from '../engine.ts';
import { BASE_PROJECT_JSON, runRule } from '../testing.ts';
import rule from './required-indicator-levels.ts';

const all = BASE_PROJECT_JSON.form.indicators;
const indicators = (rows: readonly object[]) => ({ project: { form: { indicators: rows } } });
const without = (level1: string) => indicators(all.filter((ind) => ind.level1 !== level1));
const notApplicable = {
  level1: '满意度指标',
  level2: '服务对象满意度指标',
  name: '不适用',
  kind: 'qualitative',
  text: '不适用',
};

describe('COMP-01 required-indicator-levels', () => {
  it.each([
    ['the base project', {}],
    [
      'an older form: 成本指标 as a 二级 under 产出指标',
      indicators(
        all.map((ind) =>
          ind.level1 === '成本指标' ? { ...ind, level1: '产出指标', level2: '成本指标' } : ind,
        ),
      ),
    ],
    [
      '满意度 marked 不适用',
      indicators([...all.filter((ind) => ind.level1 !== '满意度指标'), notApplicable]),
    ],
  ])('passes %s', (_name, input) => {
    expect(runRule(rule, input)).toEqual([]);
  });

  it.each([
    ['成本指标', without('成本指标')],
    ['产出指标', without('产出指标')],
    ['效益指标', without('效益指标')],
  ])('reports a form without %s as an error', (level, input) => {
    const findings = runRule(rule, input);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'COMP-01',
      severity: 'error',
      path: 'projects[0].form.indicators',
      data: { level },
    });
    expect(findings[0]?.message).toBe(`申报表没有${level}：成本、产出、效益指标各应至少设置一项三级指标。`);
  });

  it('reports a form without 满意度指标 as a warning', () => {
    const findings = runRule(rule, without('满意度指标'));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warn', data: { level: '满意度指标' } });
  });

  it('does not count empty placeholder rows', () => {
    const findings = runRule(
      rule,
      indicators(all.map((ind) => (ind.level1 === '效益指标' ? { ...ind, name: ' ' } : ind))),
    );
    expect(findings.map((f) => f.data.level)).toEqual(['效益指标']);
  });

  it('reports every missing level of an empty table', () => {
    const findings = runRule(rule, indicators([]));
    expect(findings.map((f) => [f.data.level, f.severity])).toEqual([
      ['成本指标', 'error'],
      ['产出指标', 'error'],
      ['效益指标', 'error'],
      ['满意度指标', 'warn'],
    ]);
  });

  it('passes all 10 Songjiang forms', () => {
    expect(reviewDisclosure(fixture, undefined, [rule])).toEqual([]);
  });
});
