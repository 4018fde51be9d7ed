/**
 * The page model of the PDF layout and the cursor that fills pages top to bottom. A laid-out
 * document is a list of pages, each a list of text runs (one line of text at a position) and
 * rules (table borders); write.ts hands them to pdfmake as absolutely positioned nodes.
 */
import { breakLines, type FontMetrics, textWidth } from './layout-text.ts';

/** One line of text. `y` is the top of its line box (line height 1), in points from the page top. */
export interface Run {
  x: number;
  y: number;
  text: string;
  size: number;
  bold: boolean;
  /** extra space after each character (justified lines), in points */
  spacing: number;
}

/** A straight line (a table border), in points from the page's top-left corner. */
export interface Rule {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface Page {
  runs: Run[];
  rules: Rule[];
}

/** A4 portrait, in points, and the margins of the text area. */
export const PAGE = { width: 595.28, height: 841.89, left: 64, right: 64, top: 64, bottom: 72 } as const;
export const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
const BOTTOM = PAGE.height - PAGE.bottom;
/** Height of the text area of a page. */
export const PAGE_CONTENT_HEIGHT = BOTTOM - PAGE.top;

export type Align = 'left' | 'center' | 'right';

export interface ParagraphStyle {
  size: number;
  bold?: boolean;
  /** distance between baselines */
  advance: number;
  align?: Align | 'justify';
  /** first-line indent */
  indent?: number;
  spaceBefore?: number;
  spaceAfter?: number;
  /** lines of the next paragraph to keep on the same page as this one (headings) */
  keepWithNext?: number;
}

/**
 * A justified line gets at most this much extra space per character (a share of the font size);
 * a line that needs more stays ragged. Text extractors read a gap of about 0.1 em between
 * characters as a space (pdftotext does), so the spread stays below that.
 */
const MAX_JUSTIFY = 0.08;

/** Fills pages from the top; a new page when the next piece does not fit. */
export class Flow {
  readonly pages: Page[] = [];
  y: number = PAGE.top;
  /** Where the last table ended: a table right below shares that border instead of redrawing it. */
  tableEnd: { page: number; y: number } | null = null;

  constructor(readonly metrics: FontMetrics) {}

  /** The current page (the first one is made on demand). */
  get page(): Page {
    return this.pages[this.pageIndex]!;
  }

  /** Index of the current page (the first one is made on demand). */
  get pageIndex(): number {
    if (this.pages.length === 0) this.pages.push({ runs: [], rules: [] });
    return this.pages.length - 1;
  }

  /** Room left on the current page. */
  get remaining(): number {
    return BOTTOM - this.y;
  }

  /** Whether nothing has been placed on the current page yet. */
  get atTop(): boolean {
    return this.y === PAGE.top;
  }

  /** Starts a new page. */
  newPage(): void {
    this.pages.push({ runs: [], rules: [] });
    this.y = PAGE.top;
  }

  /** The cursor, to come back to with `rewind` as long as nothing was drawn since. */
  mark(): { pages: number; y: number } {
    return { pages: this.pages.length, y: this.y };
  }

  /** Goes back to a `mark`: the pages begun since (still empty) are dropped. */
  rewind(mark: { pages: number; y: number }): void {
    this.pages.length = mark.pages;
    this.y = mark.y;
  }

  /** Starts a new page unless the current one is still empty (a project opens a fresh page). */
  freshPage(): void {
    const page = this.page;
    if (page.runs.length > 0 || page.rules.length > 0) this.newPage();
  }

  /** Moves to a new page unless `height` fits below the cursor or the page is still empty. */
  ensure(height: number): void {
    if (height > this.remaining + 1e-6 && !this.atTop) this.newPage();
  }

  /** Line box height at `size`. */
  lineBox(size: number): number {
    return size * this.metrics.lineHeight;
  }

  /**
   * Places one line of text whose line box starts at `top`, aligned in [x, x + width).
   * `justifyTo` spreads the characters over the width (not for the last line of a paragraph);
   * `page` is the current page unless a table draws a part it placed on an earlier one.
   */
  text(
    line: string,
    x: number,
    top: number,
    width: number,
    size: number,
    bold: boolean,
    align: Align,
    justifyTo = false,
    page: Page = this.page,
  ): void {
    const w = textWidth(this.metrics, line.trimEnd(), size, bold);
    let left = x;
    if (align === 'center') left = x + (width - w) / 2;
    else if (align === 'right') left = x + width - w;
    let spacing = 0;
    const n = [...line.trimEnd()].length;
    if (justifyTo && n > 1 && w < width) {
      const extra = (width - w) / (n - 1);
      if (extra <= size * MAX_JUSTIFY) spacing = extra;
    }
    page.runs.push({ x: left, y: top, text: line, size, bold, spacing });
  }

  /** Places a paragraph, breaking it into lines and across pages between lines. */
  paragraph(text: string, style: ParagraphStyle, nextAdvance = 0): void {
    const bold = style.bold ?? false;
    const indent = style.indent ?? 0;
    const lines = breakLines(this.metrics, text, CONTENT_WIDTH, style.size, {
      bold,
      firstWidth: CONTENT_WIDTH - indent,
    });
    if (lines.length === 0) return;
    const box = this.lineBox(style.size);
    const before = this.atTop ? 0 : (style.spaceBefore ?? 0);
    // Keep a heading with the start of what follows, and never leave a lone first line behind.
    const keep = (style.keepWithNext ?? 0) * nextAdvance;
    this.ensure(before + style.advance * Math.min(lines.length, 2) + keep);
    if (!this.atTop) this.y += before;
    lines.forEach((line, i) => {
      this.ensure(style.advance);
      const x = PAGE.left + (i === 0 ? indent : 0);
      const width = CONTENT_WIDTH - (i === 0 ? indent : 0);
      const align = style.align ?? 'left';
      const justify = align === 'justify' && i < lines.length - 1;
      const top = this.y + (style.advance - box) / 2;
      this.text(line, x, top, width, style.size, bold, align === 'justify' ? 'left' : align, justify);
      this.y += style.advance;
    });
    this.y = Math.min(this.y + (style.spaceAfter ?? 0), BOTTOM);
  }

  /** The footer of every page: 第 N 页 / 共 M 页, centred under the text area. */
  addPageNumbers(size: number): void {
    const total = this.pages.length;
    this.pages.forEach((page, i) => {
      const label = pageLabel(i + 1, total);
      const w = textWidth(this.metrics, label, size);
      page.runs.push({ x: (PAGE.width - w) / 2, y: BOTTOM + 28, text: label, size, bold: false, spacing: 0 });
    });
  }
}

/** The footer text of page `n` of `m`; the reader drops runs matching it. */
export function pageLabel(n: number, m: number): string {
  return `第 ${n} 页 / 共 ${m} 页`;
}
