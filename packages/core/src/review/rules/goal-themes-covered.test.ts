import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../../testdata/fixture.ts';
import { reviewDisclosure } from '../engine.ts';
import { BASE_PROJECT_JSON, runRule } from '../testing.ts';
import { findingProjects } from './_disclosure-util.ts';
import rule from './goal-themes-covered.ts';

const goal = (annualGoal: string) => ({ project: { form: { annualGoal } } });
const BASE_INDICATORS = BASE_PROJECT_JSON.form.indicators;

describe('COMP-08 goal-themes-covered', () => {
  it.each([
    ['the base project (巡检, 故障处置, 矫正对象管理效率 all have indicators)', {}],
    ['a clause of generic words only', goal('保障社区矫正信息系统稳定运行，完成年度工作任务。')],
    [
      'a short indicator named inside the clause (「密评」 in 「完成软件密评」)',
      {
        project: {
          form: {
            annualGoal: '完成软件密评',
            indicators: [
              ...BASE_INDICATORS,
              {
                level1: '产出指标',
                level2: '数量指标',
                name: '密评',
                kind: 'quantitative',
                operator: '=',
                value: '1.00',
                unit: '次',
              },
            ],
          },
        },
      },
    ],
    ['an empty goal (COMP-04 speaks)', goal('')],
  ])('passes %s', (_name, input) => {
    expect(runRule(rule, input)).toEqual([]);
  });

  it('warns on goal clauses no indicator speaks about', () => {
    const findings = runRule(
      rule,
      goal('保障社区矫正信息系统稳定运行，织密群防群治网络；营造浓厚爱路护路的氛围，提升矫正对象管理效率。'),
    );
    expect(findings).toEqual([
      {
        ruleId: 'COMP-08',
        severity: 'warn',
        message:
          '年度总体目标中有 2 项内容找不到对应的绩效指标：「织密群防群治网络」、「营造浓厚爱路护路的氛围」。',
        path: 'projects[0].form.annualGoal',
        data: {
          count: 2,
          themes: ['织密群防群治网络', '营造浓厚爱路护路的氛围'],
          themeList: '「织密群防群治网络」、「营造浓厚爱路护路的氛围」',
        },
      },
    ]);
  });

  it("does not count words of the department's own name as coverage", () => {
    const findings = runRule(rule, {
      project: {
        form: {
          annualGoal: '推进司法局普法宣传',
          indicators: BASE_INDICATORS.map((x, i) => (i === 5 ? { ...x, name: '司法局满意度' } : x)),
        },
      },
    });
    expect(findings).toMatchObject([{ data: { themes: ['推进司法局普法宣传'] } }]);
  });

  it('warns when the 数量指标 count nothing (only shares)', () => {
    const findings = runRule(rule, {
      project: {
        form: {
          indicators: BASE_INDICATORS.map((x, i) =>
            i === 1 ? { ...x, name: '全面走访对象', operator: '=', value: '100.00', unit: '%' } : x,
          ),
        },
      },
    });
    expect(findings).toEqual([
      {
        ruleId: 'COMP-08',
        severity: 'warn',
        message: '产出数量指标只有比例或定性值（全面走访对象 =100.00(%)），没有工作量或服务量的绝对数。',
        path: 'projects[0].form.indicators[1]',
        data: { names: ['全面走访对象 =100.00(%)'] },
      },
    ]);
  });

  it('points at P01, P06 and P10 of the fixture (and P04, whose 宣传 goal has no indicator)', () => {
    const findings = reviewDisclosure(fixture, undefined, [rule]);
    const projects = findingProjects(findings);
    for (const p of ['P01', 'P06', 'P10']) expect(projects).toContain(p);
    expect([...new Set(projects)]).toEqual(['P01', 'P04', 'P06', 'P10']);
    const themes = findings.flatMap((f) => (Array.isArray(f.data.themes) ? f.data.themes : []));
    expect(themes).toEqual(
      expect.arrayContaining([
        '织密群防群治网络',
        '营造浓厚的扫黑除恶氛围',
        '营造浓厚爱路护路的氛围',
        '开展法学和法律政策研究活动',
        '完善资产数据库建设及管理服务',
        '提供综治专网、网络安全、技术支持等管理服务',
      ]),
    );
    expect(findings.find((f) => f.path === 'projects[9].form.indicators[1]')?.data).toEqual({
      names: ['全面走访对象 =100.00(%)'],
    });
  });
});
