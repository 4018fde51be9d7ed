import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../../testdata/fixture.ts';
import { reviewDisclosure } from '../engine.ts';
import { runRule } from '../testing.ts';
import { countByProject, plusIndicators, qual, quant } from './_wording-testkit.ts';
import rule from './boilerplate-benefit.ts';

const ECO = ['效益指标', '经济效益指标'] as const;
const GREEN = ['效益指标', '生态效益指标'] as const;
const SOCIAL = ['效益指标', '社会效益指标'] as const;
const project = (...rows: ReturnType<typeof qual>[]) => plusIndicators(...rows);

describe('REL-01 boilerplate-benefit', () => {
  it.each([
    ['the base project', { project: {} }],
    [
      'a specific economic benefit',
      { project: project(quant(...ECO, '节约人工巡检费用', '≥', '50000.00', '元')) },
    ],
    ['a stock name outside 经济/生态效益', { project: project(qual(...SOCIAL, '降本增效', '降本增效')) }],
    [
      'a pair shared by only half the projects',
      {
        disclosure: {
          projects: [
            project(qual(...ECO, '节约办公成本', '有效')),
            project(qual(...ECO, '节约办公成本', '有效')),
            {},
            {},
          ],
        },
      },
    ],
    [
      'two projects sharing a pair are too few to judge',
      {
        disclosure: {
          projects: [
            project(qual(...ECO, '节约办公成本', '有效')),
            project(qual(...ECO, '节约办公成本', '有效')),
          ],
        },
      },
    ],
  ])('passes %s', (_name, input) => {
    expect(runRule(rule, input)).toEqual([]);
  });

  it.each([
    ['降本增效', { project: project(qual(...ECO, '降本增效', '降本增效')) }, 1],
    ['使用环保产品 ≥90%', { project: project(quant(...GREEN, '使用环保产品', '≥', '90.00', '%')) }, 1],
    ['使用环保产品率', { project: project(quant(...GREEN, '使用环保产品率', '≥', '90.00', '%')) }, 1],
    [
      'both in one project: one finding',
      { project: project(qual(...ECO, '降本增效', '降本增效'), qual(...GREEN, '节能减排', '节能减排')) },
      1,
    ],
    [
      'a pair in more than half the projects',
      {
        disclosure: {
          projects: [
            project(qual(...GREEN, '绿色办公', '有效')),
            project(qual(...GREEN, '绿色办公', '有效')),
            {},
          ],
        },
      },
      2,
    ],
  ])('reports %s', (_name, input, count) => {
    expect(runRule(rule, input)).toHaveLength(count);
  });

  it('follows the configured dictionary', () => {
    const input = { project: project(qual(...ECO, '降本增效', '降本增效')) };
    expect(runRule(rule, input, { name: 'p', options: { boilerplateBenefitNames: ['节能环保'] } })).toEqual(
      [],
    );
  });

  it('reports once per project, listing the indicators and why', () => {
    const findings = runRule(rule, {
      disclosure: {
        projects: [
          project(qual(...ECO, '降本增效', '降本增效'), qual(...GREEN, '绿色办公', '有效')),
          project(qual(...GREEN, '绿色办公', '有效')),
          {},
        ],
      },
    });
    expect(findings).toHaveLength(2);
    expect(findings[0]).toMatchObject({
      ruleId: 'REL-01',
      severity: 'warn',
      path: 'projects[0].form.indicators[6]',
      data: { project: 'P01', names: ['降本增效', '绿色办公'], indices: [6, 7] },
    });
    expect(findings[0]?.message).toContain(
      '「降本增效」为常见套话；「生态效益指标/绿色办公」在 2/3 个项目中雷同',
    );
    expect(findings[1]?.path).toBe('projects[1].form.indicators[6]');
  });

  it('finds all 10 projects of the Songjiang fixture, each with 降本增效 and a 生态效益 stock name', () => {
    const findings = reviewDisclosure(fixture, undefined, [rule]);
    expect(countByProject(findings)).toEqual({
      P01: 1,
      P02: 1,
      P03: 1,
      P04: 1,
      P05: 1,
      P06: 1,
      P07: 1,
      P08: 1,
      P09: 1,
      P10: 1,
    });
    expect(findings.map((f) => f.data.names)).toEqual([
      ['降本增效', '使用环保产品'],
      ['降本增效', '使用环保产品'],
      ['降本增效', '使用环保产品'],
      ['降本增效', '使用环保产品'],
      ['降本增效', '使用环保产品'],
      ['降本增效', '使用环保产品'],
      ['降本增效', '节能环保'],
      ['降本增效', '节能环保'],
      ['降本增效', '节能减排'],
      ['降本增效', '使用环保产品率'],
    ]);
  });
});
