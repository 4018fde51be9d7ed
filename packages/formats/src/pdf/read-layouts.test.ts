/**
 * Layouts of real documents from other departments and years: a form's title repeated at the top
 * of its continuation pages, a note under the table on every page, the summary paragraph after the
 * forms, a 目录 without page numbers. Each document read back must equal the disclosure it was made
 * from, with nothing worse than info said.
 */
import { readFileSync } from 'node:fs';
import { type Disclosure, decodeDisclosure } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../testdata/fixture.ts';
import { readPdf } from './read.ts';
import { budgetDocumentBlocks } from './testing/budget-document.ts';
import { disclosureBlocks, MODERN, OLDER } from './testing/layout.ts';
import { renderPdfmake } from './testing/make-pdf.ts';
import { renderRaw } from './testing/raw-pdf.ts';

const variant = (name: string): Disclosure =>
  decodeDisclosure(
    JSON.parse(readFileSync(new URL(`../../../../testdata/variants/${name}.json`, import.meta.url), 'utf8')),
  );

/** How many times `s` is printed in a document of testing/raw-pdf.ts (text as UCS-2 hex strings). */
function printed(bytes: Uint8Array, s: string): number {
  const hex = [...s].map((ch) => (ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0')).join('');
  return new TextDecoder('latin1').decode(bytes).split(hex).length - 1;
}

async function expectReads(bytes: Uint8Array, expected: Disclosure) {
  const r = await readPdf(bytes);
  expect(r.result.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  expect(r.result.disclosure).toEqual(expected);
  return r;
}

describe('running heads and notes', () => {
  it('reads forms whose title and year line are repeated at the top of every continuation page', async () => {
    const bytes = renderRaw(disclosureBlocks(fixture, MODERN), {
      fontSize: MODERN.fontSize,
      repeatTitles: true,
    });
    const r = await expectReads(bytes, fixture);
    expect(r.text.split('\n').filter((l) => l.includes('绩效目标申报表')).length).toBe(
      fixture.projects.length,
    );
  });

  it('reads forms that each start a page, their titles repeated on the pages they go on to', async () => {
    // every title at the same height at the top of many pages: not a running head to leave out
    for (const repeatTitles of [false, true]) {
      const bytes = renderRaw(disclosureBlocks(fixture, MODERN, { breakBeforeForms: true }), {
        fontSize: MODERN.fontSize,
        repeatTitles,
      });
      const r = await expectReads(bytes, fixture);
      expect(r.text.split('\n').filter((l) => l.includes('绩效目标申报表')).length).toBe(
        fixture.projects.length,
      );
    }
  });

  it('reads the variants with repeated titles, older style', async () => {
    for (const name of ['both-goals', 'other-department']) {
      const d = variant(name);
      await expectReads(
        renderRaw(disclosureBlocks(d, OLDER), { fontSize: OLDER.fontSize, repeatTitles: true }),
        d,
      );
    }
  });

  it('reads a note line printed under the table on every page (注：金额单位为元。)', async () => {
    const bytes = renderRaw(disclosureBlocks(fixture, MODERN), {
      fontSize: MODERN.fontSize,
      tableNote: '注：金额单位为元。',
    });
    // under the tables of every form, and between parts of tables cut by a page break
    expect(printed(bytes, '注：金额单位为元。')).toBeGreaterThan(fixture.projects.length + 2);
    const r = await expectReads(bytes, fixture);
    expect(r.text).not.toMatch(/金额单位为元/);
  });

  it('reads a two-line 填报说明 under the table on every page, with repeated titles', async () => {
    const d = variant('s10-style');
    const bytes = renderRaw(disclosureBlocks(d, OLDER), {
      fontSize: OLDER.fontSize,
      repeatTitles: true,
      tableNote:
        '填报说明：1.本表金额单位为元；2.绩效指标应细化、量化，定量指标注明计量单位，定性指标按“好、较好、一般”等分级描述，便于考核。',
    });
    await expectReads(bytes, d);
  });
});

describe('the summary paragraph after the forms', () => {
  it('reads the summary printed at the end of the document', async () => {
    await expectReads(
      renderRaw(disclosureBlocks(fixture, MODERN, { summaryLast: true }), { fontSize: MODERN.fontSize }),
      fixture,
    );
    await expectReads(
      await renderPdfmake(disclosureBlocks(fixture, OLDER, { summaryLast: true }), { pageNumbers: true }),
      fixture,
    );
  });

  it('reads a summary at the end followed by the template note (other-department)', async () => {
    const d = variant('other-department');
    await expectReads(
      renderRaw(disclosureBlocks(d, OLDER, { summaryLast: true }), { fontSize: OLDER.fontSize }),
      d,
    );
  });
});

describe('a 部门预算 document with the summary after the forms', () => {
  it('reads the summary from its chapter after 七、项目经费情况说明', async () => {
    const opts = { summaryAfterForms: true };
    for (const bytes of [
      // the last form running over a page, its title repeated there and a note under each part
      renderRaw(budgetDocumentBlocks(fixture, OLDER, opts), {
        fontSize: 10.5,
        repeatTitles: true,
        tableNote: '注：金额单位为元。',
      }),
      await renderPdfmake(budgetDocumentBlocks(fixture, MODERN, opts), { pageNumbers: true }),
    ]) {
      const r = await expectReads(bytes, fixture);
      expect(r.pagesRead.at(-1)).toBeLessThan(r.pageCount - 3);
      expect(r.text).not.toMatch(/功能分类科目/);
    }
  });
});

describe('a 部门预算 document with a 目录 without page numbers', () => {
  it('reads the 绩效目标 part only, the 目录 going on over a second page without its heading', async () => {
    const opts = { tocWithoutPages: true, tocDetailed: true };
    const pages = (bytes: Uint8Array) => readPdf(bytes).then((r) => r.pageCount);
    // the detailed 目录 takes a second page
    expect(await pages(renderRaw(budgetDocumentBlocks(fixture, OLDER, opts), { fontSize: 10.5 }))).toBe(
      (await pages(
        renderRaw(budgetDocumentBlocks(fixture, OLDER, { tocWithoutPages: true }), { fontSize: 10.5 }),
      )) + 1,
    );
    for (const bytes of [
      renderRaw(budgetDocumentBlocks(fixture, OLDER, opts), { fontSize: 10.5 }),
      await renderPdfmake(budgetDocumentBlocks(fixture, MODERN, opts), { pageNumbers: true }),
    ]) {
      const r = await expectReads(bytes, fixture);
      expect(r.pagesRead[0]).toBeGreaterThan(12);
      expect(r.text).not.toMatch(/功能分类科目|部门主要职能/);
    }
  });

  it('reads the 绩效目标 part only', async () => {
    for (const bytes of [
      renderRaw(budgetDocumentBlocks(fixture, OLDER, { tocWithoutPages: true }), { fontSize: 10.5 }),
      await renderPdfmake(budgetDocumentBlocks(fixture, MODERN, { tocWithoutPages: true }), {
        pageNumbers: true,
      }),
    ]) {
      const r = await expectReads(bytes, fixture);
      expect(r.pagesRead[0]).toBeGreaterThan(12);
      expect(r.text).not.toMatch(/功能分类科目|部门主要职能/);
    }
  });
});
