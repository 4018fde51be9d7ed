import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../../testdata/fixture.ts';
import { reviewDisclosure } from '../engine.ts';
import { runRule } from '../testing.ts';
import rule from './form-without-explanation.ts';

describe('DISC-05 form-without-explanation', () => {
  it.each([
    ['the base project', {}],
    ['two projects, each with its 说明', { disclosure: { projects: [{}, {}] } }],
  ])('passes %s', (_name, input) => {
    expect(runRule(rule, input)).toEqual([]);
  });

  it('warns on each form without a 说明, naming it', () => {
    const findings = runRule(rule, {
      disclosure: { projects: [{}, { explanation: null, form: { name: '培训费' } }, { explanation: null }] },
    });
    expect(findings).toEqual([
      {
        ruleId: 'DISC-05',
        severity: 'warn',
        message: 'P02「培训费」的绩效目标申报表没有对应的项目经费情况说明。',
        path: 'projects[1].explanation',
        data: { project: 'P02「培训费」' },
      },
      {
        ruleId: 'DISC-05',
        severity: 'warn',
        message: 'P03「社区矫正信息系统运维」的绩效目标申报表没有对应的项目经费情况说明。',
        path: 'projects[2].explanation',
        data: { project: 'P03「社区矫正信息系统运维」' },
      },
    ]);
  });

  it('passes the Songjiang fixture (every form follows its 说明)', () => {
    expect(reviewDisclosure(fixture, undefined, [rule])).toEqual([]);
  });
});
