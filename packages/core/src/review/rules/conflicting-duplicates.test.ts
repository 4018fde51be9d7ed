import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../../testdata/fixture.ts';
import { reviewDisclosure } from '../engine.ts';
import { runRule } from '../testing.ts';
import { countByProject, plusIndicators, qual, quant } from './_wording-testkit.ts';
import rule from './conflicting-duplicates.ts';

const SAT = ['满意度指标', '服务对象满意度指标'] as const;

describe('APPR-03 conflicting-duplicates', () => {
  it.each([
    ['the base project', {}],
    [
      'two specific groups with their own targets',
      plusIndicators(quant(...SAT, '家长满意度', '≥', '85.00', '%')),
    ],
    ['the same target twice', plusIndicators(quant(...SAT, '服务对象满意度', '≥', '90.00', '%'))],
    ['90 and 90.00 are the same target', plusIndicators(quant(...SAT, '用户满意度', '≥', '90', '%'))],
    [
      'one name under two 二级',
      plusIndicators(quant('产出指标', '数量指标', '故障处置及时率', '≥', '90.00', '%')),
    ],
  ])('passes %s', (_name, input) => {
    expect(runRule(rule, { project: input })).toEqual([]);
  });

  it.each([
    [
      '用户 and 服务对象 (P07)',
      [quant(...SAT, '用户满意率', '=', '100.00', '%'), quant(...SAT, '服务对象满意率', '≥', '85.00', '%')],
    ],
    [
      '用人单位 and 服务对象 (P09)',
      [
        quant(...SAT, '用人单位满意度', '=', '100.00', '%'),
        quant(...SAT, '服务对象满意率', '≥', '85.00', '%'),
      ],
    ],
    ['one name, two targets', [quant('产出指标', '质量指标', '故障处置及时率', '≥', '90.00', '%')]],
    ['one name, a number and a text', [qual('产出指标', '质量指标', '故障处置及时率', '及时')]],
  ])('reports %s', (_name, rows) => {
    expect(runRule(rule, { project: plusIndicators(...rows) })).toHaveLength(1);
  });

  it('reports the group once, at its last member, with every target', () => {
    const findings = runRule(rule, {
      project: plusIndicators(
        quant(...SAT, '用户满意率', '=', '100.00', '%'),
        quant(...SAT, '服务对象满意率', '≥', '85.00', '%'),
      ),
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'APPR-03',
      severity: 'warn',
      path: 'projects[0].form.indicators[7]',
      data: {
        names: ['系统使用人员满意度', '用户满意率', '服务对象满意率'],
        values: ['≥90.00(%)', '=100.00(%)', '≥85.00(%)'],
        indices: [5, 6, 7],
      },
    });
  });

  it('finds P07, P08 and P09 (=100% beside ≥85%) in the Songjiang fixture', () => {
    const findings = reviewDisclosure(fixture, undefined, [rule]);
    expect(countByProject(findings)).toEqual({ P07: 1, P08: 1, P09: 1 });
    expect(findings.map((f) => f.data.indices)).toEqual([
      [7, 8],
      [7, 8],
      [7, 8],
    ]);
  });
});
