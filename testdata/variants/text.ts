/**
 * Line-level editing of a disclosure printed as PDF text, for the variant generator.
 *
 * The fixture's conventions: a blank line after (almost) every printed line, page breaks as runs of
 * three or more blank lines, printed blank cells as lines holding only spaces. Edits keep these.
 */

/** A placeholder line standing for a page break; `renderPageBreaks` turns it into text. */
export const PAGE_BREAK = '\u0000PAGE_BREAK';

export const FORM_TITLES = ['财政项目支出绩效目标申报表', '财政项目支出绩效目标填报表'] as const;
export const EXPLANATION_TITLE = '项目经费情况说明';

/** One project's text: its 项目经费情况说明 followed by its form, up to the next project. */
export interface ProjectText {
  /** index of the project in the fixture (P01 = 0), kept through reordering */
  readonly orig: number;
  readonly lines: string[];
}

/** A document cut at each project: what precedes the first 说明, then one block per project. */
export interface DocText {
  readonly preamble: string[];
  readonly projects: ProjectText[];
}

/** Cuts a document into its preamble and per-project blocks, at each line `项目经费情况说明`. */
export function splitDocument(text: string): DocText {
  const lines = text.split('\n');
  const starts = lines.flatMap((l, i) => (l.trim() === EXPLANATION_TITLE ? [i] : []));
  if (starts.length === 0) throw new Error('no 项目经费情况说明 in the document');
  const projects = starts.map((start, k) => ({ orig: k, lines: lines.slice(start, starts[k + 1]) }));
  return { preamble: lines.slice(0, starts[0]), projects };
}

/** The document's lines, in order. */
export function documentLines(doc: DocText): string[] {
  return [...doc.preamble, ...doc.projects.flatMap((p) => p.lines)];
}

/** Replaces the lines of one project (by fixture index) with `edit(lines)`. */
export function editProject(doc: DocText, orig: number, edit: (lines: string[]) => string[]): DocText {
  let found = false;
  const projects = doc.projects.map((p) => {
    if (p.orig !== orig) return p;
    found = true;
    return { orig, lines: edit([...p.lines]) };
  });
  if (!found) throw new Error(`project ${orig} not in document`);
  return { preamble: doc.preamble, projects };
}

export const isBlank = (line: string): boolean => line.trim() === '';

/** Index of the form title line in a project block (the end of its 说明). */
export function formStart(lines: readonly string[]): number {
  const i = lines.findIndex((l) => (FORM_TITLES as readonly string[]).includes(l.trim()));
  if (i < 0) throw new Error('no form title in project block');
  return i;
}

export type LineMatch = string | ((line: string) => boolean);

/**
 * Index of the `occurrence`-th line (1-based) at or after `from` that matches: a string matches a
 * line equal to it once trimmed. Throws when there is none, so a generator edit never silently misses.
 */
export function findLine(
  lines: readonly string[],
  match: LineMatch,
  opts: { from?: number; to?: number; occurrence?: number } = {},
): number {
  const test = typeof match === 'string' ? (l: string) => l.trim() === match : match;
  let seen = 0;
  const to = opts.to ?? lines.length;
  for (let i = opts.from ?? 0; i < to; i++) {
    if (test(lines[i] ?? '') && ++seen === (opts.occurrence ?? 1)) return i;
  }
  throw new Error(`line not found: ${String(match)} (occurrence ${opts.occurrence ?? 1})`);
}

/** Index of the next non-blank line after `i`. */
export function nextPrinted(lines: readonly string[], i: number): number {
  let j = i + 1;
  while (j < lines.length && (lines[j] ?? '') === '') j++;
  return j;
}

/** Puts a page break after line `i`, replacing the run of empty lines that follows it. */
export function insertPageBreakAfter(lines: readonly string[], i: number): string[] {
  const j = nextPrinted(lines, i);
  return [...lines.slice(0, i + 1), PAGE_BREAK, ...lines.slice(j)];
}

