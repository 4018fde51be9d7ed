/**
 * Renders test blocks with pdfmake and Noto Sans SC (embedded, real text): cells top-aligned,
 * tables split over pages by pdfmake, rules stroked as lines — one producer's way of drawing forms.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Block, CellSpec } from './layout.ts';

interface PdfMake {
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  createPdf(doc: object): { getBuffer(): Promise<Uint8Array> };
}

const require = createRequire(import.meta.url);

/** The Noto Sans SC regular TTF. */
export function notoPath(): string {
  return join(
    dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json')),
    '400Regular',
    'NotoSansSC_400Regular.ttf',
  );
}

export interface PageOptions {
  size?: 'A4' | 'A3';
  landscape?: boolean;
  /** left, top, right, bottom */
  margins?: [number, number, number, number];
  fontSize?: number;
  /** printed at the foot of each page: `— N —` */
  pageNumbers?: boolean;
  /** repeat the first row of tables at the top of each page they continue on */
  headerRows?: boolean;
}

/** Renders blocks as a PDF with pdfmake. */
export async function renderPdfmake(
  blocks: readonly Block[],
  options: PageOptions = {},
): Promise<Uint8Array> {
  const pdfmake = require('pdfmake') as PdfMake;
  const font = notoPath();
  // pdfmake is one shared instance: fonts and policies are set for each document
  pdfmake.setFonts({ Noto: { normal: font, bold: font, italics: font, bolditalics: font } });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((p) => p === font);
  const fontSize = options.fontSize ?? 10;
  const content = blocks.map((b) => toPdfmake(b, fontSize, options.headerRows ?? false));
  const doc = {
    pageSize: options.size ?? 'A4',
    pageOrientation: options.landscape ? 'landscape' : 'portrait',
    pageMargins: options.margins ?? [50, 56, 50, 56],
    defaultStyle: { font: 'Noto', fontSize, lineHeight: 1.25 },
    footer: options.pageNumbers
      ? (page: number) => ({ text: `— ${page} —`, alignment: 'center', fontSize: 9, margin: [0, 16, 0, 0] })
      : undefined,
    content,
  };
  return new Uint8Array(await pdfmake.createPdf(doc).getBuffer());
}

function toPdfmake(b: Block, fontSize: number, headerRows: boolean): object {
  switch (b.kind) {
    case 'title':
      return { text: b.text, alignment: 'center', fontSize: b.size ?? fontSize + 4, margin: [0, 6, 0, 6] };
    case 'para':
      return { text: b.indent ? `\u3000\u3000${b.text}` : b.text, margin: [0, 2, 0, 2] };
    case 'pageBreak':
      return { text: '', pageBreak: 'after' };
    case 'table':
      return {
        // pdfmake rewrites `widths` in place: give it a copy
        table: {
          widths: [...b.widths],
          body: b.rows.map((r) => r.map(cell)),
          headerRows: headerRows ? 1 : 0,
        },
        fontSize: b.size ?? fontSize,
        layout: {
          hLineWidth: () => 0.6,
          vLineWidth: () => 0.6,
          paddingLeft: () => 3,
          paddingRight: () => 3,
          paddingTop: () => 2,
          paddingBottom: () => 2,
        },
      };
  }
}

function cell(c: CellSpec | null): object {
  if (!c) return {};
  return {
    text: c.text,
    ...(c.colSpan ? { colSpan: c.colSpan } : {}),
    ...(c.rowSpan ? { rowSpan: c.rowSpan } : {}),
    alignment: c.align ?? 'left',
  };
}
