import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../../testdata/fixture.ts';
import { reviewDisclosure } from '../engine.ts';
import { runRule } from '../testing.ts';
import rule from './summary-unit-count.ts';

const summary = (over: Record<string, unknown> = {}) => ({
  budgetUnitCount: 1,
  projectCount: 1,
  totalWan: '100.00',
  largeProjectCount: 0,
  largeThresholdWan: '1000',
  ...over,
});
const unit = (implementingUnit: string) => ({ form: { implementingUnit } });

describe('DISC-04 summary-unit-count', () => {
  it.each([
    ['a document without a summary paragraph', {}],
    ['one stated unit, one 实施单位', { disclosure: { summary: summary() } }],
    [
      'the same unit written with different spacing',
      {
        disclosure: {
          summary: summary({ projectCount: 2 }),
          projects: [unit('某区司法局（本级）'), unit('某区 司法局（本级）')],
        },
      },
    ],
    [
      'a published selection with fewer units than stated',
      { disclosure: { summary: summary({ budgetUnitCount: 5, projectCount: 247 }) } },
    ],
  ])('passes %s', (_name, input) => {
    expect(runRule(rule, input)).toEqual([]);
  });

  it('warns and lists the units when the count differs', () => {
    const findings = runRule(rule, {
      disclosure: {
        summary: summary({ projectCount: 2 }),
        projects: [unit('某区司法局（本级）'), unit('某区法律援助中心')],
      },
    });
    expect(findings).toEqual([
      {
        ruleId: 'DISC-04',
        severity: 'warn',
        message: '总述称 1 个预算单位，申报表的实施单位有 2 个：某区司法局（本级）、某区法律援助中心。',
        path: 'summary.budgetUnitCount',
        data: {
          stated: 1,
          computed: 2,
          units: ['某区司法局（本级）', '某区法律援助中心'],
          unitNote: '：某区司法局（本级）、某区法律援助中心',
        },
      },
    ]);
  });

  it('warns on a selection showing more units than stated', () => {
    const findings = runRule(rule, {
      disclosure: {
        summary: summary({ projectCount: 10 }),
        projects: [unit('甲单位'), unit('乙单位')],
      },
    });
    expect(findings).toMatchObject([{ data: { stated: 1, computed: 2 } }]);
  });

  it('passes the Songjiang fixture (1 unit)', () => {
    expect(reviewDisclosure(fixture, undefined, [rule])).toEqual([]);
  });
});
