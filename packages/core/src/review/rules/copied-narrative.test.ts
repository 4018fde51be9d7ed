import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../../testdata/fixture.ts';
import { reviewDisclosure } from '../engine.ts';
import { runRule } from '../testing.ts';
import { countByProject, replacingSections } from './_wording-testkit.ts';
import rule from './copied-narrative.ts';

const OVERVIEW = '为保证系统平台的正常、可靠、高速运行，保证对突发事件、需求变更进行快速响应。';
const disclosure = (...projects: unknown[]) => ({ disclosure: { projects } });
/** The base project's 说明 differs per project unless a test copies it: give each its own texts. */
const own = (n: number) =>
  replacingSections({
    0: `第${n}个项目的概述，说明本项目要做的事情。`,
    1: `第${n}个项目的立项依据，引用本项目的文件。`,
    3: `第${n}个项目的实施方案，说明本项目的做法。`,
  });

describe('REL-02 copied-narrative', () => {
  it.each([
    ['the base project alone', { project: {} }],
    ['two projects with their own texts', disclosure(own(1), own(2))],
    [
      'the same 实施主体, 实施周期 and 绩效目标 (stock text)',
      disclosure(own(1), own(2)), // both keep the base's 第三方服务机构, dates and （详见…）
    ],
    [
      'the same short generic basis',
      disclosure(
        { explanation: { sections: [{ number: '二', title: '立项依据', text: '根据部门工作要求。' }] } },
        { explanation: { sections: [{ number: '二', title: '立项依据', text: '根据部门工作要求。' }] } },
      ),
    ],
    [
      'one text under different headings',
      disclosure(
        { explanation: { sections: [{ number: '一', title: '项目概述', text: OVERVIEW }] } },
        { explanation: { sections: [{ number: '四', title: '实施方案', text: OVERVIEW }] } },
      ),
    ],
  ])('passes %s', (_name, input) => {
    expect(runRule(rule, input)).toEqual([]);
  });

  it.each([
    ['the base 说明 in two projects', disclosure({}, {}), 2],
    [
      'one copied 概述',
      disclosure(replacingSections({ 0: OVERVIEW }), own(2), replacingSections({ 0: OVERVIEW })),
      2,
    ],
    [
      'a copy differing only in punctuation and spaces',
      disclosure(
        replacingSections({ 0: OVERVIEW }),
        replacingSections({ 0: OVERVIEW.replaceAll('，', ' ') }),
      ),
      2,
    ],
    ['three projects sharing a text', disclosure({}, {}, {}), 3],
  ])('reports %s', (_name, input, count) => {
    expect(runRule(rule, input)).toHaveLength(count);
  });

  it('reports once per project, at its first copied section, naming the others', () => {
    const findings = runRule(rule, disclosure(own(1), {}, {}));
    expect(findings).toEqual([
      {
        ruleId: 'REL-02',
        severity: 'warn',
        message: 'P02 的项目概述、立项依据、实施方案与 P03 完全相同，疑为复制，未针对本项目说明。',
        path: 'projects[1].explanation.sections[0]',
        data: {
          project: 'P02',
          sections: ['项目概述', '立项依据', '实施方案'],
          sectionIndices: [0, 1, 3],
          others: ['P03'],
          otherCount: 1,
          sectionsText: '项目概述、立项依据、实施方案',
          othersText: 'P03',
        },
      },
      expect.objectContaining({
        path: 'projects[2].explanation.sections[0]',
        data: expect.objectContaining({ others: ['P02'] }),
      }),
    ]);
  });

  it('lists a few of many copies and counts them all', () => {
    const findings = runRule(rule, disclosure(...Array.from({ length: 8 }, () => ({}))));
    expect(findings).toHaveLength(8);
    expect(findings[0]?.data).toMatchObject({ others: ['P02', 'P03', 'P04', 'P05', 'P06'], otherCount: 7 });
    expect(findings[0]?.message).toContain('P02、P03、P04、P05、P06 等 7 个项目');
  });

  it('finds {P03, P04} and {P05, P07, P08} in the Songjiang fixture, not P06', () => {
    const findings = reviewDisclosure(fixture, undefined, [rule]);
    expect(countByProject(findings)).toEqual({ P03: 1, P04: 1, P05: 1, P07: 1, P08: 1 });
    expect(findings.map((f) => [f.data.project, f.data.others, f.data.sections])).toEqual([
      ['P03', ['P04'], ['项目概述', '立项依据', '实施方案']],
      ['P04', ['P03'], ['项目概述', '立项依据', '实施方案']],
      ['P05', ['P07', 'P08'], ['项目概述', '立项依据', '实施方案']],
      ['P07', ['P05', 'P08'], ['项目概述', '立项依据', '实施方案']],
      ['P08', ['P05', 'P07'], ['项目概述', '立项依据', '实施方案']],
    ]);
  });
});
