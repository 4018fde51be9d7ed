import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeDisclosure } from '../model/schema.ts';
import { buildCase } from '../review/testing.ts';
import { renderSummarySentence, summarizeDisclosure } from './summary.ts';

const TESTDATA = join(import.meta.dirname, '../../../../testdata');
const fixture = decodeDisclosure(
  JSON.parse(readFileSync(join(TESTDATA, 'songjiang-zfw-2024.json'), 'utf8')) as unknown,
);
/** The opening sentence as the fixture prints it, line wraps and blank lines removed. */
const printedSentence = readFileSync(join(TESTDATA, 'songjiang-zfw-2024.txt'), 'utf8')
  .split('项目经费情况说明')[0]!
  .replace(/\s+/g, '');

const annual = (yuan: string, unit = '上海市某区司法局（本级）') => ({
  form: {
    implementingUnit: unit,
    funds: { total: yuan, fiscal: yuan, annualTotal: yuan, currentYearAppropriation: yuan },
  },
});

describe('summarizeDisclosure', () => {
  it('recomputes the Songjiang figures and agrees with the stated ones', () => {
    const s = summarizeDisclosure(fixture);
    expect(s.computed).toEqual({
      budgetUnitCount: 1,
      projectCount: 10,
      totalYuan: '30224865.00',
      totalWan: '3022.49',
      largeProjectCount: 1,
      largeThresholdWan: '1000',
    });
    expect(s.differences).toEqual([]);
    expect(s.stated?.totalWan).toBe('3022.49');
  });

  it('prints the sentence character for character as the fixture does', () => {
    expect(summarizeDisclosure(fixture).sentence).toBe(printedSentence);
    expect(printedSentence).toBe(
      '按照本市预算绩效管理工作的总体要求，本部门1个预算单位开展了2024年项目预算绩效目标编报工作，编报绩效目标的项目10个，涉及项目预算资金3022.49万元，其中预算金额1000万元（含）以上的项目有1个。',
    );
  });

  it('lists every stated figure that disagrees with the forms', () => {
    const d = buildCase({
      disclosure: {
        summary: {
          budgetUnitCount: 2,
          projectCount: 3,
          totalWan: '300.01',
          largeProjectCount: 1,
          largeThresholdWan: '100',
        },
        projects: [annual('1000000.00'), annual('2000000.00'), annual('999999.99')],
      },
    });
    const s = summarizeDisclosure(d);
    expect(s.computed).toMatchObject({ totalYuan: '3999999.99', totalWan: '400.00', largeProjectCount: 2 });
    expect(s.differences).toEqual([
      { field: 'budgetUnitCount', stated: 2, computed: 1 },
      { field: 'totalWan', stated: '300.01', computed: '400.00' },
      { field: 'largeProjectCount', stated: 1, computed: 2 },
    ]);
  });

  it('counts the threshold inclusively (（含）) and distinct 实施单位 ignoring whitespace', () => {
    const d = buildCase({
      disclosure: {
        projects: [
          annual('10000000.00', '甲单位'),
          annual('9999999.99', '甲 单位'),
          annual('10000000.01', '乙单位'),
        ],
      },
    });
    expect(summarizeDisclosure(d).computed).toMatchObject({ budgetUnitCount: 2, largeProjectCount: 2 });
  });

  it('renders no large-project clause when the stated summary has none', () => {
    const d = buildCase({
      disclosure: {
        summary: {
          budgetUnitCount: 1,
          projectCount: 1,
          totalWan: '100.00',
          largeProjectCount: null,
          largeThresholdWan: null,
        },
      },
    });
    const s = summarizeDisclosure(d, { scope: '区' });
    expect(s.computed.largeProjectCount).toBeNull();
    expect(s.computed.largeThresholdWan).toBeNull();
    expect(s.differences).toEqual([]);
    expect(s.sentence).toBe(
      '按照本区预算绩效管理工作的总体要求，本部门1个预算单位开展了2024年项目预算绩效目标编报工作，编报绩效目标的项目1个，涉及项目预算资金100.00万元。',
    );
  });

  it('uses the default 1000万元 clause when the document has no summary paragraph', () => {
    const s = summarizeDisclosure(buildCase({ project: {} }));
    expect(s.stated).toBeNull();
    expect(s.differences).toEqual([]);
    expect(s.computed).toMatchObject({ largeThresholdWan: '1000', largeProjectCount: 0 });
    expect(s.sentence).toContain('其中预算金额1000万元（含）以上的项目有0个。');
  });

  it('takes the stated threshold, e.g. 500万元', () => {
    const d = buildCase({
      disclosure: {
        summary: {
          budgetUnitCount: 1,
          projectCount: 2,
          totalWan: '1100.00',
          largeProjectCount: 2,
          largeThresholdWan: '500',
        },
        projects: [annual('5000000.00'), annual('6000000.00')],
      },
    });
    const s = summarizeDisclosure(d, { subject: '单位' });
    expect(s.differences).toEqual([]);
    expect(s.sentence).toBe(
      '按照本市预算绩效管理工作的总体要求，本单位1个预算单位开展了2024年项目预算绩效目标编报工作，编报绩效目标的项目2个，涉及项目预算资金1100.00万元，其中预算金额500万元（含）以上的项目有2个。',
    );
  });

  it.each([
    ['12350.00', '1.24'],
    ['12349.99', '1.23'],
    ['30224865.00', '3022.49'],
    ['49.99', '0.00'],
    ['50.00', '0.01'],
  ])('rounds %s 元 half up to %s 万元', (yuan, wan) => {
    expect(summarizeDisclosure(buildCase({ project: annual(yuan) })).computed.totalWan).toBe(wan);
  });

  it('counts a blank 年度资金申请总额 as 0', () => {
    const d = buildCase({
      disclosure: { projects: [annual('100.00'), { form: { funds: { annualTotal: null } } }] },
    });
    expect(summarizeDisclosure(d).computed).toMatchObject({ projectCount: 2, totalYuan: '100.00' });
  });

  it('accepts a stated total written with a trailing zero dropped or as the exact sum', () => {
    const stated = (totalWan: string) =>
      buildCase({
        disclosure: {
          summary: {
            budgetUnitCount: 1,
            projectCount: 1,
            totalWan,
            largeProjectCount: 0,
            largeThresholdWan: '1000',
          },
          projects: [annual('1234500.00')],
        },
      });
    expect(summarizeDisclosure(stated('123.45')).differences).toEqual([]);
    expect(summarizeDisclosure(stated('123.450')).differences).toEqual([]);
    expect(summarizeDisclosure(stated('123.46')).differences).toHaveLength(1);
  });
});

describe('renderSummarySentence', () => {
  it('renders the 本区/本单位 variant without the clause', () => {
    expect(
      renderSummarySentence(
        {
          budgetUnitCount: 1,
          projectCount: 14,
          totalWan: '1099.22',
          largeProjectCount: null,
          largeThresholdWan: null,
        },
        2026,
        { scope: '区', subject: '单位' },
      ),
    ).toBe(
      '按照本区预算绩效管理工作的总体要求，本单位1个预算单位开展了2026年项目预算绩效目标编报工作，编报绩效目标的项目14个，涉及项目预算资金1099.22万元。',
    );
  });
});
