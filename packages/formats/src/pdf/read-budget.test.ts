/**
 * A whole 35-page 部门预算 document: only the 绩效目标 part is read — the summary paragraph's page
 * under 六、其他相关情况说明 and the pages of 七、项目经费情况说明 — not the budget tables around it.
 */
import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../testdata/fixture.ts';
import { readPdf } from './read.ts';
import { findPart } from './read-pages.ts';
import { budgetDocumentBlocks } from './testing/budget-document.ts';
import { MODERN, OLDER } from './testing/layout.ts';
import { renderPdfmake } from './testing/make-pdf.ts';
import { renderRaw } from './testing/raw-pdf.ts';

describe('a whole 部门预算 document', () => {
  it('pdfmake, 35 pages: reads the fixture from the 绩效目标 pages only', async () => {
    const bytes = await renderPdfmake(budgetDocumentBlocks(fixture, MODERN), { pageNumbers: true });
    const r = await readPdf(bytes, { source: '部门预算.pdf' });
    expect(r.pageCount).toBe(35);
    expect(r.result.disclosure).toEqual(fixture);
    expect(r.result.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    // cover, 目录, chapters and the ten budget tables before; 国有资产 tables after
    const [first = 0] = r.pagesRead;
    const last = r.pagesRead.at(-1) ?? 0;
    expect(first).toBeGreaterThan(12);
    expect(last).toBeLessThan(r.pageCount - 3);
    expect(r.pagesRead.length).toBeLessThan(20);
    const info = r.result.diagnostics.find((d) => d.code === 'IMPORT_PDF_PAGES');
    expect(info?.message).toMatch(new RegExp(`^读取了绩效目标部分：第${first}[–、].*${last}页（共35页）$`));
    expect(r.text).not.toMatch(/功能分类科目|国有资产占有使用情况表/);
  });

  it('spreadsheet style: the summary page, then the forms, the last form running over a page', async () => {
    const r = await readPdf(renderRaw(budgetDocumentBlocks(fixture, OLDER), { fontSize: 10.5 }));
    expect(r.result.disclosure).toEqual(fixture);
    expect(r.result.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(r.text).not.toMatch(/功能分类科目/);
    // the page after the last form's title is read because the form's table goes on there
    const lines = r.text.split('\n');
    const lastTitle = lines.map((l) => l.includes('绩效目标申报表')).lastIndexOf(true);
    expect(r.linePages.at(-1)).toBeGreaterThan(r.linePages[lastTitle] ?? 0);
    expect(r.pagesRead.at(-1)).toBe(r.linePages.at(-1));
  });
});

describe('findPart', () => {
  const page = (n: number, ...lines: string[]) => ({ page: n, lines });

  it('skips the 目录, takes the summary page and the forms from first to last heading', () => {
    const part = findPart([
      page(1, '目录', '七、项目经费情况说明……14', '财政项目支出绩效目标申报表'),
      page(
        2,
        '六、其他相关情况说明',
        '四、绩效目标设置情况',
        '按照本市预算绩效管理工作的总体要求，本部门1个预算单位开展了2024年项目预算绩效目标编报工作。',
      ),
      page(3, '2024年部门收入预算总表'),
      page(4, '七、项目经费情况说明', '项目经费情况说明'),
      page(5, '一、项目概述'),
      page(6, '财政项目支出绩效目标填报表（2024年度）'),
      page(7, '八、国有资产占有使用情况'),
    ]);
    expect(part).toEqual({ summary: [2], forms: { from: 4, to: 6 } });
  });

  it('skips a 目录 without page numbers that goes on over a page without its heading', () => {
    const part = findPart([
      page(1, '目录', '一、部门主要职能', '七、项目经费情况说明', '（一）禁毒宣传教育项目经费情况说明'),
      page(
        2,
        '财政项目支出绩效目标申报表',
        '（二）社会治安综合治理项目经费情况',
        '说明',
        '八、国有资产占有使用情况',
        '2',
      ),
      page(3, '七、项目经费情况说明', '禁毒宣传教育项目经费情况说明', '一、项目概述', '本项目用于……。'),
      page(4, '财政项目支出绩效目标申报表', '（2024年度）', '项目名称禁毒宣传教育'),
    ]);
    expect(part).toEqual({ summary: [], forms: { from: 3, to: 4 } });
    // a form right after the 目录 is no entry of it
    const form = page(
      2,
      '财政项目支出绩效目标申报表',
      '（2024年度）',
      '项目名称禁毒宣传教育',
      '项目类别其他',
      '上年结转资金0.00',
    );
    expect(findPart([page(1, '目录', '七、项目经费情况说明'), form]).forms).toEqual({ from: 2, to: 2 });
  });

  it('follows a summary paragraph that runs onto the next page', () => {
    const part = findPart([
      page(1, '按照本区预算绩效管理工作的总体', '要求，本单位1个预算单位开展了'),
      page(2, '2026年项目预算绩效目标编报工作。'),
      page(3, '禁毒项目经费情况说明'),
    ]);
    expect(part).toEqual({ summary: [1, 2], forms: { from: 3, to: 3 } });
  });
});
