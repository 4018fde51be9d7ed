/** The written workbook opened with exceljs: sheets, merges, formats, the flat sheet's set-up. */
import type { Disclosure } from '@jixiao/core';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../../../../testdata/fixture.ts';
import { formSheetName } from './layout.ts';
import { writeTemplate, writeWorkbook, xlsxWriter } from './write.ts';

async function open(d: Disclosure): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await writeWorkbook(d)) as unknown as ArrayBuffer);
  return wb;
}

const merges = (ws: ExcelJS.Worksheet) => (ws.model as unknown as { merges: string[] }).merges;

describe('the written workbook', () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = await open(fixture);
  });

  it('is an xlsx', () => {
    expect(xlsxWriter.extension).toBe('xlsx');
    expect(xlsxWriter.mediaType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });

  it('has 汇总, 指标 and one numbered, valid sheet per project', () => {
    const names = wb.worksheets.map((ws) => ws.name);
    expect(names.slice(0, 3)).toEqual(['汇总', '指标', 'P01 平安维稳']);
    expect(names).toHaveLength(12);
    expect(names[4]).toBe('P03 松江区医疗机构特殊管理药品智能化监管检测信息系统（运…');
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    for (const n of names) {
      expect(n.length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[[\]:*?/\\]/);
    }
  });

  it('names sheets safely whatever the project is called', () => {
    expect(formSheetName(0, 9, 'a/b:c*d?e[f]g\\h\u0001i')).toBe('P1 a_b_c_d_e_f_g_h_i'.replace('P1', 'P01'));
    expect(formSheetName(99, 120, "'引号'")).toBe("P100 '引号");
    const long = formSheetName(0, 1, '𠀀'.repeat(30));
    expect(long.length).toBeLessThanOrEqual(31);
    expect(long.endsWith('…')).toBe(true);
    expect(long).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('lays out a form like the 申报表: merged headings, vertical labels, borders, money as numbers', () => {
    const ws = wb.getWorksheet('P01 平安维稳');
    if (!ws) throw new Error('no P01 sheet');
    expect(ws.getCell('A1').value).toBe('财政项目支出绩效目标申报表');
    expect(ws.getCell('A2').value).toBe('（2024年度）');
    const m = merges(ws);
    // 绩效指标 down the left of the table; 产出指标 over its 11 rows, 数量指标 over its 10
    expect(m).toEqual(
      expect.arrayContaining([
        'A1:F1',
        'A3:B3',
        'C3:D3',
        'A7:B10',
        'A13:A30',
        'B15:B25',
        'C15:C24',
        'B26:B29',
      ]),
    );
    expect(ws.getCell('A13').value).toBe('绩效指标');
    expect(ws.getCell('A13').alignment.textRotation).toBe('vertical');
    expect(ws.getCell('B20').value).toBe('产出指标'); // a merged cell reads as its heading
    expect(ws.getCell('B15').alignment.wrapText).toBe(true);
    expect(ws.getCell('D15').border.left?.style).toBe('thin');

    const total = ws.getCell('D7');
    expect(ws.getCell('C7').value).toBe('项目资金总额');
    expect(total.type).toBe(ExcelJS.ValueType.Number);
    expect(total.value).toBe(5850000);
    expect(total.numFmt).toBe('#,##0.00');
    expect(ws.getCell('F9').value).toBe(0); // 上年结转资金 0.00
    expect(ws.getCell('D10').value).toBeNull(); // blank 其他资金 stays blank
    expect(ws.getColumn('D').width).toBe(34);
    for (const c of ['H', 'I', 'J', 'K', 'L']) expect(ws.getColumn(c).hidden).toBe(true);
    expect(ws.getCell('A32').value).toBe('项目经费情况说明');
    expect(ws.getCell('D41').value).toBe(5850000);
  });

  it('has a frozen, filtered flat sheet with one row per indicator', () => {
    const ws = wb.getWorksheet('指标');
    if (!ws) throw new Error('no 指标 sheet');
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 3)).toEqual(['项目名称', '实施单位', '主管部门']);
    expect(header).toEqual(
      expect.arrayContaining(['一级指标', '二级指标', '三级指标', '指标值', '符号', '数值', '单位']),
    );
    const n = fixture.projects.reduce((a, p) => a + p.form.indicators.length, 0);
    expect(ws.rowCount).toBe(n + 1);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
    expect(ws.autoFilter).toBe('A1:Y1');
    expect(ws.getColumn('V').width).toBe(10);
    expect(ws.getCell('I2').value).toBe(5850000);
    expect(ws.getCell('I2').numFmt).toBe('#,##0.00');
    expect(ws.getCell('U3').value).toBe('≥4.00(次)');
    expect(ws.getCell('X3').value).toBe(4);
    expect(ws.getCell('X3').numFmt).toBe('0.00'); // shows 4.00, as printed
    expect(ws.getCell('W2').dataValidation.type).toBe('list');
  });

  it('has a 汇总 sheet with the figures, the sentence and linked projects', () => {
    const ws = wb.getWorksheet('汇总');
    if (!ws) throw new Error('no 汇总 sheet');
    expect(ws.getCell('B3').value).toBe('中共上海市松江区委政法委员会');
    expect(ws.getCell('B4').value).toBe(2024);
    expect(ws.getCell('A9').value).toBe('项目预算资金（万元）');
    expect(ws.getCell('B9').value).toBe(3022.49);
    expect(ws.getCell('C9').numFmt).toBe('0.00');
    expect(String(ws.getCell('B12').value)).toContain('涉及项目预算资金3022.49万元');
    expect(ws.getCell('B13').value).toBe('文中所述与计算一致。');
    expect(ws.getCell('G16').value).toEqual({ text: 'P01 平安维稳', hyperlink: "#'P01 平安维稳'!A1" });
    expect(ws.getCell('E26').value).toEqual({ formula: 'SUM(E16:E25)', result: 30224865 });
  });

  it('writes a blank template: 汇总 and a flat sheet with drop-downs', async () => {
    const t = new ExcelJS.Workbook();
    await t.xlsx.load((await writeTemplate('上海市松江区司法局', 2025)) as unknown as ArrayBuffer);
    expect(t.worksheets.map((ws) => ws.name)).toEqual(['汇总', '指标']);
    expect(t.getWorksheet('汇总')?.getCell('B4').value).toBe(2025);
    expect(t.getWorksheet('指标')?.getCell('R150').dataValidation.formulae).toEqual([
      '"成本指标,产出指标,效益指标,满意度指标"',
    ]);
  });
});
