/**
 * PDF writer: the disclosure in the official printed layout (layout.ts), A4 portrait, page numbers
 * in the footer, Noto Sans SC embedded and subset (pdfkit, under pdfmake, subsets TrueType fonts
 * itself), real text with a ToUnicode map so readers and text extractors get the characters back.
 *
 * The layout breaks lines, sizes tables and paginates on its own; pdfmake only places the finished
 * lines and rules, each absolutely positioned, so its own table and page logic never runs. pdfmake
 * and the two ~10 MB font files load on the first `write` and stay for the process.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Disclosure } from '@jixiao/core';
import { selectProjects } from '../select.ts';
import type { WriteOptions, Writer } from '../types.ts';
import { layoutDisclosure, PAGE, type Page } from './layout.ts';
import type { FontMetrics } from './layout-text.ts';

/** The part of pdfmake 0.3's server-side singleton (`require('pdfmake')`) this writer uses. */
interface PdfMake {
  virtualfs: { writeFileSync(name: string, content: Buffer): void };
  setFonts(fonts: Record<string, { normal: string; bold: string }>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(doc: Record<string, unknown>): { getBuffer(): Promise<Buffer> };
}

/** A pdfkit font as pdfmake's PDFDocument hands it out (`provideFont`). */
interface PdfKitFont {
  ascender: number;
  descender: number;
  widthOfString(text: string, size: number): number;
}

/** pdfmake's pdfkit document class (`pdfmake/js/PDFDocument.js`), used only to measure. */
type PdfDocumentClass = new (
  fonts: Record<string, { normal: Buffer; bold: Buffer }>,
  images: object,
  patterns: object,
  attachments: object,
  options: object,
  virtualfs: null,
) => { provideFont(family: string, bold: boolean, italics: boolean): PdfKitFont };

const FAMILY = 'NotoSansSC';
/** Names in pdfmake's virtual file system (not paths: nothing is read from disk after loading). */
const REGULAR = 'NotoSansSC-Regular.ttf';
const BOLD = 'NotoSansSC-Bold.ttf';

interface Engine {
  pdfmake: PdfMake;
  metrics: FontMetrics;
}

let engine: Promise<Engine> | null = null;

/**
 * pdfmake with Noto Sans SC registered, and the font's metrics, loaded once per process. Both
 * access policies refuse everything: a document can never make pdfmake fetch a URL or read a file.
 */
function loadEngine(): Promise<Engine> {
  engine ??= (async () => {
    const require = createRequire(import.meta.url);
    const font = (weight: string) =>
      readFile(require.resolve(`@expo-google-fonts/noto-sans-sc/${weight}/NotoSansSC_${weight}.ttf`));
    // Not literal specifiers: pdfmake ships no type declarations; the interfaces above say what is used.
    const [main, docModule, regular, bold] = await Promise.all([
      import('pdfmake' as string) as Promise<{ default: PdfMake }>,
      import('pdfmake/js/PDFDocument.js' as string) as Promise<{ default: unknown }>,
      font('400Regular'),
      font('700Bold'),
    ]);
    const pdfmake = main.default;
    pdfmake.virtualfs.writeFileSync(REGULAR, regular);
    pdfmake.virtualfs.writeFileSync(BOLD, bold);
    pdfmake.setFonts({ [FAMILY]: { normal: REGULAR, bold: BOLD } });
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy(() => false);
    // The CommonJS build exports the class as `default` of `module.exports`.
    const exported = docModule.default as { default?: PdfDocumentClass } | PdfDocumentClass;
    const PdfDocument = typeof exported === 'function' ? exported : exported.default!;
    return {
      pdfmake,
      metrics: fontMetrics(
        new PdfDocument({ [FAMILY]: { normal: regular, bold } }, {}, {}, {}, { autoFirstPage: false }, null),
        FAMILY,
      ),
    };
  })();
  // A failed load (a missing package) is not kept: the next write tries again.
  engine.catch(() => {
    engine = null;
  });
  return engine;
}

/** Advance widths from the embedded font itself, cached per character and weight. */
function fontMetrics(doc: InstanceType<PdfDocumentClass>, family: string): FontMetrics {
  const regular = doc.provideFont(family, false, false);
  const bold = doc.provideFont(family, true, false);
  const cache = [new Map<string, number>(), new Map<string, number>()] as const;
  return {
    lineHeight: (regular.ascender - regular.descender) / 1000,
    advance(char, isBold) {
      const map = cache[isBold ? 1 : 0];
      let w = map.get(char);
      if (w === undefined) {
        w = (isBold ? bold : regular).widthOfString(char, 1);
        map.set(char, w);
      }
      return w;
    },
  };
}

/** The laid-out pages as pdfmake content: every line and rule absolutely positioned. */
function pdfmakeContent(pages: Page[]): Record<string, unknown>[] {
  return pages.map((page, i) => {
    const items: Record<string, unknown>[] = page.runs.map((r) => ({
      text: r.text,
      fontSize: r.size,
      bold: r.bold,
      characterSpacing: r.spacing === 0 ? undefined : r.spacing,
      noWrap: true,
      absolutePosition: { x: r.x, y: r.y },
    }));
    if (page.rules.length > 0) {
      items.push({
        canvas: page.rules.map((l) => ({
          type: 'line',
          x1: l.x1,
          y1: l.y1,
          x2: l.x2,
          y2: l.y2,
          lineWidth: 0.75,
        })),
        absolutePosition: { x: 0, y: 0 },
      });
    }
    return { stack: items, pageBreak: i === 0 ? undefined : 'before' };
  });
}

/** The metrics of the embedded font, as the layout measures with them (for tests and tools). */
export async function pdfFontMetrics(): Promise<FontMetrics> {
  return (await loadEngine()).metrics;
}

/**
 * The pages exactly as `pdfWriter.write` lays them out — runs and rules before pdfmake draws them —
 * for tests and tools that look at the geometry.
 */
export async function layoutPdfPages(disclosure: Disclosure, options?: WriteOptions): Promise<Page[]> {
  const { metrics } = await loadEngine();
  return layoutDisclosure(selectProjects(disclosure, options), metrics);
}

/** Renders a disclosure (or the projects `options.projects` names) as one PDF. */
async function write(disclosure: Disclosure, options?: WriteOptions): Promise<Uint8Array> {
  const { pdfmake, metrics } = await loadEngine();
  const d = selectProjects(disclosure, options);
  const pages = layoutDisclosure(d, metrics);
  const buffer = await pdfmake
    .createPdf({
      pageSize: { width: PAGE.width, height: PAGE.height },
      pageOrientation: 'portrait',
      // The layout keeps its own margins; pdfmake's would only get in the way of absolute positions.
      pageMargins: [0, 0, 0, 0],
      info: {
        title: `${d.department} ${d.year}年项目预算绩效目标`,
        author: d.department,
        subject: '项目预算绩效目标',
        creator: 'jixiao',
        producer: 'jixiao',
        // From the disclosure, never the clock: the same disclosure always gives the same bytes.
        creationDate: new Date(Date.UTC(d.year, 0, 1)),
      },
      defaultStyle: { font: FAMILY, lineHeight: 1 },
      content: pdfmakeContent(pages),
    })
    .getBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** The PDF writer: the official printed layout, A4, Noto Sans SC embedded and subset. */
export const pdfWriter: Writer = { mediaType: 'application/pdf', extension: 'pdf', write };
