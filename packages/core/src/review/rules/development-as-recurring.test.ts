import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../../testdata/fixture.ts';
import { reviewDisclosure } from '../engine.ts';
import { runRule } from '../testing.ts';
import { findingProjects } from './_disclosure-util.ts';
import rule from './development-as-recurring.ts';

const form = (f: Record<string, string>) => ({ project: { form: f } });

describe('CLS-02 development-as-recurring', () => {
  it.each([
    ['the base project (运维)', {}],
    ['a phase labelled 一次性', form({ name: '禁毒智能预警服务管理平台（二期）', nature: '一次性项目' })],
    ['operating a phase-2 system', form({ name: '禁毒智能预警平台（二期）运维' })],
    [
      '队伍建设 in a goal is not development',
      form({ name: '政法干部培训', annualGoal: '加强政法队伍建设。' }),
    ],
  ])('passes %s', (_name, input) => {
    expect(runRule(rule, input)).toEqual([]);
  });

  it('notes a 二期 project labelled 经常性', () => {
    expect(runRule(rule, form({ name: '禁毒智能预警服务管理平台（二期）' }))).toEqual([
      {
        ruleId: 'CLS-02',
        severity: 'info',
        message:
          '项目「禁毒智能预警服务管理平台（二期）」是分期建设的「二期」，项目性质却是「其他经常性项目」；开发建设或分期项目一般为一次性或阶段性项目。',
        path: 'projects[0].form.nature',
        data: {
          name: '禁毒智能预警服务管理平台（二期）',
          nature: '其他经常性项目',
          evidence: '是分期建设的「二期」',
          phase: '二期',
          keyword: null,
        },
      },
    ]);
  });

  it.each([
    ['a development name', { name: '社区矫正移动端开发' }, '开发'],
    ['a development goal', { name: '社区矫正移动端', annualGoal: '完成移动端软件开发并上线。' }, '开发'],
  ])('notes %s', (_name, f, keyword) => {
    expect(runRule(rule, form(f))).toMatchObject([{ data: { keyword, phase: null } }]);
  });

  it('notes P07 and P08 (二期, 其他经常性项目) in the fixture', () => {
    expect(findingProjects(reviewDisclosure(fixture, undefined, [rule]))).toEqual(['P07', 'P08']);
  });
});
