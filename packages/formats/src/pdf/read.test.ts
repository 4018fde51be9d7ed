/**
 * The PDF reader on documents from two producers unlike each other and unlike the official writer
 * (testing/make-pdf.ts: pdfmake, Noto embedded, stroked rules, top-aligned cells, rows split over
 * pages; testing/raw-pdf.ts: non-embedded 宋体 via UniGB-UCS2-H, rules as thin rectangles, centred
 * cells, merged cells cut by page breaks), in two form styles, on the fixture and the variants —
 * each read back must equal the disclosure it was made from — and the round trip through the
 * official writer.
 */
import { readFileSync } from 'node:fs';
import { type Disclosure, decodeDisclosure, type Project } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../testdata/fixture.ts';
import { writeDisclosure } from '../index.ts';
import { readPdf } from './read.ts';
import { type Block, disclosureBlocks, MODERN, OLDER } from './testing/layout.ts';
import { renderPdfmake } from './testing/make-pdf.ts';
import { renderRaw } from './testing/raw-pdf.ts';

const variant = (name: string): Disclosure =>
  decodeDisclosure(
    JSON.parse(readFileSync(new URL(`../../../../testdata/variants/${name}.json`, import.meta.url), 'utf8')),
  );

/** Reads and checks: the model equals, nothing worse than info said. */
async function expectReads(bytes: Uint8Array, expected: Disclosure) {
  const r = await readPdf(bytes);
  expect(r.result.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  expect(r.result.disclosure).toEqual(expected);
  return r;
}

const withTitle = (d: Disclosure, title: string): Disclosure => ({
  ...d,
  projects: d.projects.map((p): Project => ({ ...p, form: { ...p.form, title } })),
});

describe('pdfmake documents (embedded Noto, stroked rules, split rows)', () => {
  it('reads the fixture exactly, page numbers in the footer', async () => {
    const bytes = await renderPdfmake(disclosureBlocks(fixture, MODERN), { pageNumbers: true });
    const r = await expectReads(bytes, fixture);
    expect(r.pagesRead.length).toBe(r.pageCount);
    // page furniture is left out of the text
    expect(r.text).not.toMatch(/— \d+ —/);
  });

  it('reads two goal columns side by side (both-goals), older style, header rows repeated', async () => {
    const d = variant('both-goals');
    expect(d.projects.filter((p) => p.form.overallGoal !== '').length).toBe(3);
    await expectReads(
      await renderPdfmake(disclosureBlocks(d, OLDER), { fontSize: 10.5, headerRows: true }),
      d,
    );
  });

  it('reads the s10 variant (another department, a three-year 阶段性项目, two goal columns) on landscape pages', async () => {
    const d = variant('s10-style');
    await expectReads(await renderPdfmake(disclosureBlocks(d, MODERN), { landscape: true }), d);
  });
});

describe('spreadsheet-style documents (宋体 via CMap, thin-rectangle rules, centred cells)', () => {
  it('reads the fixture exactly in both form styles, a slanted watermark on every page', async () => {
    const watermark = '公开';
    await expectReads(
      renderRaw(disclosureBlocks(fixture, MODERN), { fontSize: MODERN.fontSize, watermark }),
      fixture,
    );
    await expectReads(renderRaw(disclosureBlocks(fixture, OLDER), { fontSize: OLDER.fontSize }), fixture);
  });

  it('reads the older framework (成本指标 under 产出) on 填报表 forms', async () => {
    const d = withTitle(variant('old-framework'), '财政项目支出绩效目标填报表');
    const r = await expectReads(renderRaw(disclosureBlocks(d, OLDER), { fontSize: 10.5 }), d);
    expect(r.result.disclosure?.projects[0]?.form.indicators.some((i) => i.level2 === '成本指标')).toBe(true);
  });

  it('joins a 绩效指标 label, a 一级 label and the table cut by a page break', async () => {
    const d: Disclosure = { ...fixture, summary: null, projects: [fixture.projects[0] as Project] };
    // the indicator table is the second table; break before its 9th row (inside 产出指标 / 数量指标)
    const bytes = renderRaw(disclosureBlocks(d, OLDER), {
      fontSize: OLDER.fontSize,
      breakBefore: (table, row) => table === 1 && row === 9,
    });
    const r = await expectReads(bytes, d);
    const lines = r.text.split('\n');
    const pageOf = (s: string) => r.linePages[lines.findIndex((l) => l.includes(s))];
    expect(pageOf('平安松江微信公众号更新')).toBe((pageOf('城市污水采样检测') ?? 0) + 1);
  });

  it('reads a page break before any row of a form (labels, wrapped cells, a page of label only)', async () => {
    // P10's two tables (the third and fourth of the document): every row in turn starts a page
    const d: Disclosure = {
      ...fixture,
      summary: null,
      projects: [0, 9].map((i) => fixture.projects[i] as Project),
    };
    for (const table of [2, 3]) {
      for (let row = 1; row < 11; row++) {
        const bytes = renderRaw(disclosureBlocks(d, MODERN), {
          fontSize: MODERN.fontSize,
          breakBefore: (t, r) => t === table && r === row,
        });
        const r = await readPdf(bytes);
        expect(
          r.result.diagnostics.filter((x) => x.severity !== 'info'),
          `table ${table} row ${row}`,
        ).toEqual([]);
        expect(r.result.disclosure, `table ${table} row ${row}`).toEqual(d);
      }
    }
  });

  it('reads a 项目绩效目标 label that runs out of its closed box at a page break', async () => {
    // The goals table cut after its heading row, each part boxed, the label printed whole in the
    // part too short for it: its last characters stand below the table's bottom rule.
    const d: Disclosure = { ...fixture, summary: null, projects: [fixture.projects[0] as Project] };
    const bytes = renderRaw(disclosureBlocks(d, MODERN), {
      fontSize: MODERN.fontSize,
      cutCells: 'boxed',
      breakBefore: (table, row) => table === 0 && row === 9,
    });
    const r = await expectReads(bytes, d);
    // no piece of the label left on a line of its own
    expect(r.text.split('\n').filter((l) => /^[项目绩效标]+$/.test(l.trim()))).toEqual([]);
  });

  it('names pages, not lines, in diagnostics', async () => {
    const blocks = disclosureBlocks(fixture, MODERN).map((b): Block => {
      if (b.kind !== 'table') return b;
      const rows = b.rows.map((row) =>
        row.map((c) => (c && c.text === '50,000.00' ? { ...c, text: '5O,000.00' } : c)),
      );
      return { ...b, rows };
    });
    const r = await readPdf(renderRaw(blocks, { fontSize: 9 }));
    const bad = r.result.diagnostics.filter((x) => x.code === 'IMPORT_AMOUNT_INVALID');
    expect(bad.length).toBeGreaterThan(0);
    for (const x of bad) {
      expect(x.message).toMatch(/^第\d+页「/);
      expect(x.message).not.toMatch(/行/);
      expect(x.line).toBeUndefined();
      expect(x.field).toMatch(/^projects\[1\]\.form\.funds\./);
    }
  });
});

describe('the official writer', () => {
  it('round trip: writeDisclosure(fixture, pdf) then read gives the fixture', async () => {
    const { bytes } = await writeDisclosure(fixture, 'pdf');
    const r = await expectReads(bytes, fixture);
    expect(r.pagesRead.length).toBe(r.pageCount);
  });

  it('round trip of a goals table that meets the foot of a page (renamed-sections P03)', async () => {
    // the table would leave no room for 项目绩效目标 down its side above the page break
    const d = variant('renamed-sections');
    const { bytes } = await writeDisclosure(d, 'pdf', { projects: [2] });
    await expectReads(bytes, { ...d, projects: [d.projects[2] as Project] });
  });

  it('round trip of a selection and of two goal columns', async () => {
    const d = variant('both-goals');
    const { bytes } = await writeDisclosure(d, 'pdf', { projects: [1, 6, 9] });
    await expectReads(bytes, { ...d, projects: [1, 6, 9].map((i) => d.projects[i] as Project) });
  });
});
