import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../../testdata/fixture.ts';
import { reviewDisclosure } from '../engine.ts';
import { runRule } from '../testing.ts';
import { findingProjects } from './_disclosure-util.ts';
import rule from './stale-goal-year.ts';

const goal = (annualGoal: string) => ({ project: { form: { annualGoal } } });

describe('STALE-02 stale-goal-year', () => {
  it.each([
    ['the base project', {}],
    ['this year’s work', goal('完成2024年度执法监督项目。')],
    ['a baseline year', goal('故障处置时间较2023年缩短10%。')],
    ['a date', goal('自2023年12月起完成系统迁移。')],
    ['a plan period reaching the budget year', goal('落实2021年-2025年规划。')],
  ])('passes %s', (_name, input) => {
    expect(runRule(rule, input)).toEqual([]);
  });

  it('notes an earlier year’s work in the goal, quoting the clause', () => {
    expect(
      runRule(rule, goal('提升系统稳定性；完成市委政法委安排的 2023 年度执法司法监督项目，提升公信力。')),
    ).toEqual([
      {
        ruleId: 'STALE-02',
        severity: 'info',
        message:
          '2024年度的年度总体目标写的是2023年的工作：「完成市委政法委安排的2023年度执法司法监督项目」。',
        path: 'projects[0].form.annualGoal',
        data: { year: 2023, budgetYear: 2024, clause: '完成市委政法委安排的2023年度执法司法监督项目' },
      },
    ]);
  });

  it('notes each clause once', () => {
    expect(runRule(rule, goal('完成2022年、2023年遗留任务。'))).toHaveLength(1);
  });

  it('notes P01 only in the fixture', () => {
    expect(findingProjects(reviewDisclosure(fixture, undefined, [rule]))).toEqual(['P01']);
  });
});
