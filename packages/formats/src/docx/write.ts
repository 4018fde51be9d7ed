/**
 * The disclosure as a Word document, in the same layout as the HTML rendering (one shared grid,
 * `html/form-grid.ts`): a title, the summary paragraph, then per project its 项目经费情况说明 and
 * its 申报表 as one table with merged cells. A4, page numbers in the footer, 宋体 for East Asian text.
 *
 * The `docx` library is loaded on first use only (it is large and most callers never write Word).
 */
import type { Disclosure, Project } from '@jixiao/core';
import type * as Docx from 'docx';
import {
  documentTitle,
  EXPLANATION_HEADING,
  FORM_COLUMN_WIDTHS,
  formGrid,
  type GridCell,
  type GridRow,
  sectionHeading,
  summaryParagraph,
  yearLine,
} from '../html/form-grid.ts';
import { selectProjects } from '../select.ts';
import type { Writer } from '../types.ts';

type DocxModule = typeof Docx;

/** A4 in twentieths of a point (twips), and margins of 20 mm top and bottom, 18 mm left and right. */
const PAGE = { width: 11906, height: 16838, marginY: 1134, marginX: 1020 } as const;
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.marginX;

/** Body text: 宋体 (SimSun) for Chinese, Times New Roman for Latin letters and digits, 五号 (10.5 pt). */
const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体', cs: 'Times New Roman' };
/** Headings in 黑体 (SimHei), as published documents set them. */
const HEADING_FONT = { ...FONT, eastAsia: '黑体' };
const BODY_SIZE = 21; // half-points: 10.5 pt
/** Two characters of 10.5 pt: the first-line indent of Chinese body text. */
const INDENT_2_CHARS = 420;

/**
 * Vertical text with East Asian characters upright (ECMA-376 `tbRlV`; `tbRl` would lay them on their
 * side). The library's `TextDirection` lists only the three rotating values, hence the cast.
 */
const VERTICAL_UPRIGHT = 'tbRlV' as (typeof Docx.TextDirection)[keyof typeof Docx.TextDirection];

/** Renders the Word document (`.docx` bytes). */
export async function renderDisclosureDocx(disclosure: Disclosure): Promise<Uint8Array> {
  const d = await import('docx');
  const children: (Docx.Paragraph | Docx.Table)[] = [
    new d.Paragraph({
      heading: d.HeadingLevel.HEADING_1,
      children: [new d.TextRun(documentTitle(disclosure))],
    }),
  ];
  const summary = summaryParagraph(disclosure);
  if (summary !== null) children.push(bodyParagraph(d, summary));
  disclosure.projects.forEach((project, i) => {
    children.push(...projectBlocks(d, project, i > 0));
  });

  const doc = new d.Document({
    creator: 'jixiao',
    title: documentTitle(disclosure),
    styles: {
      default: {
        document: {
          run: { font: FONT, size: BODY_SIZE, language: { value: 'en-US', eastAsia: 'zh-CN' } },
          paragraph: { spacing: { line: 360 } },
        },
        heading1: headingStyle(32, 'center', 0, 240),
        heading2: headingStyle(28, 'center', 240, 160),
        heading3: headingStyle(BODY_SIZE, 'left', 120, 40),
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.marginY, bottom: PAGE.marginY, left: PAGE.marginX, right: PAGE.marginX },
          },
        },
        footers: { default: pageNumberFooter(d) },
        children,
      },
    ],
  });
  return new Uint8Array(await d.Packer.toBuffer(doc));
}

function headingStyle(size: number, alignment: 'center' | 'left', before: number, after: number) {
  return {
    run: { font: HEADING_FONT, size, bold: true, color: '000000' },
    paragraph: { alignment, spacing: { before, after }, keepNext: true },
  } as const;
}

/** 「第 N 页 共 M 页」, centred in the footer. */
function pageNumberFooter(d: DocxModule): Docx.Footer {
  return new d.Footer({
    children: [
      new d.Paragraph({
        alignment: d.AlignmentType.CENTER,
        children: [
          new d.TextRun({
            children: ['第 ', d.PageNumber.CURRENT, ' 页 共 ', d.PageNumber.TOTAL_PAGES, ' 页'],
            size: 18,
          }),
        ],
      }),
    ],
  });
}

/** Body text with the two-character first-line indent; line breaks in the text become paragraphs. */
function bodyParagraph(d: DocxModule, text: string): Docx.Paragraph {
  const lines = text.split('\n');
  return new d.Paragraph({
    indent: { firstLine: INDENT_2_CHARS },
    alignment: d.AlignmentType.JUSTIFIED,
    children: lines.map((line, i) => new d.TextRun({ text: line, break: i > 0 ? 1 : 0 })),
  });
}

/**
 * One project: 项目经费情况说明 (when present) and the form. Each project after the first starts a
 * page, and each form starts a page of its own, as in the HTML rendering.
 */
