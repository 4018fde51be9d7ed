import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../../testdata/fixture.ts';
import { reviewDisclosure } from '../engine.ts';
import { runRule } from '../testing.ts';
import { countByProject, plusIndicators, qual } from './_wording-testkit.ts';
import rule from './bracket-style.ts';

const names = (...list: string[]) => ({ disclosure: { projects: list.map((name) => ({ form: { name } })) } });

describe('FMT-05 bracket-style', () => {
  it.each([
    ['the base project', { project: {} }],
    ['full-width everywhere', names('平台（运维）', '平台（二期）', '网站')],
    ['half-width everywhere', names('平台(运维)', '平台(二期)')],
    ['names without brackets', names('培训费', '编外人员工作经费')],
  ])('passes %s', (_name, input) => {
    expect(runRule(rule, input)).toEqual([]);
  });

  it.each([
    ['both styles in one name', names('松江区政法综治信息网（运维)'), 1],
    ['a half-width name among full-width ones', names('平台(运维)', '平台（二期）', '系统（运维）'), 1],
    ['a tie favours full-width', names('平台(运维)', '平台（二期）'), 1],
    [
      'both styles in an indicator name',
      { project: plusIndicators(qual('产出指标', '质量指标', '平台（二期)验收', '通过')) },
      1,
    ],
  ])('reports %s', (_name, input, count) => {
    expect(runRule(rule, input)).toHaveLength(count);
  });

  it('reports the odd name with the majority style', () => {
    const findings = runRule(rule, names('平台（二期）', '平台(运维)', '系统（运维）'));
    expect(findings).toEqual([
      {
        ruleId: 'FMT-05',
        severity: 'info',
        message: 'P02「平台(运维)」使用半角括号“()”，其他 2 个项目名称使用全角括号“（）”，应统一。',
        path: 'projects[1].form.name',
        data: expect.objectContaining({ style: 'half', majority: 'full', majorityCount: 2 }),
      },
    ]);
  });

  it('finds P04 （运维) and P05 (运维) in the Songjiang fixture', () => {
    const findings = reviewDisclosure(fixture, undefined, [rule]);
    expect(countByProject(findings)).toEqual({ P04: 1, P05: 1 });
    expect(findings.map((f) => f.path)).toEqual(['projects[3].form.name', 'projects[4].form.name']);
  });
});
