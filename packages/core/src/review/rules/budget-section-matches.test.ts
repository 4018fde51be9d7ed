import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../../testdata/fixture.ts';
import { reviewDisclosure } from '../engine.ts';
import { BASE_PROJECT_JSON, runRule } from '../testing.ts';
import rule from './budget-section-matches.ts';

const base = BASE_PROJECT_JSON.explanation.sections;
/** The base 说明 with the text of 六、年度预算安排 replaced. */
const budgetText = (text: string, budgetYuan: string | null = '1000000.00') => ({
  project: {
    explanation: { budgetYuan, sections: base.map((s) => (s.number === '六' ? { ...s, text } : s)) },
  },
});

describe('FUND-05 budget-section-matches', () => {
  it.each([
    ['the base project', {}],
    ['an amount in 元 without decimals', budgetText('预算1000000元。')],
    ['an amount with separators', budgetText('预算1,000,000.00元。')],
    ['an amount in 万元', budgetText('本项目预算金额为100.00万元。')],
    ['whole 万元', budgetText('预算100万元')],
    ['a total followed by its items', budgetText('预算1000000元，其中服务费800000元，设备费200000元。')],
    ['a unit price beside the total', budgetText('按每人每月5000元标准，预算1000000元。')],
    [
      'a renamed section in another place',
      {
        project: {
          explanation: {
            sections: [
              { number: '一', title: '项目概况', text: '系统运维。' },
              { number: '二', title: '预算安排', text: '预算金额为100万元。' },
            ],
          },
        },
      },
    ],
    ['no 说明 at all', { project: { explanation: null } }],
    ['a section without an amount, no budgetYuan', budgetText('（详见附表）', null)],
    ['a section without an amount, budgetYuan agrees', budgetText('（详见附表）')],
  ])('passes %s', (_name, input) => {
    expect(runRule(rule, input)).toEqual([]);
  });

  it('reports a different amount in 元', () => {
    const findings = runRule(rule, budgetText('预算900000.00元。'));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'FUND-05',
      severity: 'error',
      path: 'projects[0].explanation.sections[5]',
      data: { expected: '1000000.00', actual: '900000.00', diff: '-100000.00' },
    });
    expect(findings[0]?.message).toBe(
      '说明「六、年度预算安排」所列预算 900,000.00 元 ≠ 年度资金申请总额 1,000,000.00 元（相差 -100,000.00 元）。',
    );
  });

  it('compares 万元 to the fen', () => {
    const [finding] = runRule(rule, budgetText('预算金额为99.50万元'));
    expect(finding?.data).toMatchObject({ expected: '1000000.00', actual: '995000.00', diff: '-5000.00' });
    expect(finding?.message).toBe(
      '说明「六、年度预算安排」所列预算 99.50万元（995,000.00 元） ≠ 年度资金申请总额 1,000,000.00 元（相差 -5,000.00 元）。',
    );
  });

  it('falls back to budgetYuan when the section is missing', () => {
    const findings = runRule(rule, {
      project: { explanation: { budgetYuan: '1200000.00', sections: base.filter((s) => s.number !== '六') } },
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      path: 'projects[0].explanation.budgetYuan',
      data: { expected: '1000000.00', actual: '1200000.00', diff: '200000.00' },
    });
  });

  it('passes all 10 Songjiang forms (六 = annualTotal, 预算3680000元 and 预算19158000元 included)', () => {
    expect(reviewDisclosure(fixture, undefined, [rule])).toEqual([]);
  });
});
