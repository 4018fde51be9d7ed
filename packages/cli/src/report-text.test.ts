import { decodeDisclosure, type Finding } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { renderTextReport } from './report-text.ts';
import { fixtureJson } from './testing.ts';

const disclosure = decodeDisclosure(fixtureJson().json);
const finding = (over: Partial<Finding>): Finding => ({
  ruleId: 'FUND-02',
  severity: 'error',
  message: '年度资金申请总额不符。',
  path: 'projects[0].form.funds.annualTotal',
  data: {},
  ...over,
});

describe('renderTextReport', () => {
  it('groups findings under a header per project, with aligned columns and a tally', () => {
    const text = renderTextReport(
      [
        {
          file: 'a.json',
          disclosure,
          findings: [
            finding({}),
            finding({
              ruleId: 'COMP-03',
              severity: 'warn',
              path: 'projects[1].form.indicators',
              message: '缺时效指标。',
            }),
            finding({ ruleId: 'SUM-01', severity: 'info', path: 'summary.totalWan', message: '汇总不符。' }),
          ],
        },
      ],
      { color: false, showFiles: false },
    );
    expect(text).toBe(
      [
        '全文',
        '  提示  SUM-01   summary.totalWan                    汇总不符。',
        '',
        'P01 平安维稳',
        '  错误  FUND-02  projects[0].form.funds.annualTotal  年度资金申请总额不符。',
        '',
        'P02 培训费',
        '  警告  COMP-03  projects[1].form.indicators         缺时效指标。',
        '',
        '✖ 1 个错误，1 个警告，1 个提示（10 个项目）',
        '',
      ].join('\n'),
    );
  });

  it('says so when there is nothing to report', () => {
    const text = renderTextReport([{ file: 'a.json', disclosure, findings: [] }], {
      color: false,
      showFiles: false,
    });
    expect(text).toBe('✔ 没有发现问题（10 个项目）\n');
  });

  it('shows the importer’s line where a finding has no path', () => {
    const text = renderTextReport(
      [
        {
          file: 'a.txt',
          disclosure,
          findings: [finding({ ruleId: 'FMT-08', severity: 'info', path: '', data: { line: 12 } })],
        },
      ],
      { color: false, showFiles: true },
    );
    expect(text.split('\n').slice(0, 4)).toEqual([
      'a.txt',
      '',
      '全文',
      '  提示  FMT-08  第12行  年度资金申请总额不符。',
    ]);
  });

  it('colors only when asked', () => {
    const report = [{ file: 'a.json', disclosure, findings: [finding({})] }];
    expect(renderTextReport(report, { color: true, showFiles: false })).toContain('\x1b[31m错误\x1b[39m');
    expect(renderTextReport(report, { color: false, showFiles: false })).not.toContain('\x1b[');
  });
});
