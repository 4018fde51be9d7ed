/**
 * The disclosure as one standalone HTML document in the official printed layout: the summary
 * paragraph, then per project its 项目经费情况说明 and its 申报表 as a real table. Printable on A4:
 * each project after the first starts a new page (the summary paragraph and the first project share
 * the first page, as in the published document), and each form starts a page of its own, so its
 * heading is never left alone at the foot of a page. The render functions are exported separately so
 * the public web page can show the same markup inside its own page.
 *
 * Everything from the disclosure is escaped; the document loads nothing (no scripts, fonts or
 * images), so it can be served as is or saved and opened offline.
 */
import type { Disclosure, Project } from '@jixiao/core';
import { selectProjects } from '../select.ts';
import type { Writer } from '../types.ts';
import {
  documentTitle,
  EXPLANATION_HEADING,
  FORM_COLUMN_WIDTHS,
  formGrid,
  type GridCell,
  sectionHeading,
  summaryParagraph,
  yearLine,
} from './form-grid.ts';

/** Escapes text for HTML element content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * The stylesheet of the rendered disclosure. Every rule is scoped under `.jx-doc`, so it can be
 * included in a larger page. Fonts: SimSun (宋体) as the published documents use, then common CJK
 * serif and sans fallbacks.
 */
export const DISCLOSURE_CSS = `
@page { size: A4; margin: 20mm 18mm 18mm; @bottom-center { content: counter(page); font-size: 9pt; } }
.jx-doc { font-family: SimSun, "宋体", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", "Noto Sans SC",
  "Noto Sans CJK SC", "Microsoft YaHei", serif; font-size: 10.5pt; line-height: 1.6; color: #000;
  background: #fff; max-width: 180mm; margin: 0 auto; padding: 10mm 6mm; }
.jx-doc h1 { font-size: 16pt; text-align: center; margin: 0 0 1em; }
.jx-doc h2 { font-size: 14pt; text-align: center; margin: 1.2em 0 0.6em; }
.jx-doc h3 { font-size: 10.5pt; margin: 0.8em 0 0.2em; }
.jx-doc p { margin: 0; }
.jx-summary, .jx-section p { text-indent: 2em; white-space: pre-line; }
.jx-project + .jx-project { break-before: page; }
.jx-form { break-before: page; }
.jx-doc h2, .jx-form .jx-year { break-after: avoid; }
.jx-form .jx-year { text-align: center; margin-bottom: 0.6em; }
.jx-form-table { width: 100%; border-collapse: collapse; table-layout: fixed; }
.jx-form-table th, .jx-form-table td { border: 0.75pt solid #000; padding: 2pt 4pt; vertical-align: middle;
  font-weight: normal; overflow-wrap: anywhere; line-height: 1.45; }
.jx-form-table .jx-head { font-weight: bold; }
.jx-form-table .jx-left { text-align: left; }
.jx-form-table .jx-center { text-align: center; }
.jx-form-table .jx-right { text-align: right; font-variant-numeric: tabular-nums; }
.jx-form-table .jx-text { text-indent: 2em; white-space: pre-line; vertical-align: top; }
.jx-form-table .jx-open-top { border-top: none; }
.jx-form-table .jx-open-bottom { border-bottom: none; }
.jx-form-table .jx-open-both { border-top: none; border-bottom: none; }
.jx-vertical { display: inline-block; writing-mode: vertical-rl; text-orientation: upright;
  letter-spacing: 0.25em; }
/* Short rows stay whole; a row of long goal text may run on to the next page rather than leave a gap. */
.jx-form-table tr:not(.jx-long) { break-inside: avoid; }
@media print { .jx-doc { max-width: none; padding: 0; } }
`;

