import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../../testdata/fixture.ts';
import { reviewDisclosure } from '../engine.ts';
import { runRule } from '../testing.ts';
import rule from './annual-goal-present.ts';

const form = (over: object) => ({ project: { form: over } });
const phased = { nature: '阶段性项目', endDate: '2026-12-31' };

describe('COMP-04 annual-goal-present', () => {
  it.each([
    ['the base project', {}],
    ['an empty 项目总目标 on a recurring project', form({ overallGoal: '' })],
    ['a 阶段性项目 with both goals', form({ ...phased, overallGoal: '三年内完成全区下立交改造。' })],
  ])('passes %s', (_name, input) => {
    expect(runRule(rule, input)).toEqual([]);
  });

  it.each([
    ['empty', ''],
    ['only whitespace', ' \n '],
    ['a placeholder', '无'],
    ['punctuation', '——'],
  ])('reports a 年度总体目标 that is %s', (_name, annualGoal) => {
    const findings = runRule(rule, form({ annualGoal }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'COMP-04',
      severity: 'error',
      path: 'projects[0].form.annualGoal',
    });
    expect(findings[0]?.message).toBe('年度总体目标为空：应写明本年度要完成的任务和达到的效果。');
  });

  it('warns about an empty 项目总目标 on a 阶段性项目', () => {
    const findings = runRule(rule, form({ ...phased, overallGoal: '' }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warn', path: 'projects[0].form.overallGoal' });
  });

  it('passes all 10 Songjiang forms (annual goal filled, 项目总目标 empty on recurring projects)', () => {
    expect(reviewDisclosure(fixture, undefined, [rule])).toEqual([]);
  });
});
