/** Files that are not our workbooks or not workbooks at all: one clear diagnostic, never a throw. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../testdata/fixture.ts';
import { xlsxReader } from './read.ts';
import { writeWorkbook } from './write.ts';

describe('files that are not workbooks', () => {
  it.each([
    ['random bytes', new TextEncoder().encode('这不是 Excel 文件')],
    ['an empty file', new Uint8Array()],
    ['a truncated workbook', null],
  ])('gives one IMPORT_XLSX_UNREADABLE for %s', async (_name, given) => {
    const bytes = given ?? (await writeWorkbook(fixture)).slice(0, 5000);
    const { disclosure, diagnostics } = await xlsxReader.read(bytes, { source: 'bad.xlsx' });
    expect(disclosure).toBeNull();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'IMPORT_XLSX_UNREADABLE', severity: 'error' });
    expect(diagnostics[0]?.message).toMatch(/^文件不是可读取的 Excel 工作簿（\.xlsx）/);
  });

  it('says so when a workbook holds nothing it knows', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = 'hello';
    const { disclosure, diagnostics } = await xlsxReader.read(new Uint8Array(await wb.xlsx.writeBuffer()), {
      source: 'x.xlsx',
    });
    expect(disclosure).toBeNull();
    expect(diagnostics.map((d) => d.code)).toEqual(['IMPORT_XLSX_NO_DATA']);
  });
});
