/**
 * Input the reader cannot use gives one clear diagnostic and no throw, and pdfjs prints nothing.
 */
import { createRequire } from 'node:module';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fixture } from '../../../../testdata/fixture.ts';
import { pdfReader, readPdf } from './read.ts';
import { disclosureBlocks, MODERN } from './testing/layout.ts';
import { notoPath } from './testing/make-pdf.ts';
import { renderRaw } from './testing/raw-pdf.ts';

const codes = async (bytes: Uint8Array) => {
  const r = await pdfReader.read(bytes, { source: 'x.pdf' });
  return { codes: r.diagnostics.map((d) => d.code), r };
};

describe('bad input', () => {
  const spies: ReturnType<typeof vi.spyOn>[] = [];
  beforeEach(() => {
    for (const m of ['log', 'warn', 'error', 'info'] as const) spies.push(vi.spyOn(console, m));
  });
  afterEach(() => {
    // pdfjs' warnings about broken files must not leak to the console
    for (const s of spies) expect(s).not.toHaveBeenCalled();
    for (const s of spies.splice(0)) s.mockRestore();
  });

  it('not a PDF: IMPORT_PDF_UNREADABLE, without the file name (the caller names the file)', async () => {
    const { codes: c, r } = await codes(new TextEncoder().encode('项目名称,平安维稳\n这不是 PDF'));
    expect(c).toEqual(['IMPORT_PDF_UNREADABLE']);
    expect(r.disclosure).toBeNull();
    expect(r.diagnostics[0]?.message).toMatch(/^文件不是有效的 PDF/);
    expect(r.diagnostics[0]?.message).not.toContain('x.pdf');
    expect(r.diagnostics[0]?.severity).toBe('error');
  });

  it('empty bytes: IMPORT_PDF_UNREADABLE', async () => {
    expect((await codes(new Uint8Array())).codes).toEqual(['IMPORT_PDF_UNREADABLE']);
  });

  it('a truncated PDF: a diagnostic, no throw', async () => {
    const whole = renderRaw(disclosureBlocks(fixture, MODERN));
    const r = await pdfReader.read(whole.slice(0, Math.floor(whole.length * 0.4)));
    expect(r.diagnostics.some((d) => d.severity === 'error')).toBe(true);
  });

  it('encrypted: IMPORT_PDF_ENCRYPTED', async () => {
    const require = createRequire(import.meta.url);
    const pdfmake = require('pdfmake');
    const font = notoPath();
    pdfmake.setFonts({ Noto: { normal: font, bold: font, italics: font, bolditalics: font } });
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy(() => true);
    const doc = {
      userPassword: 'secret',
      defaultStyle: { font: 'Noto' },
      content: ['财政项目支出绩效目标申报表'],
    };
    const bytes = new Uint8Array(await pdfmake.createPdf(doc).getBuffer());
    const { codes: c, r } = await codes(bytes);
    expect(c).toEqual(['IMPORT_PDF_ENCRYPTED']);
    expect(r.diagnostics[0]?.message).toMatch(/加密/);
  });

  it('a scan (rules, no text): IMPORT_PDF_NO_TEXT', async () => {
    const empty = renderRaw(
      [
        {
          kind: 'table',
          widths: [100, 200],
          rows: [
            [{ text: '' }, { text: '' }],
            [{ text: '' }, { text: '' }],
          ],
        },
      ],
      { pageNumbers: false },
    );
    const { codes: c, r } = await codes(empty);
    expect(c).toEqual(['IMPORT_PDF_NO_TEXT']);
    expect(r.diagnostics[0]?.message).toMatch(/OCR/);
  });

  it('text in unmappable glyphs (private use): IMPORT_PDF_TEXT_GARBLED', async () => {
    const pua = Array.from({ length: 40 }, (_, i) => String.fromCharCode(0xe000 + i)).join('');
    const { codes: c } = await codes(renderRaw([{ kind: 'para', text: pua }], { pageNumbers: false }));
    expect(c).toContain('IMPORT_PDF_TEXT_GARBLED');
  });

  it('a form drawn without ruling lines: read best effort, IMPORT_PDF_NO_GRID says so', async () => {
    const d = { ...fixture, projects: fixture.projects.slice(1, 2) };
    const r = await pdfReader.read(renderRaw(disclosureBlocks(d, MODERN), { noRules: true }));
    const warning = r.diagnostics.find((x) => x.code === 'IMPORT_PDF_NO_GRID');
    expect(warning?.message).toMatch(/^第1页的申报表没有表格线/);
  });

  it('text but no form: the importer says so, with the pages read', async () => {
    const r = await readPdf(renderRaw([{ kind: 'para', text: '2024年部门预算编制说明。' }]));
    expect(r.result.disclosure).toBeNull();
    expect(r.result.diagnostics.map((d) => d.code)).toEqual(['IMPORT_NO_FORMS', 'IMPORT_PDF_PAGES']);
    expect(r.result.diagnostics[0]?.message).not.toMatch(/行/);
  });
});
