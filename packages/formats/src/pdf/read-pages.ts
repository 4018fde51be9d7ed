/**
 * Finds the 绩效目标 part of a PDF. A disclosure may stand alone, or sit inside a whole 部门预算
 * document (cover, 目录, 职能, budget tables, 其他相关情况说明 …, 国有资产 after it); only the pages of
 * the part are read: the page of the summary paragraph (before the forms, or in documents that print
 * it last, after them) and the run of pages from the first 说明 or
 * 申报表 to the last, extended by the caller over pages where the last table goes on.
 */

/** A page's text lines, whitespace removed, for recognising headings. */
export interface PageLines {
  page: number;
  lines: string[];
}

/** Where the part is. Page numbers are 1-based. */
export interface PartPages {
  /** the page(s) of the summary paragraph: before the forms, or else after them */
  summary: number[];
  /** the first and last page holding a 说明 or 申报表 heading, or null when there is none */
  forms: { from: number; to: number } | null;
}

/** 财政项目支出绩效目标申报表 / 填报表, possibly with the year before or after it. */
export const FORM_TITLE_RE =
  /^(?:\d{4}年(?:度)?)?(?:财政)?项目(?:支出)?绩效目标(?:申报|填报|申请)表(?:[（(]\d{4}年度?[)）])?$/;
/** A project's 项目经费情况说明, or the document's chapter of that name (七、项目经费情况说明). */
const EXPLANATION_RE = /^.{0,60}项目经费情况说明$/;
export const SUMMARY_ANCHOR_RE = /按照本[市区省县]?预算绩效管理工作的总体要求/;
/** A 目录 page: its entries name the headings above, with or without page numbers. */
const TOC_RE = /^目录$/;
/** An entry of a 目录: numbered, or ending in a page number after dot leaders. */
const TOC_ENTRY_RE =
  /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．](?!\d)|第[一二三四五六七八九十\d]+[章节部分]|附[件表]).*$|^.*[.…·．]{2,}\d{1,4}$/;
/** A page number or running foot: no words. */
const BARE_RE = /^[-—–－\d第页共/／,，]*$/;

/**
 * Whether a page goes on with the 目录 of the page before it: it has no 目录 heading of its own, but
 * every line is an entry (or an entry wrapped onto a second line), a heading the entries name, or
 * a page number — no paragraph, no table.
 */
function tocGoesOn(p: PageLines): boolean {
  const lines = p.lines.filter((l) => !BARE_RE.test(l));
  if (lines.length === 0) return false;
  const entry = (l: string) => TOC_ENTRY_RE.test(l) || FORM_TITLE_RE.test(l) || EXPLANATION_RE.test(l);
  // mostly entries: a form's page (title, then its table's rows) is not
  if (lines.filter(entry).length * 2 < lines.length) return false;
  return lines.every(
    (l, i) =>
      entry(l) ||
      // the second line of a wrapped entry: short, no sentence
      (i > 0 && l.length <= 30 && !/[。；;：:]/.test(l)),
  );
}

/** Locates the part from the pages' lines. */
export function findPart(pages: readonly PageLines[]): PartPages {
  let from = 0;
  let to = 0;
  let toc = false;
  for (const p of pages) {
    toc = p.lines.some((l) => TOC_RE.test(l)) || (toc && tocGoesOn(p));
    if (toc) continue;
    if (p.lines.some((l) => FORM_TITLE_RE.test(l) || EXPLANATION_RE.test(l))) {
      if (from === 0) from = p.page;
      to = p.page;
    }
  }
  // before the forms (under 绩效目标设置情况 of 其他相关情况说明), else after them
  const summary =
    summaryPages(pages, (p) => from === 0 || p.page < from) ??
    (from === 0 ? null : summaryPages(pages, (p) => p.page >= to)) ??
    [];
  return { summary, forms: from === 0 ? null : { from, to } };
}

/** The page of the first summary paragraph among the pages `where` allows, and the next when it runs on there. */
function summaryPages(pages: readonly PageLines[], where: (p: PageLines) => boolean): number[] | null {
  for (const [i, p] of pages.entries()) {
    if (!where(p)) continue;
    // the opening words may wrap onto two lines
    const text = p.lines.join('');
    const at = text.search(SUMMARY_ANCHOR_RE);
    if (at < 0) continue;
    // the sentence runs on onto the next page when the page ends before its full stop
    const next = pages[i + 1];
    if (!text.slice(at).includes('。') && next && where(next)) return [p.page, next.page];
    return [p.page];
  }
  return null;
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