function projectBlocks(d: DocxModule, project: Project, newPage: boolean): (Docx.Paragraph | Docx.Table)[] {
  const out: (Docx.Paragraph | Docx.Table)[] = [];
  if (project.explanation !== null) {
    out.push(
      new d.Paragraph({
        heading: d.HeadingLevel.HEADING_2,
        pageBreakBefore: newPage,
        children: [new d.TextRun(EXPLANATION_HEADING)],
      }),
    );
    for (const s of project.explanation.sections) {
      out.push(
        new d.Paragraph({ heading: d.HeadingLevel.HEADING_3, children: [new d.TextRun(sectionHeading(s))] }),
        bodyParagraph(d, s.text),
      );
    }
  }
  const form = project.form;
  out.push(
    new d.Paragraph({
      heading: d.HeadingLevel.HEADING_2,
      pageBreakBefore: project.explanation !== null || newPage,
      spacing: { after: 0 },
      children: [new d.TextRun(form.title)],
    }),
    new d.Paragraph({
      alignment: d.AlignmentType.CENTER,
      keepNext: true,
      spacing: { after: 120 },
      children: [new d.TextRun(yearLine(form))],
    }),
    formTable(d, formGrid(form)),
  );
  return out;
}

/**
 * The form grid as a Word table. Word has no rowspan: a merged cell is a `vMerge="restart"` cell
 * followed, in each row it covers, by an empty `vMerge="continue"` cell of the same width, so the
 * rows are rebuilt here column by column with those continuation cells put in.
 */
function formTable(d: DocxModule, grid: readonly GridRow[]): Docx.Table {
  const columnWidths = FORM_COLUMN_WIDTHS.map((w) => Math.round((CONTENT_WIDTH * w) / 100));
  /** for each grid column, the merged cell covering it and the last row it covers */
  const covering: ({ cell: GridCell; lastRow: number } | undefined)[] = [];
  const rows = grid.map((row, r) => {
    const cells: Docx.TableCell[] = [];
    let col = 0;
    while (col < columnWidths.length) {
      const cover = covering[col];
      if (cover !== undefined && cover.lastRow >= r) {
        cells.push(continueCell(d, cover.cell, spanWidth(columnWidths, cover.cell)));
        col += cover.cell.colSpan;
        continue;
      }
      const cell = row.find((c) => c.col === col);
      if (cell === undefined) throw new Error(`form grid row ${r} has no cell at column ${col}`);
      if (cell.rowSpan > 1) covering[col] = { cell, lastRow: r + cell.rowSpan - 1 };
      cells.push(gridCell(d, cell, spanWidth(columnWidths, cell)));
      col += cell.colSpan;
    }
    // Short rows are kept whole on a page; a row of long goal text may break across pages.
    return new d.TableRow({ children: cells, cantSplit: !row.some((c) => c.role === 'text') });
  });
  return new d.Table({
    width: { size: CONTENT_WIDTH, type: d.WidthType.DXA },
    columnWidths,
    layout: d.TableLayoutType.FIXED,
    rows,
  });
}

function spanWidth(columnWidths: readonly number[], cell: GridCell): number {
  return columnWidths.slice(cell.col, cell.col + cell.colSpan).reduce((a, b) => a + b, 0);
}

const CELL_MARGINS = { top: 30, bottom: 30, left: 80, right: 80 };

function gridCell(d: DocxModule, cell: GridCell, width: number): Docx.TableCell {
  const alignment =
    cell.align === 'right'
      ? d.AlignmentType.RIGHT
      : cell.align === 'left'
        ? d.AlignmentType.LEFT
        : d.AlignmentType.CENTER;
  const bold = cell.role === 'head';
  const paragraphs = cell.text.split('\n').map(
    (line) =>
      new d.Paragraph({
        alignment: cell.role === 'text' ? d.AlignmentType.JUSTIFIED : alignment,
        spacing: { line: 280 },
        ...(cell.role === 'text' ? { indent: { firstLine: INDENT_2_CHARS } } : {}),
        children: [new d.TextRun({ text: line, bold })],
      }),
  );
  return new d.TableCell({
    children: paragraphs,
    width: { size: width, type: d.WidthType.DXA },
    margins: CELL_MARGINS,
    verticalAlign: cell.role === 'text' ? d.VerticalAlignTable.TOP : d.VerticalAlignTable.CENTER,
    ...(cell.colSpan > 1 ? { columnSpan: cell.colSpan } : {}),
    ...(cell.rowSpan > 1 ? { verticalMerge: d.VerticalMergeType.RESTART } : {}),
    ...(cell.role === 'vertical' ? { textDirection: VERTICAL_UPRIGHT } : {}),
  });
}

function continueCell(d: DocxModule, cell: GridCell, width: number): Docx.TableCell {
  return new d.TableCell({
    children: [new d.Paragraph({})],
    width: { size: width, type: d.WidthType.DXA },
    verticalMerge: d.VerticalMergeType.CONTINUE,
    ...(cell.colSpan > 1 ? { columnSpan: cell.colSpan } : {}),
  });
}

/** Writes the Word document (Office Open XML). */
export const docxWriter: Writer = {
  mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  extension: 'docx',
  write: (disclosure, options) => renderDisclosureDocx(selectProjects(disclosure, options)),
};
