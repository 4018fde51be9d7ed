import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../../testdata/fixture.ts';
import { reviewDisclosure } from '../engine.ts';
import { BASE_PROJECT_JSON, runRule } from '../testing.ts';
import { findingProjects } from './_disclosure-util.ts';
import rule from './category-plausible.ts';

/** The base project with another 项目概述 and, optionally, another category and name. */
const about = (text: string, form: Record<string, string> = {}) => ({
  project: {
    explanation: {
      sections: BASE_PROJECT_JSON.explanation.sections.map((s, i) => (i === 0 ? { ...s, text } : s)),
    },
    form,
  },
});

describe('CLS-03 category-plausible', () => {
  it.each([
    ['the base project (system O&M as 其他运转类)', {}],
    ['wages as 人员类', about('支付编外人员工资及社保。', { category: '人员类' })],
    [
      'development as 特定目标类',
      about('开发社区矫正移动端。', { category: '特定目标类', name: '社区矫正移动端开发' }),
    ],
  ])('passes %s', (_name, input) => {
    expect(runRule(rule, input)).toEqual([]);
  });

  it('notes wages filed as 其他运转类', () => {
    expect(runRule(rule, about('主要实施内容为支付非编人员用工成本、餐费及体检费。'))).toEqual([
      {
        ruleId: 'CLS-03',
        severity: 'info',
        message:
          '项目类别为「其他运转类」，但内容是人员工资福利（非编人员、用工成本）；按一体化定义，工资福利支出属人员类（编外人员经费有时另列，请人工确认）。',
        path: 'projects[0].form.category',
        data: { category: '其他运转类', keywords: ['非编人员', '用工成本'] },
      },
    ]);
  });

  it('notes purchased social services filed as 其他运转类', () => {
    expect(runRule(rule, about('购买社区矫正人员的社工服务。'))).toMatchObject([
      { data: { keywords: ['购买社区矫正人员的社工服务'] } },
    ]);
  });

  it('notes the O&M of a system filed as 特定目标类', () => {
    expect(runRule(rule, about('系统运行维护。', { category: '特定目标类' }))).toMatchObject([
      {
        message:
          '项目类别为「特定目标类」，但项目「社区矫正信息系统运维」是既有系统或设施的运行维护，按一体化定义属运转类。',
      },
    ]);
  });

  it('notes P09 (编外人员工资) and P10 (购买社工服务) in the fixture', () => {
    const findings = reviewDisclosure(fixture, undefined, [rule]);
    expect(findingProjects(findings)).toEqual(['P09', 'P10']);
    expect(findings[0]?.data.keywords).toContain('工资');
  });
});
