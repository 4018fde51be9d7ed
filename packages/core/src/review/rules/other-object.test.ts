import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../../testdata/fixture.ts';
import { reviewDisclosure } from '../engine.ts';
import { runRule } from '../testing.ts';
import { countByProject, plusIndicators, quant } from './_wording-testkit.ts';
import rule from './other-object.ts';

const project = (name: string, annualGoal: string, ...indicatorNames: string[]) => ({
  project: {
    form: {
      name,
      annualGoal,
      ...plusIndicators(...indicatorNames.map((n) => quant('产出指标', '数量指标', n, '≥', '12.00', '次')))
        .form,
    },
  },
});

describe('REL-04 other-object', () => {
  it.each([
    ['the base project', { project: {} }],
    [
      'the objective names the project object',
      project('社区矫正信息系统运维', '保障社区矫正信息系统稳定运行'),
    ],
    ['a bare 平台', project('禁毒智能化管理平台(运维)', '保障平台稳定运行', '平台巡检')],
    ['an unrelated system is another matter', project('禁毒智能化管理平台(运维)', '数据按时上报至市级平台')],
    ['a project name without a system', project('平安维稳', '提升平安松江微信公众号影响力')],
    [
      'a place name before the object',
      project('某区禁毒智能化管理平台(运维)', '保障某区禁毒智能化管理平台稳定运行'),
    ],
  ])('passes %s', (_name, input) => {
    expect(runRule(rule, input)).toEqual([]);
  });

  it.each([
    [
      'the objective names a sibling platform',
      project('禁毒智能化管理平台(运维)', '有效运用禁毒智能预警服务管理平台'),
      1,
    ],
    [
      'an indicator names it',
      project('禁毒智能化管理平台(运维)', '保障平台运行', '禁毒智能预警服务管理平台运维'),
      1,
    ],
    ['both', project('社区矫正信息系统运维', '保障社区矫正管理系统运行', '社区戒毒信息系统巡检'), 2],
  ])('reports %s', (_name, input, count) => {
    expect(runRule(rule, input)).toHaveLength(count);
  });

  it('quotes both objects', () => {
    const [finding] = runRule(
      rule,
      project('禁毒智能化管理平台(运维)', '全面深化禁毒工作，有效运用禁毒智能预警服务管理平台。'),
    );
    expect(finding).toMatchObject({
      ruleId: 'REL-04',
      severity: 'info',
      path: 'projects[0].form.annualGoal',
      message:
        '年度总体目标提到「禁毒智能预警服务管理平台」，而项目名称中的对象是「禁毒智能化管理平台」，目标疑为其他项目所写。',
    });
  });

  it('finds P05 (objective and indicator name the phase-2 platform) in the Songjiang fixture', () => {
    const findings = reviewDisclosure(fixture, undefined, [rule]);
    expect(countByProject(findings)).toEqual({ P05: 2 });
    expect(findings.map((f) => f.path)).toEqual([
      'projects[4].form.annualGoal',
      'projects[4].form.indicators[1]',
    ]);
  });
});
