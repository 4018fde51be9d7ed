import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../../testdata/fixture.ts';
import { reviewDisclosure } from '../engine.ts';
import { runRule } from '../testing.ts';
import { countByProject, quant, replacingIndicator } from './_wording-testkit.ts';
import rule from './satisfaction-subject.ts';

const asked = (name: string, subjectName: string, overview?: string) => ({
  project: {
    form: {
      name,
      ...replacingIndicator(5, quant('满意度指标', '服务对象满意度指标', subjectName, '≥', '90.00', '%'))
        .form,
    },
    ...(overview ? { explanation: { sections: [{ number: '一', title: '项目概述', text: overview }] } } : {}),
  },
});

describe('REL-06 satisfaction-subject', () => {
  it.each([
    ['the base project (系统使用人员)', {}],
    ['users of a back-office system', asked('社区矫正信息系统运维', '用户满意度')],
    ['the public about a public website', asked('政法综治信息网（运维)', '群众满意度')],
    ['the public about public work', asked('平安维稳', '群众满意率')],
    ['employers about a training for job seekers', asked('失业人员职业技能培训', '用人单位满意度')],
  ])('passes %s', (_name, input) => {
    expect(runRule(rule, input)).toEqual([]);
  });

  it.each([
    [
      'the public about a back-office system (P03)',
      asked('医疗机构特殊管理药品智能化监管检测信息系统（运维）', '群众满意度'),
      'publicBackOffice',
    ],
    ['the employer about its own staff (P09)', asked('编外人员工作经费', '用人单位满意度'), 'selfRating'],
    [
      'the employer when the overview says so',
      asked('后勤保障经费', '用人单位满意度', '主要实施内容为支付非编人员用工成本。'),
      'selfRating',
    ],
    ['the unit about itself', asked('培训费', '本单位满意度'), 'selfRating'],
  ])('reports %s', (_name, input, kind) => {
    const findings = runRule(rule, input);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain(kind === 'selfRating' ? '自己评价自己' : '内部业务系统');
  });

  it('names the subject', () => {
    expect(runRule(rule, asked('编外人员工作经费', '用人单位满意度'))[0]).toMatchObject({
      ruleId: 'REL-06',
      severity: 'info',
      path: 'projects[0].form.indicators[5]',
      data: { subject: '用人单位', name: '用人单位满意度' },
    });
  });

  it('finds P03 (群众 for a back-office system) and P09 (用人单位) in the Songjiang fixture', () => {
    const findings = reviewDisclosure(fixture, undefined, [rule]);
    expect(countByProject(findings)).toEqual({ P03: 1, P09: 1 });
  });
});
