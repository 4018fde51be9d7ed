/**
 * A user edits our workbook in Excel: edits of the 申报表 sheets' visible cells are read (the
 * hidden parts give way), an edit made only in the flat sheet is reported, the 汇总 sheet's stated
 * column decides the summary.
 */
import { type Disclosure, type Indicator, parseYuan } from '@jixiao/core';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../testdata/fixture.ts';
import { xlsxReader } from './read.ts';
import { writeWorkbook } from './write.ts';

/** Writes the fixture, lets `edit` change the workbook, reads it back. */
async function edited(edit: (wb: ExcelJS.Workbook) => void) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await writeWorkbook(fixture)) as unknown as ArrayBuffer);
  edit(wb);
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return xlsxReader.read(bytes, { source: 'edited.xlsx' });
}

const sheet = (wb: ExcelJS.Workbook, name: string) => {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
};

/** The fixture with project 0 changed by `f`. */
function withP01(f: (p: Disclosure['projects'][number]) => Disclosure['projects'][number]): Disclosure {
  return { ...fixture, projects: fixture.projects.map((p, k) => (k === 0 ? f(p) : p)) };
}

function withIndicator(k: number, ind: Indicator): Disclosure {
  return withP01((p) => ({
    ...p,
    form: { ...p.form, indicators: p.form.indicators.map((x, j) => (j === k ? ind : x)) },
  }));
}

