/**
 * The PDF writer end to end: real PDFs of the Songjiang fixture, checked with poppler (pdffonts,
 * pdftoppm under an empty fontconfig, pdftotext) where it is installed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatYuan, printedValue } from '@jixiao/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../../../../testdata/fixture.ts';
import { layoutPdfPages, pdfWriter } from './write.ts';

const has = (tool: string) => spawnSync(tool, ['-v']).error === undefined;
const poppler = has('pdffonts') && has('pdftoppm') && has('pdftotext');
const POPPLER_MISSING = 'poppler-utils (pdffonts, pdftoppm, pdftotext) not installed: skipped';
// CI installs poppler and sets this, so a missing tool fails there instead of skipping quietly.
if (!poppler && process.env.JIXIAO_REQUIRE_POPPLER === '1') {
  throw new Error(
    'JIXIAO_REQUIRE_POPPLER=1 but poppler-utils (pdffonts, pdftoppm, pdftotext) is not installed',
  );
}

let dir: string;
let pdf: Uint8Array;
let file: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jixiao-pdf-'));
  pdf = await pdfWriter.write(fixture);
  file = join(dir, 'fixture.pdf');
  writeFileSync(file, pdf);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Pages in a PDF: its page objects (pdfkit writes `/Type /Page` uncompressed). */
function pageCount(bytes: Uint8Array): number {
  return (
    Buffer.from(bytes)
      .toString('latin1')
      .match(/\/Type \/Page\b(?!s)/g)?.length ?? 0
  );
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync(cmd, args, { env, encoding: 'utf8' });
  if (r.error) throw r.error;
  return r;
}

const squash = (s: string) => s.replace(/\s+/g, '');

function pdftotext(path: string): string {
  // -raw: the content stream's order, which is the layout's reading order (cell by cell).
  const r = run('pdftotext', ['-raw', '-enc', 'UTF-8', path, '-']);
  expect(r.status).toBe(0);
  return r.stdout;
}

describe('pdfWriter', () => {
  it('is application/pdf with the pdf extension', () => {
    expect(pdfWriter.mediaType).toBe('application/pdf');
    expect(pdfWriter.extension).toBe('pdf');
  });

  it('writes a complete PDF: the header, the trailer, a page per project at least', async () => {
    const head = Buffer.from(pdf.subarray(0, 8)).toString('latin1');
    expect(head.startsWith('%PDF-')).toBe(true);
    expect(Buffer.from(pdf.subarray(-6)).toString('latin1')).toContain('%%EOF');
    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(fixture.projects.length + 1);
    // The layout paginates on its own; pdfmake must not have broken any page further.
    expect(pages).toBe((await layoutPdfPages(fixture)).length);
  });

  it('gives the same bytes for the same disclosure', async () => {
    const again = await pdfWriter.write(fixture);
    expect(Buffer.from(again).equals(Buffer.from(pdf))).toBe(true);
  });

  it('writes only the projects options.projects names, in that order', async () => {
    const bytes = await pdfWriter.write(fixture, { projects: [9, 1] });
    expect(pageCount(bytes)).toBeLessThan(pageCount(pdf));
    expect(pageCount(bytes)).toBe((await layoutPdfPages(fixture, { projects: [9, 1] })).length);
    if (!poppler) return;
    const path = join(dir, 'subset.pdf');
    writeFileSync(path, bytes);
    const text = squash(pdftotext(path));
    const [p10, p2, p1] = [fixture.projects[9]!, fixture.projects[1]!, fixture.projects[0]!];
    expect(text.indexOf(squash(p10.form.name))).toBeGreaterThan(-1);
    expect(text.indexOf(squash(p10.form.name))).toBeLessThan(text.indexOf(`项目名称${p2.form.name}`));
    expect(text).not.toContain(`项目名称${p1.form.name}项目性质`);
  });

  it('writes a disclosure without projects or summary as one page', async () => {
    const bytes = await pdfWriter.write({ ...fixture, summary: null, projects: [] });
    expect(pageCount(bytes)).toBe(1);
  });
});

describe.skipIf(!poppler)('the PDF under poppler', () => {
  if (!poppler) it.skip(POPPLER_MISSING, () => {});

  it('embeds and subsets every font (pdffonts: emb yes, sub yes), none left to the system', () => {
    const r = run('pdffonts', [file]);
    expect(r.status).toBe(0);
    const rows = r.stdout.trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      // name type encoding emb sub uni object ID — the type may hold a space (CID TrueType).
      const cols = row.trim().split(/\s+/);
      const [emb, sub, uni] = cols.slice(-5, -2);
      expect({ row, emb, sub, uni }).toEqual({ row, emb: 'yes', sub: 'yes', uni: 'yes' });
      expect(cols[0]).toMatch(/^[A-Z]{6}\+NotoSansSC-(Regular|Bold)$/);
    }
  });

  it('renders pages 1–3 with pdftoppm under an empty fontconfig (no system font to fall back on)', () => {
    const conf = join(dir, 'fonts.conf');
    writeFileSync(
      conf,
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><cachedir>${join(dir, 'fc')}</cachedir></fontconfig>\n`,
    );
    const env = { ...process.env, FONTCONFIG_FILE: conf };
    const r = run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '3', file, join(dir, 'p')], env);
    expect(r.status).toBe(0);
    // poppler reports broken content streams and missing fonts on stderr.
    expect(r.stderr).toBe('');
    for (const n of ['1', '2', '3']) {
      const png = readFileSync(join(dir, `p-${n.padStart(2, '0')}.png`));
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(statSync(join(dir, `p-${n.padStart(2, '0')}.png`)).size).toBeGreaterThan(2000);
    }
  });

  it('has real text: the summary, every project name, amount and indicator value (pdftotext)', () => {
    const text = squash(pdftotext(file));
    expect(text).toContain(
      squash('按照本市预算绩效管理工作的总体要求，本部门1个预算单位开展了2024年项目预算绩效目标编报工作'),
    );
    expect(text).toContain('第1页/共23页'.replace('23', String(pageCount(pdf))));
    for (const p of fixture.projects) {
      expect(text).toContain(squash(p.form.name));
      expect(text).toContain(formatYuan(p.form.funds.annualTotal!));
      for (const ind of p.form.indicators) {
        expect(text).toContain(squash(ind.name));
        expect(text).toContain(squash(printedValue(ind)));
      }
      for (const s of p.explanation?.sections ?? [])
        expect(text).toContain(squash(`${s.number}、${s.title}`));
    }
    expect(text).toContain('≥4.00(次)');
    expect(text).toContain('5,850,000.00');
  });
});
