import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../../testdata/fixture.ts';
import { reviewDisclosure } from '../engine.ts';
import { runRule } from '../testing.ts';
import rule from './nature-dates.ts';

const form = (nature: string, startDate: string, endDate: string) => ({
  project: { form: { nature, startDate, endDate } },
});

describe('CLS-01 nature-dates', () => {
  it.each([
    ['the base project (其他经常性项目, 2024)', {}],
    ['a 阶段性项目 over three years', form('阶段性项目', '2024-01-01', '2026-12-31')],
    ['a 一次性项目 inside the year', form('一次性项目', '2024-03-01', '2024-09-30')],
    ['an unknown nature', form('其他', '2023-01-01', '2025-12-31')],
  ])('passes %s', (_name, input) => {
    expect(runRule(rule, input)).toEqual([]);
  });

  it('warns on a 阶段性项目 inside one year', () => {
    expect(runRule(rule, form('阶段性项目', '2024-01-01', '2024-12-31'))).toEqual([
      {
        ruleId: 'CLS-01',
        severity: 'warn',
        message: '项目性质为「阶段性项目」，但计划起止日期 2024-01-01 至 2024-12-31 在同一年内。',
        path: 'projects[0].form.nature',
        data: { nature: '阶段性项目', startDate: '2024-01-01', endDate: '2024-12-31', year: 2024 },
      },
    ]);
  });

  it('warns on a 经常性 project reaching outside the budget year', () => {
    expect(runRule(rule, form('其他经常性项目', '2023-07-01', '2024-06-30'))).toMatchObject([
      {
        message: '项目性质为「其他经常性项目」，但计划起止日期 2023-07-01 至 2024-06-30 超出 2024 预算年度。',
      },
    ]);
  });

  it('warns on an end date before the start date', () => {
    expect(runRule(rule, form('其他经常性项目', '2024-12-31', '2024-01-01'))).toMatchObject([
      { message: '计划完成日期 2024-01-01 早于计划开始日期 2024-12-31。', path: 'projects[0].form.endDate' },
    ]);
  });

  it('passes all 10 fixture projects (其他经常性项目, 2024-01-01 → 2024-12-31)', () => {
    expect(reviewDisclosure(fixture, undefined, [rule])).toEqual([]);
  });
});
