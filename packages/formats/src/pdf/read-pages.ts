/**
 * Finds the 绩效目标 part of a PDF. A disclosure may stand alone, or sit inside a whole 部门预算
 * document (cover, 目录, 职能, budget tables, 其他相关情况说明 …, 国有资产 after it); only the pages of
 * the part are read: the page of the summary paragraph and the run of pages from the first 说明 or
 * 申报表 to the last, extended by the caller over pages where the last table goes on.
 */

/** A page's text lines, whitespace removed, for recognising headings. */
export interface PageLines {
  page: number;
  lines: string[];
}

/** Where the part is. Page numbers are 1-based. */
export interface PartPages {
  /** the page(s) of the summary paragraph, when before the forms */
  summary: number[];
  /** the first and last page holding a 说明 or 申报表 heading, or null when there is none */
  forms: { from: number; to: number } | null;
}

/** 财政项目支出绩效目标申报表 / 填报表, possibly with the year before or after it. */
export const FORM_TITLE_RE =
  /^(?:\d{4}年(?:度)?)?(?:财政)?项目(?:支出)?绩效目标(?:申报|填报|申请)表(?:[（(]\d{4}年度?[)）])?$/;
/** A project's 项目经费情况说明, or the document's chapter of that name (七、项目经费情况说明). */
const EXPLANATION_RE = /^.{0,60}项目经费情况说明$/;
const SUMMARY_ANCHOR_RE = /按照本[市区省县]?预算绩效管理工作的总体要求/;
/** A 目录 page: its entries end in page numbers, which keeps them from matching the headings above. */
const TOC_RE = /^目录$/;

/** Locates the part from the pages' lines. */
export function findPart(pages: readonly PageLines[]): PartPages {
  let from = 0;
  let to = 0;
  for (const p of pages) {
    if (p.lines.some((l) => TOC_RE.test(l))) continue;
    if (p.lines.some((l) => FORM_TITLE_RE.test(l) || EXPLANATION_RE.test(l))) {
      if (from === 0) from = p.page;
      to = p.page;
    }
  }
  const summary: number[] = [];
  for (const [i, p] of pages.entries()) {
    if (from !== 0 && p.page >= from) break;
    // the opening words may wrap onto two lines
    const text = p.lines.join('');
    const at = text.search(SUMMARY_ANCHOR_RE);
    if (at < 0) continue;
    summary.push(p.page);
    // the sentence runs on onto the next page when the page ends before its full stop
    const next = pages[i + 1];
    if (!text.slice(at).includes('。') && next && (from === 0 || next.page < from)) summary.push(next.page);
    break;
  }
  return { summary, forms: from === 0 ? null : { from, to } };
}

/** "第3、14–39页" */
export function describePages(pages: readonly number[]): string {
  const sorted = [...new Set(pages)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] ?? 0) + 1) j++;
    parts.push(j === i ? `${sorted[i]}` : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return `第${parts.join('、')}页`;
}
