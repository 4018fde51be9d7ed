import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../../testdata/fixture.ts';
import { reviewDisclosure } from '../engine.ts';
import { runRule } from '../testing.ts';
import { findingProjects } from './_disclosure-util.ts';
import rule from './explanation-sections.ts';

/** A 说明 with these [number, title] parts (text is not looked at). */
const parts = (...p: [string, string][]) => ({
  project: { explanation: { sections: p.map(([number, title]) => ({ number, title, text: '内容。' })) } },
});

describe('COMP-05 explanation-sections', () => {
  it.each([
    ['the base project', {}],
    [
      'title variants and Arabic numbers',
      parts(
        ['1', '项目概况'],
        ['2', '立项依据'],
        ['3', '实施主体'],
        ['4', '实施方案'],
        ['5', '实施周期'],
        ['6', '年度预算安排'],
        ['7', '绩效目标'],
      ),
    ],
    ['no 说明 at all (DISC-05 speaks)', { project: { explanation: null } }],
  ])('passes %s', (_name, input) => {
    expect(runRule(rule, input)).toEqual([]);
  });

  it('notes (info) 三 实施方案 before 四 实施主体', () => {
    const findings = runRule(
      rule,
      parts(
        ['一', '项目概述'],
        ['二', '立项依据'],
        ['三', '实施方案'],
        ['四', '实施主体'],
        ['五', '实施周期'],
        ['六', '年度预算安排'],
        ['七', '绩效目标'],
      ),
    );
    expect(findings).toEqual([
      {
        ruleId: 'COMP-05',
        severity: 'info',
        message:
          '项目经费情况说明把「实施方案」（第三部分）排在「实施主体」（第四部分）之前，通行顺序是三、实施主体，四、实施方案。',
        path: 'projects[0].explanation.sections[2]',
        data: {
          first: '实施方案',
          firstNumber: '三',
          second: '实施主体',
          secondNumber: '四',
          expected: '三、实施主体，四、实施方案',
        },
      },
    ]);
  });

  it('warns on a missing part whose number is skipped (P08: no 四)', () => {
    const findings = runRule(
      rule,
      parts(
        ['一', '项目概述'],
        ['二', '立项依据'],
        ['三', '实施方案'],
        ['五', '实施周期'],
        ['六', '年度预算安排'],
        ['七', '绩效目标'],
      ),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: 'warn',
      path: 'projects[0].explanation.sections',
      data: { missing: ['实施主体'], skipped: ['四'] },
    });
    expect(findings[0]?.message).toBe(
      '项目经费情况说明缺少「实施主体」部分，编号跳过了第四部分（现有：一、项目概述；二、立项依据；三、实施方案；五、实施周期；六、年度预算安排；七、绩效目标）。',
    );
  });

  it('warns on a missing part numbered without a gap', () => {
    const findings = runRule(
      rule,
      parts(
        ['一', '项目概述'],
        ['二', '立项依据'],
        ['三', '实施主体'],
        ['四', '实施方案'],
        ['五', '实施周期'],
        ['六', '年度预算安排'],
      ),
    );
    expect(findings).toMatchObject([{ severity: 'warn', data: { missing: ['绩效目标'], skipped: [] } }]);
    expect(findings[0]?.message).toMatch(/^项目经费情况说明缺少「绩效目标」部分（现有：/);
  });

  it('warns on numbering that skips although every part is there', () => {
    const findings = runRule(
      rule,
      parts(
        ['一', '项目概述'],
        ['二', '立项依据'],
        ['三', '实施主体'],
        ['四', '实施方案'],
        ['六', '实施周期'],
        ['七', '年度预算安排'],
        ['八', '绩效目标'],
      ),
    );
    expect(findings).toMatchObject([{ severity: 'warn', data: { skipped: ['五'] } }]);
    expect(findings[0]?.message).toMatch(/^项目经费情况说明的编号不连续，跳过了第五部分/);
  });

  it('finds the order case on P05, P06, P07, P10 and the missing 四 on P08 of the fixture', () => {
    const findings = reviewDisclosure(fixture, undefined, [rule]);
    expect(findings.map((f) => [findingProjects([f])[0], f.severity])).toEqual([
      ['P05', 'info'],
      ['P06', 'info'],
      ['P07', 'info'],
      ['P08', 'warn'],
      ['P10', 'info'],
    ]);
    expect(findings[3]?.data).toMatchObject({ missing: ['实施主体'], skipped: ['四'] });
  });
});
