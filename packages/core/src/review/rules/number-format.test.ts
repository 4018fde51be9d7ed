import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../../testdata/fixture.ts';
import { reviewDisclosure } from '../engine.ts';
import { runRule } from '../testing.ts';
import { countByProject, plusIndicators, quant, replacingSections } from './_wording-testkit.ts';
import rule from './number-format.ts';

describe('FMT-04 number-format', () => {
  it.each([
    ['the base project', {}],
    ['万元 amounts are not 元 amounts', replacingSections({ 5: '预算金额为349.80万元。' })],
    [
      'round yuan in other sections are normal',
      replacingSections({ 3: '工资319400元，体检费1600元，按月支付。' }),
    ],
    ['separators with decimals', replacingSections({ 5: '预算1,000,000.00元。' })],
    [
      'a form where no value has two decimals',
      {
        form: {
          indicators: [
            {
              level1: '成本指标',
              level2: '经济成本指标',
              name: '项目成本',
              kind: 'quantitative',
              operator: '≤',
              value: '1000000',
              unit: '元',
            },
            {
              level1: '产出指标',
              level2: '数量指标',
              name: '道路长度',
              kind: 'quantitative',
              operator: '≥',
              value: '985',
              unit: '米',
            },
          ],
        },
      },
    ],
  ])('passes %s', (_name, input) => {
    expect(runRule(rule, { project: input })).toEqual([]);
  });

  it.each([
    [
      'a value without decimals among two-decimal values',
      plusIndicators(quant('产出指标', '质量指标', '完成安全测评', '≥', '1', '次')),
    ],
    ['a value with one decimal', plusIndicators(quant('产出指标', '质量指标', '合格率', '≥', '95.5', '%'))],
    ['the budget in round yuan', replacingSections({ 5: '预算3680000元。' })],
    ['the budget with separators but no decimals', replacingSections({ 5: '预算3,680,000元。' })],
  ])('reports %s', (_name, input) => {
    expect(runRule(rule, { project: input })).toHaveLength(1);
  });

  it('says what the style should be', () => {
    expect(runRule(rule, { project: replacingSections({ 5: '预算19158000元。' }) })[0]).toMatchObject({
      path: 'projects[0].explanation.sections[5]',
      message: '「年度预算安排」中的金额 19158000元 未写到分（如 19158000.00元），与申报表金额格式不一致。',
      data: { amounts: ['19158000元'] },
    });
    expect(
      runRule(rule, {
        project: plusIndicators(quant('产出指标', '质量指标', '完成安全测评', '≥', '1', '次')),
      })[0],
    ).toMatchObject({
      path: 'projects[0].form.indicators[6]',
      data: { raw: '1', example: '≤1000000.00(元)' },
    });
  });

  it('finds P06 and P10 (预算…元) and P07 (≥1(次)) in the Songjiang fixture', () => {
    const findings = reviewDisclosure(fixture, undefined, [rule]);
    expect(countByProject(findings)).toEqual({ P06: 1, P07: 1, P10: 1 });
    expect(findings.map((f) => f.path)).toEqual([
      'projects[5].explanation.sections[5]',
      'projects[6].form.indicators[2]',
      'projects[9].explanation.sections[5]',
    ]);
  });
});
