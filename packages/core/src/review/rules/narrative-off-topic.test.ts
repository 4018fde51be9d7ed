import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../../testdata/fixture.ts';
import { reviewDisclosure } from '../engine.ts';
import { runRule } from '../testing.ts';
import { countByProject, replacingSections } from './_wording-testkit.ts';
import rule from './narrative-off-topic.ts';

const project = (name: string, sections: Record<number, string>, annualGoal?: string) => ({
  project: { form: { name, ...(annualGoal ? { annualGoal } : {}) }, ...replacingSections(sections) },
});

describe('REL-03 narrative-off-topic', () => {
  it.each([
    ['the base project', { project: {} }],
    [
      'the 概述 names this project',
      project('平安松江信息中心数据运营服务', {
        0: '区委政法委拟委托第三方实施平安松江信息中心数据运营服务项目。',
      }),
    ],
    [
      'the 概述 names it loosely',
      project('社区矫正信息系统运维', { 0: '实施社区矫正信息化运维项目，保障系统运行。' }),
    ],
    ['实施本项目 names nothing', project('社区矫正信息系统运维', { 0: '按计划实施本项目，保障系统运行。' })],
    [
      'a development project described as development',
      project(
        '禁毒预警平台（二期）',
        { 0: '开展平台二期软件开发。', 3: '完成需求分析、开发和测试。' },
        '完成平台二期开发',
      ),
    ],
    [
      'a development project whose plan also covers maintenance',
      project('禁毒预警平台（二期）', { 0: '完成平台二期开发，并做好运行维护。' }, '完成平台二期开发'),
    ],
    [
      'a basis sharing a topic with the project',
      project('社区矫正信息系统运维', { 1: '根据《关于加强社区矫正工作的意见》。' }),
    ],
    [
      'a basis citing only a law',
      project('社区矫正信息系统运维', { 1: '根据《中华人民共和国政府采购法》。' }),
    ],
    [
      'one related title among unrelated ones',
      project('社区矫正信息系统运维', {
        1: '根据《关于加强医疗机构特殊管理药品监管监测工作的实施方案》《社区矫正工作规范》。',
      }),
    ],
  ])('passes %s', (_name, input) => {
    expect(runRule(rule, input)).toEqual([]);
  });

  it.each([
    [
      'the 概述 names another project',
      project('松江区禁毒智能化管理平台(运维)', {
        0: '区委政法委拟于2024年1月实施禁毒工作经费项目，主要实施内容为网络信息系统运行与维护。',
      }),
      'otherProject',
    ],
    [
      'a phase-2 project described as maintenance',
      project(
        '禁毒智能预警服务管理平台（二期）',
        { 0: '主要实施内容为网络信息系统运行与维护。' },
        '完成禁毒智能预警服务管理平台软件开发应用',
      ),
      'phase',
    ],
    [
      'a maintenance project described as development',
      project('社区矫正信息系统运维', { 0: '完成社区矫正信息系统的软件开发。' }),
      'phase',
    ],
    [
      'a website whose basis is about medicines',
      project(
        '政法综治信息网（运维）',
        { 1: '根据《关于加强医疗机构特殊管理药品监管监测工作的实施方案》' },
        '提高政法综治宣传工作水平',
      ),
      'basis',
    ],
  ])('reports %s', (_name, input, kind) => {
    const findings = runRule(rule, input);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain(
      { otherProject: '说明疑为其他项目所写', phase: '说明与项目不符', basis: '立项依据疑为其他项目所写' }[
        kind
      ],
    );
  });

  it('quotes the stated project and the real name', () => {
    const findings = runRule(
      rule,
      project('松江区禁毒智能化管理平台(运维)', { 0: '区委政法委拟于2024年1月实施禁毒工作经费项目。' }),
    );
    expect(findings).toEqual([
      {
        ruleId: 'REL-03',
        severity: 'warn',
        message:
          '「项目概述」称实施「禁毒工作经费项目」，与项目名称「松江区禁毒智能化管理平台(运维)」不符，说明疑为其他项目所写。',
        path: 'projects[0].explanation.sections[0]',
        data: { title: '项目概述', stated: '禁毒工作经费', name: '松江区禁毒智能化管理平台(运维)' },
      },
    ]);
  });

  it('finds P04, P05, P07 and P08 in the Songjiang fixture', () => {
    const findings = reviewDisclosure(fixture, undefined, [rule]);
    const counts = countByProject(findings);
    for (const p of ['P04', 'P05', 'P07', 'P08']) expect(counts[p], p).toBeGreaterThan(0);
    // P04: the basis is about 医疗机构特殊管理药品; P05: "禁毒工作经费项目"
    expect(findings.find((f) => f.path.startsWith('projects[3]'))?.data.titles).toEqual([
      '关于加强医疗机构特殊管理药品监管监测工作的实施方案',
    ]);
    expect(findings.find((f) => f.path.startsWith('projects[4]'))?.data.stated).toBe('禁毒工作经费');
    // P07/P08: development (二期) described as 运行与维护
    for (const i of [6, 7]) {
      expect(
        findings.some((f) => f.path.startsWith(`projects[${i}]`) && f.data.narrativeWord === '运行与维护'),
      ).toBe(true);
    }
    // known extra: P10's 概述 calls it 重点人群管理和服务项目
    expect(counts).toEqual({ P04: 1, P05: 1, P07: 3, P08: 3, P10: 1 });
  });
});
