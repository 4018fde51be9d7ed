/**
 * A flat sheet filled in by a unit, made with exceljs here: columns in another order with extra
 * ones, blank rows, and deliberate mistakes, each reported at its sheet, row and column.
 */
import { type Disclosure, decodeDisclosure, encodeDisclosure } from '@jixiao/core';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../testdata/fixture.ts';
import { xlsxReader } from './read.ts';
import { writeTemplate, writeWorkbook } from './write.ts';

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const HEADER = [
  '序号',
  '三级指标',
  '一级指标',
  '二级指标',
  '指标值',
  '项目名称',
  '实施单位',
  '项目资金总额(元)',
  '年度资金申请总额',
  '计划开始日期',
  '计划完成日期',
  '年度',
  '主管部门',
  '符号',
  '数值',
  '单位',
  '指标类型',
  '备注',
];

/** Rows under the header (row 2; row 1 is a title). `undefined` leaves a cell empty. */
function unitSheet(rows: (string | number | Date | undefined)[][]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('填报');
  ws.getCell('A1').value = '2024年项目绩效目标填报表';
  ws.getRow(2).values = HEADER;
  rows.forEach((r, k) => {
    r.forEach((v, c) => {
      if (v !== undefined) ws.getCell(k + 3, c + 1).value = v;
    });
  });
  return wb;
}

const U = '某区某局（本级）';
const D = '某区某局';
const P = (name: string, total: string | number, extra: (string | number | undefined)[] = []) => [
  name,
  U,
  total,
  total,
  '2024-01-01',
  '2024-12-31',
  2024,
  D,
  ...extra,
];

