import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../../testdata/fixture.ts';
import { reviewDisclosure } from '../engine.ts';
import { BASE_PROJECT_JSON, runRule } from '../testing.ts';
import rule from './itemised-amounts-sum.ts';

const base = BASE_PROJECT_JSON.explanation.sections;
/** The base 说明 (budget 1,000,000.00) with section texts replaced by number. */
const texts = (byNumber: Record<string, string>, form: object = {}) => ({
  project: {
    form,
    explanation: { sections: base.map((s) => ({ ...s, text: byNumber[s.number] ?? s.text })) },
  },
});
const p09Funds = {
  funds: {
    total: '330800.00',
    fiscal: '330800.00',
    annualTotal: '330800.00',
    currentYearAppropriation: '330800.00',
  },
};

describe('FUND-06 itemised-amounts-sum', () => {
  it.each([
    ['the base project', {}],
    ['items that add up', texts({ 四: '人员2人，其中工资900000元，体检费40000元，餐费60000元。按月支付' })],
    [
      'dates and counts are not amounts',
      texts({ 四: '2024年1月至2024年12月，人员2人，每月巡检1次，共12次。' }),
    ],
    ['a total followed by its items', texts({ 六: '预算1000000元，其中服务费800000元，设备费200000元。' })],
    ['items followed by their total', texts({ 六: '服务费800000元、设备费200000元，合计1000000元。' })],
    [
      'subtotals with their parts',
      texts({ 四: '硬件费用30万元：服务器20万元，存储10万元；软件费用70万元。' }),
    ],
    ['items in 万元 rounded as printed', texts({ 四: '服务33.3万元，运维33.3万元，设备33.3万元。' })],
    [
      'unit prices and thresholds are not items',
      texts({ 四: '服务费600000元（按300元/小时计），设备费400000元；单项50万元以上须招标。' }),
    ],
    [
      'earlier money beside this year’s breakdown',
      texts({ 四: '前期已投入200万元，本年度预算100万元，其中设备60万元，服务40万元。' }),
    ],
    ['one amount is not a breakdown', texts({ 四: '服务费900000元。' })],
    [
      'a 阶段性项目 itemising its whole life',
      texts(
        { 四: '2024年500000元，2025年500000元，2026年500000元。' },
        { nature: '阶段性项目', endDate: '2026-12-31', funds: { total: '1500000.00', fiscal: '1500000.00' } },
      ),
    ],
    ['no 说明', { project: { explanation: null } }],
  ])('passes %s', (_name, input) => {
    expect(runRule(rule, input)).toEqual([]);
  });

  it('reports items that miss the budget (P09: 330,600.00 ≠ 330,800.00)', () => {
    const findings = runRule(
      rule,
      texts(
        { 四: '人员2人，其中工资319400元，体检费1600元，餐费9600元。按月支付', 六: '预算330800.00元。' },
        p09Funds,
      ),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'FUND-06',
      severity: 'error',
      path: 'projects[0].explanation.sections[3]',
      data: {
        expected: '330800.00',
        actual: '330600.00',
        diff: '-200.00',
        labels: ['工资', '体检费', '餐费'],
        amounts: ['319400.00', '1600.00', '9600.00'],
      },
    });
    expect(findings[0]?.message).toBe(
      '说明「四、实施方案」分项金额 工资 319,400.00 元 + 体检费 1,600.00 元 + 餐费 9,600.00 元 = 330,600.00 元 ≠ 年度资金申请总额 330,800.00 元（相差 -200.00 元）。',
    );
  });

  it('reports items in 万元', () => {
    const [finding] = runRule(rule, texts({ 四: '设备费50万元，服务费30万元。' }));
    expect(finding?.data).toMatchObject({ actual: '800000.00', diff: '-200000.00' });
    expect(finding?.message).toContain('设备费 50万元 + 服务费 30万元 = 800,000.00 元');
  });

  it('reports a 年度预算安排 whose items miss its own total', () => {
    const findings = runRule(rule, texts({ 六: '预算1000000元，其中服务费700000元，设备费200000元。' }));
    expect(findings.map((f) => [f.path, f.data.actual])).toEqual([
      ['projects[0].explanation.sections[5]', '900000.00'],
    ]);
  });

  it('finds 实施方案 under another number and title', () => {
    const findings = runRule(rule, {
      project: {
        explanation: {
          sections: [
            { number: '一', title: '项目概况', text: '系统运维。' },
            { number: '二', title: '实施内容', text: '运维费600000元，设备费300000元。' },
          ],
        },
      },
    });
    expect(findings.map((f) => f.path)).toEqual(['projects[0].explanation.sections[1]']);
  });

  it('fires on P09 only in the Songjiang fixture (工资319400 + 体检费1600 + 餐费9600)', () => {
    const findings = reviewDisclosure(fixture, undefined, [rule]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      path: 'projects[8].explanation.sections[3]',
      data: { expected: '330800.00', actual: '330600.00', diff: '-200.00' },
    });
  });
});
