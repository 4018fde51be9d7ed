import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../../testdata/fixture.ts';
import { reviewDisclosure } from '../engine.ts';
import { runRule } from '../testing.ts';
import rule from './summary-project-count.ts';

const summary = (over: Record<string, unknown> = {}) => ({
  budgetUnitCount: 1,
  projectCount: 1,
  totalWan: '100.00',
  largeProjectCount: 0,
  largeThresholdWan: '1000',
  ...over,
});

describe('DISC-01 summary-project-count', () => {
  it.each([
    ['a document without a summary paragraph (the base project)', {}],
    ['as many forms as stated projects', { disclosure: { summary: summary() } }],
    [
      'two forms for two stated projects',
      { disclosure: { summary: summary({ projectCount: 2, totalWan: '200.00' }), projects: [{}, {}] } },
    ],
  ])('passes %s', (_name, input) => {
    expect(runRule(rule, input)).toEqual([]);
  });

  it('is an error when more forms are printed than projects stated', () => {
    const findings = runRule(rule, { disclosure: { summary: summary(), projects: [{}, {}, {}] } });
    expect(findings).toEqual([
      {
        ruleId: 'DISC-01',
        severity: 'error',
        message: '公开的绩效目标申报表有 3 张，多于总述所称编报绩效目标的项目 1 个。',
        path: 'summary.projectCount',
        data: { stated: 1, forms: 3, diff: 2 },
      },
    ]);
  });

  it('only notes a published selection (fewer forms than stated projects)', () => {
    const findings = runRule(rule, { disclosure: { summary: summary({ projectCount: 247 }) } });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: 'info',
      path: 'summary.projectCount',
      data: { stated: 247, forms: 1 },
    });
    expect(findings[0]?.message).toContain('总述称共 247 个项目，公开绩效目标表 1 张');
  });

  it('passes the Songjiang fixture (10 projects stated, 10 forms)', () => {
    expect(reviewDisclosure(fixture, undefined, [rule])).toEqual([]);
  });
});