describe('flat sheet import', () => {
  it('reads a correct sheet: money in any form, printed values or parts, grouped by project', async () => {
    const wb = unitSheet([
      [1, '项目成本', '成本指标', '经济成本指标', '≤5850000.00(元)', ...P('甲项目', 5850000)],
      [2, '培训次数', '产出指标', '数量指标', undefined, ...P('甲项目', '5,850,000.00', ['≥', 4, '次'])],
      [],
      [
        3,
        '满意率',
        '满意度指标',
        '服务对象满意度指标',
        '≥85%',
        '乙项目',
        U,
        '5850000',
        undefined,
        new Date(Date.UTC(2024, 0, 1)),
        '2024/12/31',
        2024,
        D,
      ],
      [
        4,
        '完成情况',
        '产出指标',
        '质量指标',
        '完成',
        '乙项目',
        U,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        '定性',
        '可删',
      ],
    ]);
    const ws = wb.getWorksheet('填报');
    if (!ws) throw new Error('no sheet');
    // 85% typed in a percent cell is 0.85 in the file
    ws.getCell('O6').value = 0.85;
    ws.getCell('O6').numFmt = '0.00%';
    ws.getCell('P6').value = '%';
    ws.getCell('N6').value = '＞';
    ws.getCell('E6').value = null;
    const { disclosure, diagnostics } = await xlsxReader.read(await bytesOf(wb), { source: 'unit.xlsx' });
    expect(diagnostics).toEqual([]);
    const d = disclosure as Disclosure;
    expect(d.department).toBe(D);
    expect(d.year).toBe(2024);
    expect(d.summary).toBeNull();
    expect(d.projects.map((p) => p.form.name)).toEqual(['甲项目', '乙项目']);
    const [a, b] = d.projects;
    expect(a?.form.funds).toEqual({
      total: 585000000,
      fiscal: null,
      other: null,
      annualTotal: 585000000,
      currentYearAppropriation: null,
      priorYearCarryover: null,
      annualOther: null,
    });
    expect(a?.form.indicators).toEqual([
      {
        level1: '成本指标',
        level2: '经济成本指标',
        name: '项目成本',
        kind: 'quantitative',
        operator: '≤',
        value: '5850000.00',
        unit: '元',
      },
      {
        level1: '产出指标',
        level2: '数量指标',
        name: '培训次数',
        kind: 'quantitative',
        operator: '≥',
        value: '4',
        unit: '次',
      },
    ]);
    expect(b?.form.startDate).toBe('2024-01-01');
    expect(b?.form.endDate).toBe('2024-12-31');
    expect(b?.form.funds.total).toBe(585000000);
    expect(b?.form.indicators).toEqual([
      {
        level1: '满意度指标',
        level2: '服务对象满意度指标',
        name: '满意率',
        kind: 'quantitative',
        operator: '>',
        value: '85.00',
        unit: '%',
      },
      { level1: '产出指标', level2: '质量指标', name: '完成情况', kind: 'qualitative', text: '完成' },
    ]);
  });

  it('reports every wrong cell with its sheet, row, column and header, and keeps what it can read', async () => {
    const wb = unitSheet([
      [
        1,
        '项目成本',
        '成本指标',
        '经济成本指标',
        '≤5850000.00(元)',
        '甲项目',
        U,
        '5,85O,000.00',
        5850000,
        '2024-01-01',
        '2024-12-31',
        2024,
        D,
      ],
      [2, '', '产出', '数量指标', '≥4.00(次)', ...P('甲项目', 6000000)],
      [
        3,
        '开展活动',
        '产出指标',
        '数量指标',
        '≥5.00(次)',
        '甲项目',
        U,
        undefined,
        undefined,
        '2024-13-01',
        undefined,
        undefined,
        undefined,
        'gt',
        'abc',
        '次',
      ],
      [],
      [],
      [
        4,
        '满意率',
        '满意度指标',
        '服务对象满意度指标',
        '≥90.00(%)',
        '乙项目',
        U,
        undefined,
        undefined,
        undefined,
        undefined,
        1999,
        undefined,
        '≥',
        85,
        '%',
        '数量',
      ],
      [5, '完成情况', '产出指标', '质量指标', undefined, '乙项目', U],
      [6, '无名', '产出指标', '数量指标', '≥1(次)', undefined, U],
      [
        7,
        '定量写错',
        '产出指标',
        '时效指标',
        '及时',
        '乙项目',
        U,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        '定量',
      ],
      [8, '二级自拟', '效益指标', '社会影响指标', '良好', '乙项目', U],
    ]);
    const { disclosure, diagnostics } = await xlsxReader.read(await bytesOf(wb), { source: 'unit.xlsx' });
    expect(diagnostics.map((d) => [d.code, d.severity, d.message, d.field])).toEqual([
      [
        'IMPORT_XLSX_AMOUNT_INVALID',
        'error',
        '工作表「填报」第3行 H列「项目资金总额(元)」：金额格式不正确：「5,85O,000.00」（应为如 5,850,000.00 或 5850000 的金额，最多两位小数）',
        'projects[0].form.funds.total',
      ],
      [
        'IMPORT_XLSX_PROJECT_CONFLICT',
        'warning',
        '工作表「填报」第4行 I列「年度资金申请总额」：「6000000」与项目「甲项目」第3行所填不一致，按第3行读取',
        'projects[0].form.funds.annualTotal',
      ],
      [
        'IMPORT_XLSX_REQUIRED',
        'error',
        '工作表「填报」第4行 B列「三级指标」：三级指标为空',
        'projects[0].form.indicators[1].name',
      ],
      [
        'IMPORT_XLSX_LEVEL1_UNKNOWN',
        'error',
        '工作表「填报」第4行 C列「一级指标」：一级指标「产出」不是成本指标、产出指标、效益指标、满意度指标之一',
        'projects[0].form.indicators[1].level1',
      ],
      [
        'IMPORT_XLSX_DATE_INVALID',
        'error',
        '工作表「填报」第5行 J列「计划开始日期」：日期格式不正确：「2024-13-01」（应为如 2024-01-01 的日期）',
        'projects[0].form.startDate',
      ],
      [
        'IMPORT_XLSX_OPERATOR_INVALID',
        'error',
        '工作表「填报」第5行 N列「符号」：符号「gt」应为 ≥、≤、=、>、< 之一',
        'projects[0].form.indicators[2].operator',
      ],
      [
        'IMPORT_XLSX_NUMBER_INVALID',
        'error',
        '工作表「填报」第5行 O列「数值」：数值应为数字（如 4.00、85），实际为「abc」',
        'projects[0].form.indicators[2].value',
      ],
      [
        'IMPORT_XLSX_YEAR_INVALID',
        'error',
        '工作表「填报」第8行 L列「年度」：年度应为 2000–2100 之间的整数，实际为「1999」',
        'projects[1].form.year',
      ],
      [
        'IMPORT_XLSX_KIND_INVALID',
        'error',
        '工作表「填报」第8行 Q列「指标类型」：指标类型应为「定量」或「定性」，实际为「数量」',
        'projects[1].form.indicators[0].kind',
      ],
      [
        'IMPORT_XLSX_VALUE_MISMATCH',
        'error',
        '工作表「填报」第8行 E列「指标值」：指标值「≥90.00(%)」与符号、数值、单位「≥85(%)」不一致，按符号、数值、单位读取',
        'projects[1].form.indicators[0].value',
      ],
      [
        'IMPORT_XLSX_REQUIRED',
        'error',
        '工作表「填报」第9行 E列「指标值」：指标值为空',
        'projects[1].form.indicators[1].value',
      ],
      [
        'IMPORT_XLSX_REQUIRED',
        'error',
        '工作表「填报」第10行 F列「项目名称」：项目名称为空，本行未读入',
        undefined,
      ],
      [
        'IMPORT_XLSX_VALUE_INVALID',
        'error',
        '工作表「填报」第11行 E列「指标值」：指标类型为定量，但指标值「及时」不是「符号数值(单位)」的形式（如 ≥4.00(次)），按定性读取',
        'projects[1].form.indicators[2].value',
      ],
      [
        'IMPORT_XLSX_LEVEL2_UNKNOWN',
        'warning',
        '工作表「填报」第12行 D列「二级指标」：二级指标「社会影响指标」不在常用二级指标中',
        'projects[1].form.indicators[3].level2',
      ],
      [
        'IMPORT_XLSX_DATE_INVALID',
        'warning',
        '工作表「填报」第8行 J列「计划开始日期」：项目「乙项目」没有有效的计划开始日期，按 2024-01-01 记',
        'projects[1].form.startDate',
      ],
      [
        'IMPORT_XLSX_DATE_INVALID',
        'warning',
        '工作表「填报」第8行 K列「计划完成日期」：项目「乙项目」没有有效的计划完成日期，按 2024-12-31 记',
        'projects[1].form.endDate',
      ],
    ]);
    const d = disclosure as Disclosure;
    // what could be read is still a valid disclosure
    expect(() => decodeDisclosure(encodeDisclosure(d))).not.toThrow();
    expect(d.projects.map((p) => [p.form.name, p.form.indicators.length])).toEqual([
      ['甲项目', 3],
      ['乙项目', 4],
    ]);
    expect(d.projects[0]?.form.funds.total).toBe(600000000); // row 3's was unreadable: row 4's is the first
    expect(d.projects[0]?.form.funds.annualTotal).toBe(585000000);
    expect(d.projects[1]?.form.indicators[0]).toMatchObject({
      kind: 'quantitative',
      operator: '≥',
      value: '85',
    });
  });

  it('reads our own flat sheet alone, columns reversed, with extra columns and blank rows', async () => {
    const ours = new ExcelJS.Workbook();
    await ours.xlsx.load((await writeWorkbook(fixture)) as unknown as ArrayBuffer);
    const flat = ours.getWorksheet('指标');
    if (!flat) throw new Error('no 指标 sheet');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    const n = flat.columnCount;
    let out = 1;
    for (let r = 1; r <= flat.rowCount; r++) {
      if (r > 1 && r % 7 === 0) out++; // a blank row now and then
      ws.getCell(out, 1).value = r === 1 ? '备注' : '';
      for (let c = 1; c <= n; c++) {
        const from = flat.getCell(r, c);
        const to = ws.getCell(out, n + 2 - c);
        to.value = from.value;
        to.numFmt = from.numFmt;
      }
      out++;
    }
    const { disclosure, diagnostics } = await xlsxReader.read(await bytesOf(wb));
    expect(diagnostics).toEqual([]);
    expect(disclosure).toStrictEqual({
      ...fixture,
      summary: null,
      projects: fixture.projects.map((p) => ({ explanation: null, form: p.form })),
    });
  });

  it('reports missing header columns and reads nothing', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('指标');
    ws.getRow(1).values = ['项目名称', '三级指标', '指标值'];
    ws.getRow(2).values = ['甲', '项目成本', '≤1(元)'];
    const { disclosure, diagnostics } = await xlsxReader.read(await bytesOf(wb));
    expect(disclosure).toBeNull();
    expect(diagnostics.map((d) => d.message)).toEqual([
      '工作表「指标」第1行（表头）：没有「一级指标」列',
      '工作表「指标」第1行（表头）：没有「二级指标」列',
      '工作表「指标」没有读到任何项目',
    ]);
  });

  it('reads the first of two columns with the same header and says so', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('指标');
    ws.getRow(1).values = [
      '项目名称',
      '一级指标',
      '二级指标',
      '三级指标',
      '指标值',
      '指标值（修改）',
      '项目名称',
    ];
    ws.getRow(2).values = ['甲', '成本指标', '经济成本指标', '项目成本', '≤1(元)', '≤2(元)', '乙'];
    const { disclosure, diagnostics } = await xlsxReader.read(await bytesOf(wb));
    expect(disclosure?.projects.map((p) => p.form.name)).toEqual(['甲']);
    expect(disclosure?.projects[0]?.form.indicators[0]).toMatchObject({ value: '1' });
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['IMPORT_XLSX_COLUMN_DUPLICATE', '工作表「指标」第1行 G列「项目名称」：与前面的同名列重复，本列未读入'],
      ['IMPORT_XLSX_DATE_INVALID', '工作表「指标」第2行：项目「甲」没有有效的计划开始日期，按 2000-01-01 记'],
      ['IMPORT_XLSX_DATE_INVALID', '工作表「指标」第2行：项目「甲」没有有效的计划完成日期，按 2000-12-31 记'],
      ['IMPORT_XLSX_YEAR_INVALID', '文件没有读到有效的预算年度（读到：无）'],
      ['IMPORT_XLSX_DEPARTMENT_MISSING', '没有读到主管部门（汇总表「部门」或各项目的「主管部门」）'],
    ]);
  });

  it('reads a blank template as no data', async () => {
    const { disclosure, diagnostics } = await xlsxReader.read(await writeTemplate('某区某局', 2025));
    expect(disclosure).toBeNull();
    expect(diagnostics.map((d) => d.code)).toEqual(['IMPORT_XLSX_NO_DATA']);
  });
});
