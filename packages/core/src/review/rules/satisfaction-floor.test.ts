import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../../testdata/fixture.ts';
import { reviewDisclosure } from '../engine.ts';
import { runRule } from '../testing.ts';
import { countByProject, quant, replacingIndicator } from './_wording-testkit.ts';
import rule from './satisfaction-floor.ts';

const satisfaction = (name: string, operator: '≥' | '=' | '>' | '≤', value: string) => ({
  project: replacingIndicator(5, quant('满意度指标', '服务对象满意度指标', name, operator, value, '%')),
});

describe('APPR-05 satisfaction-floor', () => {
  it.each([
    ['the base project (≥90%)', {}],
    ['exactly the floor', satisfaction('服务对象满意率', '≥', '85.00')],
    ['a ceiling is not a floor', satisfaction('服务对象满意率', '≤', '60.00')],
    [
      'a low percentage that is not satisfaction',
      { project: replacingIndicator(2, quant('产出指标', '质量指标', '三年认定戒断率', '>', '70.00', '%')) },
    ],
  ])('passes %s', (_name, input) => {
    expect(runRule(rule, input)).toEqual([]);
  });

  it.each([
    ['≥80%', satisfaction('服务对象满意率', '≥', '80.00')],
    ['>84.99%', satisfaction('群众满意度', '>', '84.99')],
    ['=60%', satisfaction('用户满意度', '=', '60')],
  ])('reports %s', (_name, input) => {
    expect(runRule(rule, input)).toHaveLength(1);
  });

  it('reports the figures and follows the configured floor', () => {
    const input = satisfaction('服务对象满意率', '≥', '88.00');
    expect(runRule(rule, input)).toEqual([]);
    const [finding] = runRule(rule, input, { name: 'strict', options: { satisfactionFloorPercent: 90 } });
    expect(finding).toMatchObject({
      ruleId: 'APPR-05',
      severity: 'info',
      path: 'projects[0].form.indicators[5]',
      message: '「服务对象满意率」目标 ≥88.00(%) 低于满意度下限 90%，目标偏低。',
      data: { percent: 88, floor: 90 },
    });
  });

  it('finds only P10 (≥80.00%) in the Songjiang fixture', () => {
    const findings = reviewDisclosure(fixture, undefined, [rule]);
    expect(countByProject(findings)).toEqual({ P10: 1 });
    expect(findings[0]?.path).toBe('projects[9].form.indicators[9]');
  });
});
