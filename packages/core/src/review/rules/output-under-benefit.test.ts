import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../../testdata/fixture.ts';
import { reviewDisclosure } from '../engine.ts';
import { runRule } from '../testing.ts';
import { countByProject, plusIndicators, qual, quant } from './_wording-testkit.ts';
import rule from './output-under-benefit.ts';

const SOCIAL = ['效益指标', '社会效益指标'] as const;

describe('REL-05 output-under-benefit', () => {
  it.each([
    ['the base project', {}],
    ['a benefit in %', plusIndicators(quant(...SOCIAL, '群众安全感', '≥', '90.00', '%'))],
    ['people reached are a benefit', plusIndicators(quant(...SOCIAL, '受益群众', '≥', '5000.00', '人'))],
    ['a qualitative benefit', plusIndicators(qual(...SOCIAL, '提升治安防控能力', '实现预警和追查'))],
    [
      'a count under 产出 is where it belongs',
      plusIndicators(quant('产出指标', '数量指标', '信息发布', '≥', '5.00', '条/日')),
    ],
    ['完成 under 产出', plusIndicators(qual('产出指标', '质量指标', '完成岗位任务', '完成'))],
  ])('passes %s', (_name, input) => {
    expect(runRule(rule, { project: input })).toEqual([]);
  });

  it.each([
    ['a count per day (P04)', plusIndicators(quant(...SOCIAL, '网站服务器正常运行', '≥', '5.00', '条/日'))],
    ['a number of sessions', plusIndicators(quant(...SOCIAL, '开展宣传', '≥', '4.00', '场'))],
    ['a completion rate', plusIndicators(quant(...SOCIAL, '任务完成率', '=', '100.00', '%'))],
    ['完成任务 as the value (P09)', plusIndicators(qual(...SOCIAL, '服务单位', '完成任务'))],
    [
      '及时完成 under 可持续影响',
      plusIndicators(qual('效益指标', '可持续影响指标', '按时完成任务', '及时完成')),
    ],
  ])('reports %s', (_name, input) => {
    expect(runRule(rule, { project: input })).toHaveLength(1);
  });

  it('names the 二级 and the measure', () => {
    const [finding] = runRule(rule, {
      project: plusIndicators(quant(...SOCIAL, '网站服务器正常运行', '≥', '5.00', '条/日')),
    });
    expect(finding).toMatchObject({
      ruleId: 'REL-05',
      severity: 'info',
      path: 'projects[0].form.indicators[6]',
      message:
        '「社会效益指标」下的「网站服务器正常运行」≥5.00(条/日) 以「条/日」计数，衡量的是产出数量而非效益，宜移至产出指标或改写为效益。',
    });
  });

  it('finds P04 (≥5.00 条/日) and P09 (完成任务) in the Songjiang fixture', () => {
    const findings = reviewDisclosure(fixture, undefined, [rule]);
    expect(countByProject(findings)).toEqual({ P04: 1, P09: 2 });
    expect(findings.map((f) => [f.path, f.data.name])).toEqual([
      ['projects[3].form.indicators[4]', '网站服务器正常运行'],
      ['projects[8].form.indicators[4]', '服务单位'],
      ['projects[8].form.indicators[6]', '完时完成任务'],
    ]);
  });
});