export type PageBreakStyle =
  | { kind: 'blank' }
  | { kind: 'numbered'; firstPage: number; label: (page: number) => string };

/**
 * Turns `PAGE_BREAK` markers into text: a run of 4 empty lines. With `numbered`, every page break
 * (the markers and the fixture's own runs of 3+ empty lines) also gets a page-number line in the
 * middle of the run, numbered in document order.
 */
export function renderPageBreaks(lines: readonly string[], style: PageBreakStyle): string[] {
  const out: string[] = [];
  let page = style.kind === 'numbered' ? style.firstPage : 0;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (line === PAGE_BREAK) {
      out.push(...pageBreak(4));
      i++;
    } else if (line === '' && style.kind === 'numbered') {
      let j = i;
      while (j < lines.length && lines[j] === '') j++;
      const run = j - i;
      // the final empty string of a split text is not a line: a run reaching it is one shorter
      const atEnd = j === lines.length;
      if (run - (atEnd ? 1 : 0) >= 3) out.push(...pageBreak(run));
      else out.push(...lines.slice(i, j));
      i = j;
    } else {
      out.push(line);
      i++;
    }
  }
  return out;

  function pageBreak(run: number): string[] {
    const blanks = Array<string>(run).fill('');
    if (style.kind === 'blank') return blanks;
    return [...blanks, style.label(page++), ...blanks];
  }
}

/** One newline per printed line: drops runs of fewer than 3 empty lines, keeps page-break runs. */
export function collapseBlankLines(lines: readonly string[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    if (lines[i] !== '') {
      out.push(lines[i] ?? '');
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && lines[j] === '') j++;
    if (j - i >= 3 || j === lines.length) out.push(...lines.slice(i, j));
    i = j;
  }
  return out;
}

/** The printed lines of a paragraph in the fixture's style: an empty line after each. */
export function printed(lines: readonly string[]): string[] {
  return lines.flatMap((l) => [l, '']);
}

// ---------------------------------------------------------------------------------------------
// Display width and wrapping

/** East Asian Wide and Fullwidth characters take two columns in a terminal; everything else one. */
export function charWidth(ch: string): 1 | 2 {
  const c = ch.codePointAt(0) ?? 0;
  const wide =
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0x303e) ||
    (c >= 0x3041 && c <= 0x33ff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xa000 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6);
  return wide ? 2 : 1;
}

export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch);
  return w;
}

const CLOSING = '，。、；：？！）》」』”’〉】,.;:?!)';

/**
 * Greedy wrap at a display width. A run of ASCII letters, digits and number punctuation
 * (`5,850,000.00`, `2024`) is never split, as justified Chinese text does not split numbers.
 */
export function wrapByWidth(s: string, width: number): string[] {
  const tokens = s.match(/[0-9A-Za-z.,%]+|[\s\S]/gu) ?? [];
  const lines: string[] = [];
  let cur = '';
  let w = 0;
  for (const t of tokens) {
    const tw = textWidth(t);
    // a line does not start with closing punctuation (as typesetting avoids): it overhangs instead
    if (w + tw > width && cur !== '' && !CLOSING.includes(t)) {
      lines.push(cur);
      cur = '';
      w = 0;
    }
    cur += t;
    w += tw;
  }
  if (cur !== '') lines.push(cur);
  return lines;
}

/** Cuts a string into `n` pieces of (nearly) equal character count, none empty. */
export function splitEvenly(s: string, n: number): string[] {
  const chars = [...s];
  if (chars.length < n) throw new Error(`cannot cut ${s} into ${n} pieces`);
  const size = Math.ceil(chars.length / n);
  const pieces: string[] = [];
  for (let i = 0; i < chars.length; i += size) pieces.push(chars.slice(i, i + size).join(''));
  if (pieces.length !== n) throw new Error(`cutting ${s} into ${n} pieces gave ${pieces.length}`);
  return pieces;
}

/** Counts the non-overlapping occurrences of `needle` in `hay`. */
export function countOf(hay: string, needle: string): number {
  return hay.split(needle).length - 1;
}
