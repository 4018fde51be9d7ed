import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../../testdata/fixture.ts';
import { reviewDisclosure } from '../engine.ts';
import { BASE_PROJECT_JSON, runRule } from '../testing.ts';
import { findingProjects } from './_disclosure-util.ts';
import rule from './explanation-truncated.ts';

/** The base 说明 with the text of part `i` replaced. */
const withText = (i: number, text: string) => ({
  project: {
    explanation: {
      sections: BASE_PROJECT_JSON.explanation.sections.map((s, j) => (j === i ? { ...s, text } : s)),
    },
  },
});

describe('COMP-06 explanation-truncated', () => {
  it.each([
    ['the base project', {}],
    [
      'numbered sub-items with content',
      withText(3, '1.实施周期：2024年1月至2024年12月。2.实施内容和计划：委托第三方开展运维服务。'),
    ],
    ['amounts with decimals are not sub-items', withText(5, '预算5850000.00元，其中1.5万元：备用。')],
    ['a part ending without a full stop', withText(2, '第三方服务机构')],
  ])('passes %s', (_name, input) => {
    expect(runRule(rule, input)).toEqual([]);
  });

  it('warns on a sub-item heading followed by nothing (P05, P07, P08)', () => {
    const findings = runRule(rule, withText(3, '1.实施周期：2024年1月1日至2024年12月31日2.实施内容和计划：'));
    expect(findings).toEqual([
      {
        ruleId: 'COMP-06',
        severity: 'warn',
        message: '项目经费情况说明第四部分「实施方案」中的子项「2.实施内容和计划：」后没有内容。',
        path: 'projects[0].explanation.sections[3]',
        data: { number: '四', title: '实施方案', item: '2.实施内容和计划：' },
      },
    ]);
  });

  it('warns on an empty sub-item in the middle', () => {
    const findings = runRule(rule, withText(1, '1.文件依据：2.工作职能：组织、协调禁毒工作。'));
    expect(findings).toMatchObject([{ data: { item: '1.文件依据：' } }]);
  });

  it.each([
    ['，', '进一步提高政法干部业务水平，提升政法工作履职能力，'],
    ['、', '保障系统运行、'],
    ['：', '主要内容如下：'],
  ])('warns on a part ending in「%s」', (last, text) => {
    const findings = runRule(rule, withText(0, text));
    expect(findings).toMatchObject([{ path: 'projects[0].explanation.sections[0]', data: { last } }]);
    expect(findings[0]?.message).toContain(`以「${last}」结尾，内容不完整`);
  });

  it('warns on an empty part', () => {
    expect(runRule(rule, withText(2, '  '))).toMatchObject([
      {
        message: '项目经费情况说明第三部分「实施主体」没有内容。',
        path: 'projects[0].explanation.sections[2]',
      },
    ]);
  });

  it('finds P02 (项目概述 ends「，」) and P05, P07, P08 (empty 2.实施内容和计划) in the fixture', () => {
    const findings = reviewDisclosure(fixture, undefined, [rule]);
    expect(findingProjects(findings)).toEqual(['P02', 'P05', 'P07', 'P08']);
    expect(findings.map((f) => f.path)).toEqual([
      'projects[1].explanation.sections[0]',
      'projects[4].explanation.sections[2]',
      'projects[6].explanation.sections[2]',
      'projects[7].explanation.sections[2]',
    ]);
  });
});
