/**
 * domain.md §7: what the review must find in the Songjiang fixture. Exact for the rules §7.4 calls
 * exact (per project, with counts); for heuristic rules, raised at least on the projects listed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeDisclosure } from '../model/schema.ts';
import { reviewDisclosure } from './engine.ts';
import { RULES_BY_ID } from './registry.ts';
import type { Finding } from './types.ts';

const fixture = decodeDisclosure(
  JSON.parse(readFileSync(join(import.meta.dirname, '../../../../testdata/songjiang-zfw-2024.json'), 'utf8')),
);
const findings = reviewDisclosure(fixture);

const ALL = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
function projectOf(f: Finding): number | null {
  const m = /^projects\[(\d+)\]/.exec(f.path);
  return m ? Number(m[1]) + 1 : null;
}
/** P-number → count of findings of a rule (optionally one message severity). */
function countsOf(ruleId: string, severity?: string): Record<number, number> {
  const out: Record<number, number> = {};
  for (const f of findings) {
    if (f.ruleId !== ruleId || (severity && f.severity !== severity)) continue;
    const p = projectOf(f) ?? 0;
    out[p] = (out[p] ?? 0) + 1;
  }
  return out;
}
const each = (ps: number[], n = 1) => Object.fromEntries(ps.map((p) => [p, n]));

describe('review of the Songjiang fixture (domain.md §7)', () => {
  it('never fails inside a rule', () => {
    expect(findings.filter((f) => f.ruleId === 'ENGINE')).toEqual([]);
  });

  // Exact rules: per project, exactly these counts, nowhere else.
  it.each<[string, Record<number, number>]>([
    ['FUND-01', {}],
    ['FUND-02', {}],
    ['FUND-03', {}],
    ['FUND-04', {}],
    ['FUND-05', {}],
    ['FUND-06', each([9])],
    ['FUND-07', each([10])],
    ['FUND-08', each(ALL)],
    ['COST-01', each([1])],
    ['COST-02', each([8, 10])],
    ['COST-03', {}],
    ['COST-04', {}],
    ['COMP-01', {}],
    ['COMP-02', {}],
    ['COMP-03', each(ALL)],
    ['COMP-04', {}],
    ['COMP-06', each([2, 5, 7, 8])],
    ['COMP-07', {}],
    ['DISC-01', {}],
    ['DISC-02', {}],
    ['DISC-03', {}],
    ['DISC-04', {}],
    ['DISC-05', {}],
    ['APPR-01', each([2, 7, 8, 9])],
    ['APPR-02', each([2, 4])],
    ['APPR-03', each([7, 8, 9])],
    ['FMT-01', { 1: 2, 2: 2, 3: 2, 4: 2, 5: 2, 6: 2, 7: 3, 8: 4, 9: 2, 10: 3 }],
    ['FMT-02', { 1: 2, 2: 2, 3: 1, 5: 1, 7: 1, 9: 1 }],
    ['FMT-04', each([6, 7, 10])],
    ['FMT-05', each([4, 5])],
    ['REL-01', each(ALL)],
    ['REL-02', each([3, 4, 5, 7, 8])],
    ['CLS-01', {}],
  ])('%s fires exactly as §7.4 lists', (ruleId, expected) => {
    expect(RULES_BY_ID.has(ruleId), `${ruleId} is registered`).toBe(true);
    expect(countsOf(ruleId)).toEqual(expected);
  });

  it('COMP-05 reports the 三 实施方案 / 四 实施主体 order as info and P08’s missing 四 as a warning', () => {
    expect(countsOf('COMP-05', 'info')).toEqual(each([5, 6, 7, 10]));
    expect(countsOf('COMP-05', 'warn')).toEqual(each([8]));
  });

  // Heuristic and manual-assist rules: raised at least on the projects listed.
  it.each<[string, number[]]>([
    ['APPR-04', [1, 5, 7]],
    ['APPR-05', [10]],
    ['CLS-02', [7, 8]],
    ['CLS-03', [9, 10]],
    ['COMP-08', [1, 6, 10]],
    ['REL-03', [4, 5, 7, 8]],
    ['REL-04', [5]],
    ['REL-05', [4, 9]],
    ['REL-06', [3, 9]],
    ['FMT-03', [4]],
    ['FMT-06', [1, 3, 6, 9]],
    ['FMT-07', [1, 6, 10]],
    ['STALE-01', [1, 5, 7, 8]],
    ['STALE-02', [1]],
  ])('%s is raised on the projects §7 names', (ruleId, projects) => {
    expect(RULES_BY_ID.has(ruleId), `${ruleId} is registered`).toBe(true);
    const raised = Object.keys(countsOf(ruleId)).map(Number);
    for (const p of projects) expect(raised, `${ruleId} on P${p}`).toContain(p);
  });

  it('does not raise APPR-04 on P02 (budget below the threshold) or P08 (an `=` target)', () => {
    expect(countsOf('APPR-04')).not.toHaveProperty('2');
    expect(countsOf('APPR-04')).not.toHaveProperty('8');
  });

  it('does not raise STALE-01 on standing or current documents (P06, P10)', () => {
    expect(countsOf('STALE-01')).not.toHaveProperty('6');
    expect(countsOf('STALE-01')).not.toHaveProperty('10');
  });

  it('puts the figures of §7.4 in the findings’ data', () => {
    const one = (ruleId: string, p: number) =>
      findings.find((f) => f.ruleId === ruleId && projectOf(f) === p);
    expect(one('COST-01', 1)?.data).toMatchObject({
      expected: '5850000.00',
      actual: '6100000.00',
      diff: '250000.00',
      percent: '4.27',
    });
    expect(one('COST-02', 8)?.data).toMatchObject({ coverage: '34.24', gap: '153625.00' });
    expect(one('COST-02', 10)?.data).toMatchObject({ coverage: '93.96', gap: '1158000.00' });
    expect(one('FUND-06', 9)?.data).toMatchObject({
      expected: '330800.00',
      actual: '330600.00',
      diff: '-200.00',
    });
    expect(one('FUND-07', 10)?.data).toMatchObject({ diffWan: '115.80' });
    for (const f of findings) {
      if (projectOf(f) !== null) expect(f.path).toMatch(/^projects\[\d\]/);
      expect(f.message).toMatch(/\p{Script=Han}/u);
    }
  });
});
