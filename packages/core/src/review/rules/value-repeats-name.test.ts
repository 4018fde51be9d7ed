import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../../testdata/fixture.ts';
import { reviewDisclosure } from '../engine.ts';
import { runRule } from '../testing.ts';
import { countByProject, plusIndicators, qual, quant } from './_wording-testkit.ts';
import rule from './value-repeats-name.ts';

const row = (level2: string, name: string, text: string) => ({
  project: plusIndicators(qual('效益指标', level2, name, text)),
});

describe('FMT-01 value-repeats-name', () => {
  it.each([
    ['the base project (all quantitative)', {}],
    ['a value that says what is achieved', row('社会效益指标', '提升治安防控能力', '实现预警和追查')],
    ['a value that is a fragment (FMT-02)', row('社会效益指标', '确保社会面安全稳定', '安全稳定')],
    ['an empty value (COMP-07)', row('社会效益指标', '运行稳定', '')],
    [
      'a quantitative row',
      { project: plusIndicators(quant('效益指标', '社会效益指标', '降本增效', '≥', '5.00', '%')) },
    ],
  ])('passes %s', (_name, input) => {
    expect(runRule(rule, input)).toEqual([]);
  });

  it.each([
    ['降本增效 / 降本增效', row('经济效益指标', '降本增效', '降本增效')],
    ['ignoring whitespace', row('可持续影响指标', '维护社会 稳定', '维护社会稳定')],
    ['ignoring punctuation', row('可持续影响指标', '运行稳定。', '运行稳定')],
  ])('reports %s', (_name, input) => {
    expect(runRule(rule, input)).toHaveLength(1);
  });

  it('names the indicator', () => {
    expect(runRule(rule, row('经济效益指标', '降本增效', '降本增效'))).toEqual([
      {
        ruleId: 'FMT-01',
        severity: 'warn',
        message: '「降本增效」的指标值「降本增效」只是重复了指标名称，没有给出可衡量、可评价的目标。',
        path: 'projects[0].form.indicators[6]',
        data: { name: '降本增效', text: '降本增效' },
      },
    ]);
  });

  it('finds the 24 name-repeating values of the Songjiang fixture', () => {
    const findings = reviewDisclosure(fixture, undefined, [rule]);
    expect(findings).toHaveLength(24);
    expect(countByProject(findings)).toEqual({
      P01: 2,
      P02: 2,
      P03: 2,
      P04: 2,
      P05: 2,
      P06: 2,
      P07: 3,
      P08: 4,
      P09: 2,
      P10: 3,
    });
    expect(findings.filter((f) => f.data.name === '降本增效')).toHaveLength(10);
  });
});
