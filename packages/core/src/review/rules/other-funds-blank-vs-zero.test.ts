import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../../testdata/fixture.ts';
import { reviewDisclosure } from '../engine.ts';
import { runRule } from '../testing.ts';
import rule from './other-funds-blank-vs-zero.ts';

const funds = (f: Record<string, string | null>) => ({ project: { form: { funds: f } } });

describe('FUND-08 other-funds-blank-vs-zero', () => {
  it.each([
    ['the base project (0.00 and 0.00)', {}],
    ['both blank', funds({ other: null, annualOther: null })],
    ['both filled', funds({ total: '1200000.00', other: '200000.00', annualOther: '0.00' })],
  ])('passes %s', (_name, input) => {
    expect(runRule(rule, input)).toEqual([]);
  });

  it.each([
    ['a blank whole-project cell', funds({ other: null }), 'form.funds.other', 'other', '0.00'],
    ['a blank annual cell', funds({ annualOther: null }), 'form.funds.annualOther', 'annualOther', '0.00'],
  ])('reports %s', (_name, input, path, blank, filled) => {
    const findings = runRule(rule, input);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'FUND-08',
      severity: 'info',
      path: `projects[0].${path}`,
      data: { blank, filled },
    });
  });

  it('says which cell is blank', () => {
    const [finding] = runRule(rule, funds({ other: null }));
    expect(finding?.message).toBe(
      '项目资金“其他资金”为空白，年度资金“其他资金”填 0.00 元：空白与数值混用，建议统一填写（无其他资金时填 0.00）。',
    );
  });

  it('fires on all 10 Songjiang forms: 其他资金 blank on the whole-project side, 0.00 for the year', () => {
    const findings = reviewDisclosure(fixture, undefined, [rule]);
    expect(findings.map((f) => f.path)).toEqual(
      Array.from({ length: 10 }, (_, i) => `projects[${i}].form.funds.other`),
    );
    for (const f of findings) expect(f.data).toMatchObject({ blank: 'other', filled: '0.00' });
  });
});
