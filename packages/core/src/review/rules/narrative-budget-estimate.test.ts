import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../../testdata/fixture.ts';
import { reviewDisclosure } from '../engine.ts';
import { BASE_PROJECT_JSON, runRule } from '../testing.ts';
import rule from './narrative-budget-estimate.ts';

const base = BASE_PROJECT_JSON.explanation.sections;
/** The base 说明 (budget 1,000,000.00) with section texts replaced by number. */
const texts = (byNumber: Record<string, string>, form: object = {}) => ({
  project: {
    form,
    explanation: { sections: base.map((s) => ({ ...s, text: byNumber[s.number] ?? s.text })) },
  },
});
const overview = (text: string) => texts({ 一: text });

describe('FUND-07 narrative-budget-estimate', () => {
  it.each([
    ['the base project', {}],
    ['an estimate equal to the budget', overview('对系统进行运维，经测算，预算资金约100万元')],
    ['an estimate within 1%', overview('经测算，预算资金约100.5万元。')],
    ['an amount in 元', overview('本项目预算1,000,000.00元，用于系统运维。')],
    [
      'itemised amounts are FUND-06’s',
      texts({ 四: '人员2人，其中工资319400元，体检费1600元，餐费9600元。' }),
    ],
    ['parts after 其中', overview('项目资金100万元，其中财政资金80万元，自筹资金20万元。')],
    ['money of an earlier year', overview('2023年项目资金80万元，本年继续实施。')],
    ['money already spent', overview('前期已投入资金300万元。')],
    ['a unit price', overview('按每人每月5000元的经费标准购买服务。')],
    ['年度预算安排 itself (FUND-05’s)', texts({ 六: '预算900000元。' })],
    ['amounts that are not budget figures', overview('系统合同单价48000元。')],
    [
      'a 阶段性项目 naming its whole-life money',
      texts(
        { 一: '项目总投资约1030.8万元，分三年实施。' },
        {
          nature: '阶段性项目',
          endDate: '2026-12-31',
          funds: { total: '10308000.00', fiscal: '10308000.00' },
        },
      ),
    ],
    ['no 说明', { project: { explanation: null } }],
  ])('passes %s', (_name, input) => {
    expect(runRule(rule, input)).toEqual([]);
  });

  it('reports an estimate off by more than 1% (P10: 约1800万元 vs 1915.80万元)', () => {
    const findings = runRule(rule, overview('委托第三方实施服务项目，经测算，预算资金约90万元'));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'FUND-07',
      severity: 'warn',
      path: 'projects[0].explanation.sections[0]',
      data: {
        expected: '1000000.00',
        actual: '900000.00',
        diff: '-100000.00',
        diffWan: '10.00',
        percent: '10.00',
        printed: '90万元',
      },
    });
    expect(findings[0]?.message).toBe(
      '说明「一、项目概述」所述“预算资金约90万元”与年度资金申请总额 1,000,000.00 元（100.00万元）相差 10.00万元（10.00%），超出 ±1% 的容差。',
    );
  });

  it('reports an amount in 元 in 元', () => {
    const [finding] = runRule(rule, overview('本项目预算980000元。'));
    expect(finding?.message).toBe(
      '说明「一、项目概述」所述“本项目预算980000元”与年度资金申请总额 1,000,000.00 元相差 20,000.00 元（2.00%），超出 ±1% 的容差。',
    );
  });

  it('takes the tolerance from the profile', () => {
    const input = overview('经测算，预算资金约96万元。');
    expect(runRule(rule, input)).toHaveLength(1);
    expect(runRule(rule, input, { name: 'loose', options: { narrativeTolerancePercent: 5 } })).toEqual([]);
  });

  it('reads a renamed section wherever it is', () => {
    const findings = runRule(rule, {
      project: {
        explanation: {
          sections: [
            { number: '一', title: '预算安排', text: '预算1000000元。' },
            { number: '二', title: '项目概况', text: '经测算，所需经费约120万元。' },
          ],
        },
      },
    });
    expect(findings.map((f) => [f.path, f.data.actual])).toEqual([
      ['projects[0].explanation.sections[1]', '1200000.00'],
    ]);
  });

  it('fires on P10 only in the Songjiang fixture (约1800万元 vs 1915.80万元, 115.80万元 apart)', () => {
    const findings = reviewDisclosure(fixture, undefined, [rule]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      path: 'projects[9].explanation.sections[0]',
      data: {
        expected: '19158000.00',
        actual: '18000000.00',
        diff: '-1158000.00',
        expectedWan: '1915.80',
        actualWan: '1800.00',
        diffWan: '115.80',
        percent: '6.04',
      },
    });
  });
});
