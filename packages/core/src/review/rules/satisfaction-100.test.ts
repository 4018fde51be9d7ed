import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../../testdata/fixture.ts';
import { reviewDisclosure } from '../engine.ts';
import { runRule } from '../testing.ts';
import { countByProject, quant, replacingIndicator } from './_wording-testkit.ts';
import rule from './satisfaction-100.ts';

const satisfaction = (name: string, operator: '≥' | '=' | '>' | '≤', value: string, unit = '%') => ({
  project: replacingIndicator(5, quant('满意度指标', '服务对象满意度指标', name, operator, value, unit)),
});

describe('APPR-01 satisfaction-100', () => {
  it.each([
    ['the base project (≥90%)', {}],
    ['≥95%', satisfaction('培训对象满意率', '≥', '95.00')],
    ['a ceiling of 100% is not a target of 100%', satisfaction('群众满意度', '≤', '100.00')],
    ['100 in another unit', satisfaction('群众满意度', '≥', '100.00', '分')],
    [
      'a completion rate of 100% (APPR-02 speaks about rates)',
      { project: replacingIndicator(2, quant('产出指标', '质量指标', '项目完成率', '=', '100.00', '%')) },
    ],
  ])('passes %s', (_name, input) => {
    expect(runRule(rule, input)).toEqual([]);
  });

  it.each([
    ['=100%', satisfaction('用户满意率', '=', '100.00')],
    ['≥100%', satisfaction('培训对象满意率', '≥', '100.00')],
    ['>100 printed without decimals', satisfaction('服务对象满意度', '>', '100')],
    [
      'a satisfaction indicator filed under another 一级',
      {
        project: replacingIndicator(4, quant('效益指标', '社会效益指标', '群众满意率', '=', '100.00', '%')),
      },
    ],
  ])('reports %s', (_name, input) => {
    expect(runRule(rule, input)).toHaveLength(1);
  });

  it('names the indicator and the target', () => {
    const [finding, ...rest] = runRule(rule, satisfaction('培训对象满意率', '≥', '100.00'));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      ruleId: 'APPR-01',
      severity: 'warn',
      path: 'projects[0].form.indicators[5]',
      data: { name: '培训对象满意率', value: '≥100.00(%)', operator: '≥', percent: 100 },
    });
    expect(finding?.message).toMatch(/^「培训对象满意率」目标 ≥100\.00\(%\) 等于满分/);
  });

  it('finds the four 100% satisfaction targets of the Songjiang fixture (P02 ≥; P07, P08, P09 =)', () => {
    const findings = reviewDisclosure(fixture, undefined, [rule]);
    expect(countByProject(findings)).toEqual({ P02: 1, P07: 1, P08: 1, P09: 1 });
    expect(findings.map((f) => f.path)).toEqual([
      'projects[1].form.indicators[7]',
      'projects[6].form.indicators[7]',
      'projects[7].form.indicators[7]',
      'projects[8].form.indicators[7]',
    ]);
  });
});