describe('edits of our workbook', () => {
  it('reads an edited indicator value and notes that the flat sheet now differs', async () => {
    const { disclosure, diagnostics } = await edited((wb) => {
      sheet(wb, 'P01 平安维稳').getCell('E15').value = '≥5.00(次)';
    });
    expect(disclosure).toStrictEqual(
      withIndicator(1, { ...fixture.projects[0]?.form.indicators[1], value: '5.00' } as Indicator),
    );
    expect(diagnostics).toEqual([
      {
        code: 'IMPORT_XLSX_SHEET_MISMATCH',
        severity: 'warning',
        message:
          '工作表「指标」中项目「平安维稳」的数据与其申报表不一致：第3行 U列「指标值」为「≥4.00(次)」，申报表为「≥5.00(次)」；第3行 X列「数值」为「4.00」，申报表为「5.00」。以申报表工作表为准（要改项目或指标，请改申报表）',
        field: 'projects[0]',
      },
    ]);
  });

  it('lets a visible edit win over the hidden parts: qualitative → quantitative', async () => {
    const { disclosure } = await edited((wb) => {
      sheet(wb, 'P01 平安维稳').getCell('E25').value = ' ≥1(项) ';
      wb.removeWorksheet(sheet(wb, '指标').id);
    });
    const before = fixture.projects[0]?.form.indicators[11];
    expect(disclosure).toStrictEqual(
      withIndicator(11, {
        level1: before?.level1 ?? '',
        level2: before?.level2 ?? '',
        name: before?.name ?? '',
        kind: 'quantitative',
        operator: '≥',
        value: '1',
        unit: '项',
      }),
    );
  });

  it('ignores hidden parts that no longer print as the visible value', async () => {
    const { disclosure, diagnostics } = await edited((wb) => {
      sheet(wb, 'P01 平安维稳').getCell('J15').value = '9.00';
      wb.removeWorksheet(sheet(wb, '指标').id);
    });
    expect(diagnostics).toEqual([]);
    expect(disclosure).toStrictEqual(fixture);
  });

  it('reads edited money typed as text or as a number, exactly', async () => {
    const { disclosure, diagnostics } = await edited((wb) => {
      const ws = sheet(wb, 'P01 平安维稳');
      ws.getCell('D7').value = '6,000,000.10';
      ws.getCell('F7').value = 0.1 + 0.2; // not two decimals: reported, not rounded
      wb.removeWorksheet(sheet(wb, '指标').id);
    });
    expect(disclosure?.projects[0]?.form.funds.total).toBe(parseYuan('6000000.10'));
    expect(disclosure?.projects[0]?.form.funds.annualTotal).toBeNull();
    expect(diagnostics.map((d) => [d.code, d.message, d.field])).toEqual([
      [
        'IMPORT_XLSX_AMOUNT_INVALID',
        '工作表「P01 平安维稳」第7行 F列「年度资金申请总额」：金额格式不正确：「0.30000000000000004」（应为如 5,850,000.00 的金额，最多两位小数）',
        'projects[0].form.funds.annualTotal',
      ],
    ]);
  });

  it('reads an indicator added below the table', async () => {
    const { disclosure, diagnostics } = await edited((wb) => {
      const ws = sheet(wb, 'P01 平安维稳');
      ws.getCell('B31').value = '满意度指标';
      ws.getCell('C31').value = '服务对象满意度指标';
      ws.getCell('D31').value = '参训人员满意率';
      ws.getCell('E31').value = '≥90.00(%)';
      wb.removeWorksheet(sheet(wb, '指标').id);
    });
    expect(diagnostics).toEqual([]);
    expect(disclosure?.projects[0]?.form.indicators.at(-1)).toEqual({
      level1: '满意度指标',
      level2: '服务对象满意度指标',
      name: '参训人员满意率',
      kind: 'quantitative',
      operator: '≥',
      value: '90.00',
      unit: '%',
    });
  });

  it('keeps the forms when only the flat sheet was edited, and says where', async () => {
    const { disclosure, diagnostics } = await edited((wb) => {
      const ws = sheet(wb, '指标');
      ws.getCell('T4').value = '毛发检测';
      ws.getCell('I20').value = 1;
    });
    expect(disclosure).toStrictEqual(fixture);
    expect(diagnostics.map((d) => d.message)).toEqual([
      '工作表「指标」中项目「平安维稳」的数据与其申报表不一致：第4行 T列「三级指标」为「毛发检测」，申报表为「毛发检测工作」。以申报表工作表为准（要改项目或指标，请改申报表）',
      '工作表「指标」中项目「培训费」的数据与其申报表不一致：第20行 I列「项目资金总额（元）」为「1.00」，申报表为「50000.00」。以申报表工作表为准（要改项目或指标，请改申报表）',
    ]);
  });

  it('reports a flat sheet with rows added or removed', async () => {
    const { disclosure, diagnostics } = await edited((wb) => {
      sheet(wb, '指标').spliceRows(3, 1);
    });
    expect(disclosure).toStrictEqual(fixture);
    expect(diagnostics.map((d) => d.code)).toEqual(['IMPORT_XLSX_SHEET_MISMATCH']);
    expect(diagnostics[0]?.message).toContain('有93行数据，申报表工作表合计应有94行');
  });

  it('takes the summary from the 文中所述 column: cleared means none', async () => {
    const { disclosure, diagnostics } = await edited((wb) => {
      const ws = sheet(wb, '汇总');
      for (let r = 7; r <= 11; r++) ws.getCell(r, 3).value = null;
    });
    expect(diagnostics).toEqual([]);
    expect(disclosure).toStrictEqual({ ...fixture, summary: null });
  });

  it('reports a stated summary that is not numbers', async () => {
    const { disclosure, diagnostics } = await edited((wb) => {
      sheet(wb, '汇总').getCell('C8').value = '十个';
    });
    expect(disclosure?.summary).toBeNull();
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([
      [
        'IMPORT_XLSX_SUMMARY_INVALID',
        '工作表「汇总」第8行 C列「文中所述」：「项目数」应为非负整数，文中所述的汇总数字记为空',
      ],
    ]);
  });

  it('reads the forms without the 汇总 sheet, department and year from the forms', async () => {
    const { disclosure, diagnostics } = await edited((wb) => {
      wb.removeWorksheet(sheet(wb, '汇总').id);
    });
    expect(disclosure).toStrictEqual({ ...fixture, summary: null });
    expect(diagnostics.map((d) => d.code)).toEqual(['IMPORT_XLSX_SUMMARY_SHEET_MISSING']);
  });

  it('reads a date typed as a date and reports one that is not a date', async () => {
    const { disclosure, diagnostics } = await edited((wb) => {
      const ws = sheet(wb, 'P02 培训费');
      ws.getCell('C6').value = '2024年2月30日';
      ws.getCell('F6').value = new Date(Date.UTC(2024, 11, 30)); // as Excel stores a typed date
      ws.getCell('F6').numFmt = 'yyyy/m/d';
      wb.removeWorksheet(sheet(wb, '指标').id);
    });
    expect(disclosure?.projects[1]?.form.startDate).toBe('2024-01-01');
    expect(disclosure?.projects[1]?.form.endDate).toBe('2024-12-30');
    expect(diagnostics.map((d) => [d.code, d.message, d.field])).toEqual([
      [
        'IMPORT_XLSX_DATE_INVALID',
        '工作表「P02 培训费」第6行 C列「计划开始日期」：日期格式不正确：「2024年2月30日」，按 2024-01-01 记',
        'projects[1].form.startDate',
      ],
    ]);
  });
});
