import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../../testdata/fixture.ts';
import { reviewDisclosure } from '../engine.ts';
import { BASE_PROJECT_JSON, runRule } from '../testing.ts';
import { findingProjects } from './_disclosure-util.ts';
import rule from './stale-basis.ts';

/** A project patch whose 立项依据 reads `text`. */
const basis = (text: string) => ({
  explanation: {
    sections: BASE_PROJECT_JSON.explanation.sections.map((s, i) => (i === 1 ? { ...s, text } : s)),
  },
});

describe('STALE-01 stale-basis', () => {
  it.each([
    ['the base project', {}],
    ['an old standing regulation', { project: basis('根据《上海市禁毒条例》。') }],
    [
      'an old implementation opinion with a year',
      { project: basis('根据《2019年上海市社会面智能安防建设实施意见》。') },
    ],
    [
      'last year’s annual document for this year’s budget',
      { project: basis('根据《2023年度上海市禁毒工作考评细则》。') },
    ],
    [
      'one edition cited twice',
      {
        disclosure: {
          projects: [basis('《关于2021年调整服务标准的通知》'), basis('《关于2021年调整服务标准的通知》')],
        },
      },
    ],
  ])('passes %s', (_name, input) => {
    expect(runRule(rule, input)).toEqual([]);
  });

  it('notes a document scoped to a past year', () => {
    expect(
      runRule(rule, { project: basis('根据《上海市禁毒条例》、《2021年度上海市禁毒工作考评细则》。') }),
    ).toEqual([
      {
        ruleId: 'STALE-01',
        severity: 'info',
        message:
          'P01「社区矫正信息系统运维」的立项依据引用了2021年度的文件《2021年度上海市禁毒工作考评细则》，用于2024年预算已过时。',
        path: 'projects[0].explanation.sections[1]',
        data: {
          project: 'P01「社区矫正信息系统运维」',
          title: '2021年度上海市禁毒工作考评细则',
          year: 2021,
          budgetYear: 2024,
        },
      },
    ]);
  });

  it('notes a past year’s 工作要点', () => {
    expect(runRule(rule, { project: basis('《2022年全区政法工作要点》') })).toMatchObject([
      { data: { year: 2022 } },
    ]);
  });

  it('notes an edition superseded by a newer one cited in the same disclosure', () => {
    const findings = runRule(rule, {
      disclosure: {
        projects: [
          basis('根据《关于2019年调整本市预防和减少犯罪工作体系建设政府服务标准的通知》。'),
          basis('根据《关于2021年调整我市预防和减少犯罪工作体系建设政府购买服务标准的通知》。'),
        ],
      },
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      path: 'projects[0].explanation.sections[1]',
      data: { year: 2019, newerYear: 2021, newerProject: 'P02「社区矫正信息系统运维」' },
    });
    expect(findings[0]?.message).toMatch(
      /已有新版本《关于2021年调整我市.*》（2021年，P02「社区矫正信息系统运维」引用）。$/,
    );
  });

  it('notes P01 twice and P05, P07, P08 once in the fixture; not P06 or P10', () => {
    const findings = reviewDisclosure(fixture, undefined, [rule]);
    expect(findingProjects(findings)).toEqual(['P01', 'P01', 'P05', 'P07', 'P08']);
    expect(findings.map((f) => f.data.title)).toEqual([
      '关于2019年调整本市预防和减少犯罪工作体系新建设政府服务标准的通知',
      '2021年度上海市禁毒工作考评细则',
      '关于做好2022年度松江区信息化运维项目申报工作的通知',
      '关于做好2022年度松江区信息化运维项目申报工作的通知',
      '关于做好2022年度松江区信息化运维项目申报工作的通知',
    ]);
    expect(findings[0]?.data).toMatchObject({
      newerYear: 2021,
      newerProject: 'P10「松江区预防和减少违法犯罪社会工作服务」',
    });
  });
});