/** A complete standalone HTML document (lang zh-CN, A4 print styles) for the disclosure. */
export function renderDisclosureHtml(disclosure: Disclosure): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(documentTitle(disclosure))}</title>
<style>${DISCLOSURE_CSS}</style>
</head>
<body>
${renderDisclosureFragment(disclosure)}
</body>
</html>
`;
}

/** The disclosure's body (title, summary paragraph, every project) as one `.jx-doc` element. */
export function renderDisclosureFragment(disclosure: Disclosure): string {
  const summary = summaryParagraph(disclosure);
  const parts = [
    `<article class="jx-doc">`,
    `<h1>${escapeHtml(documentTitle(disclosure))}</h1>`,
    summary === null ? '' : `<p class="jx-summary">${escapeHtml(summary)}</p>`,
    ...disclosure.projects.map((p, i) => renderProjectHtml(p, i)),
    `</article>`,
  ];
  return parts.filter((p) => p !== '').join('\n');
}

/**
 * One project: its 项目经费情况说明 (when it has one) and its declaration form. `index` (0-based)
 * gives the element id `project-N` (1-based), for links into the page.
 */
export function renderProjectHtml(project: Project, index: number): string {
  const out = [
    `<section class="jx-project" id="project-${index + 1}" aria-label="${escapeHtml(project.form.name)}">`,
  ];
  if (project.explanation !== null) {
    out.push(`<div class="jx-explanation">`, `<h2>${EXPLANATION_HEADING}</h2>`);
    for (const s of project.explanation.sections) {
      out.push(
        `<div class="jx-section">`,
        `<h3>${escapeHtml(sectionHeading(s))}</h3>`,
        `<p>${escapeHtml(s.text)}</p>`,
        `</div>`,
      );
    }
    out.push(`</div>`);
  }
  out.push(renderFormHtml(project), `</section>`);
  return out.join('\n');
}

/** The 财政项目支出绩效目标申报表 of one project: title, year line and the form table. */
export function renderFormHtml(project: Project): string {
  const form = project.form;
  const cols = FORM_COLUMN_WIDTHS.map((w) => `<col style="width:${w}%">`).join('');
  const rows = openSpansOverLongRows(formGrid(form)).map((row) => {
    const long = row.some((c) => c.role === 'text');
    return `<tr${long ? ' class="jx-long"' : ''}>${row.map(renderCell).join('')}</tr>`;
  });
  return [
    `<div class="jx-form">`,
    `<h2>${escapeHtml(form.title)}</h2>`,
    `<p class="jx-year">${escapeHtml(yearLine(form))}</p>`,
    `<table class="jx-form-table">`,
    `<colgroup>${cols}</colgroup>`,
    `<tbody>`,
    ...rows,
    `</tbody>`,
    `</table>`,
    `</div>`,
  ].join('\n');
}

/** A grid cell as HTML renders it: `open` draws no border on that side (a merge drawn by hand). */
type HtmlCell = GridCell & { open?: 'top' | 'bottom' | 'both' };

/**
 * Chromium will not break a table row across pages while a rowspan cell covers it, so a long goal
 * text under the rowspanned 项目绩效目标 label would be pushed whole to the next page — or cut off
 * when it is longer than a page. Such a span is drawn instead as one cell per row without the
 * borders between them, with the label in the long row: it looks the same, and the row can break.
 */
function openSpansOverLongRows(rows: readonly GridCell[][]): HtmlCell[][] {
  const out: HtmlCell[][] = rows.map((row) => [...row]);
  const isLong = rows.map((row) => row.some((c) => c.role === 'text'));
  rows.forEach((row, r) => {
    for (const c of row) {
      if (c.rowSpan < 2) continue;
      const last = r + c.rowSpan - 1;
      const longRow = isLong.indexOf(true, r);
      if (longRow === -1 || longRow > last) continue;
      for (let k = r; k <= last; k++) {
        const open = k === r ? 'bottom' : k === last ? 'top' : 'both';
        const piece: HtmlCell = { ...c, rowSpan: 1, open, text: k === longRow ? c.text : '' };
        const target = out[k]!;
        if (k === r) target[target.indexOf(c)] = piece;
        else {
          const at = target.findIndex((x) => x.col > c.col);
          target.splice(at === -1 ? target.length : at, 0, piece);
        }
      }
    }
  });
  return out;
}

function renderCell(c: HtmlCell): string {
  // Printed field names and headings are header cells; what was filled in is data.
  const tag = c.role === 'value' || c.role === 'text' ? 'td' : 'th';
  const classes = [`jx-${c.align}`];
  if (c.role === 'head') classes.push('jx-head');
  if (c.role === 'text') classes.push('jx-text');
  if (c.open) classes.push(`jx-open-${c.open}`);
  const span = `${c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}${c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}`;
  const text = escapeHtml(c.text);
  const content = c.role === 'vertical' ? `<span class="jx-vertical">${text}</span>` : text;
  return `<${tag}${span} class="${classes.join(' ')}">${content}</${tag}>`;
}

/** Writes the standalone HTML document (UTF-8, no BOM). */
export const htmlWriter: Writer = {
  mediaType: 'text/html; charset=utf-8',
  extension: 'html',
  async write(disclosure, options) {
    return new TextEncoder().encode(renderDisclosureHtml(selectProjects(disclosure, options)));
  },
};
