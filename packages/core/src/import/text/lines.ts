/**
 * The line layer of the text importer: normalises what PDF text extraction produces (CRLF, form
 * feeds at page breaks, BOM, page-number lines) and keeps each line's 1-based number for messages.
 */

export interface Line {
  /** 1-based line number in the input */
  no: number;
  /** the line without its end-of-line, right-trimmed; leading spaces kept (layout columns) */
  raw: string;
  /** trimmed */
  text: string;
}

/** A whitespace-separated piece of a line, with its column (for `pdftotext -layout` text). */
export interface Token {
  text: string;
  col: number;
}

// Page furniture that PDF extraction leaves between pages: "— 12 —", "- 3 -", "第 3 页", "第3页 共35页",
// and bare page numbers. A table value is never a bare small integer (targets carry an operator).
const PAGE_NUMBER_RE =
  /^(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,3}|\d{1,4}\s*\/\s*\d{1,4})$/;

/**
 * Splits text into non-blank lines. Blank lines (one or two newlines per printed line, page-break
 * runs) carry no meaning for the reader, so they are dropped here; numbers stay those of the input.
 */
/**
 * A document's text with every line end a plain `\n`: BOM dropped; CRLF, lone CR (old Mac) and form
 * feeds (pdftotext's page breaks) turned into `\n`. `lineNo(i)` gives the input's line number of
 * normalised line i (0-based) — they differ only where a CR or form feed split an input line.
 */
export interface NormalizedText {
  text: string;
  lineNo(index: number): number;
}

export function normalizeText(input: string): NormalizedText {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (!text.includes('\r') && !text.includes('\f')) return { text, lineNo: (i) => i + 1 };
  // Rare, so the document is normalised once rather than every line tested.
  const origin: number[] = [];
  const out = text
    .split('\n')
    .map((p, i) => {
      const pieces = (p.endsWith('\r') ? p.slice(0, -1) : p).split(/[\r\f]/);
      for (let k = 0; k < pieces.length; k++) origin.push(i + 1);
      return pieces.join('\n');
    })
    .join('\n');
  return { text: out, lineNo: (i) => origin[i] ?? i + 1 };
}

/**
 * Splits text into non-blank lines. Blank lines (one or two newlines per printed line, page-break
 * runs) carry no meaning for the reader, so they are dropped here; numbers stay those of the input.
 */
export function splitLines(input: string): Line[] {
  const doc = normalizeText(input);
  return splitRange(doc, 0, doc.text.length, 0);
}

/**
 * The non-blank lines of `doc.text[from, to)`, where `from` starts line `firstIndex` (0-based).
 * The importer splits block by block, so a block's lines die young instead of the whole document's
 * lines living through every garbage collection.
 */
export function splitRange(doc: NormalizedText, from: number, to: number, firstIndex: number): Line[] {
  const text = doc.text;
  const out: Line[] = [];
  let index = firstIndex;
  for (let start = from; start <= to; index++) {
    let end = text.indexOf('\n', start);
    if (end === -1 || end > to) end = to;
    if (end > start) {
      // first and last non-blank characters, without regexes or copies
      let a = start;
      while (a < end && isBlank(text.charCodeAt(a))) a++;
      if (a < end) {
        let b = end - 1;
        while (b > a && isBlank(text.charCodeAt(b))) b--;
        const raw = text.slice(start, b + 1);
        const trimmed = a === start ? raw : text.slice(a, b + 1);
        if (
          !(trimmed.length <= 15 && maybePageNumber(trimmed.charCodeAt(0)) && PAGE_NUMBER_RE.test(trimmed))
        ) {
          out.push({ no: doc.lineNo(index), raw, text: trimmed });
        }
      }
    }
    if (end >= to) break;
    start = end + 1;
  }
  return out;
}

/** Page furniture starts with a digit, a dash or 第. */
function maybePageNumber(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 45 || c === 0x2014 || c === 0x2013 || c === 0xff0d || c === 0x7b2c;
}

/** Space, tab, vertical tab, CR, NBSP, ideographic space and other Unicode spaces. */
export function isBlank(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x3000 ||
    c === 0xfeff ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x1680 ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f
  );
}

const TOKEN_RE = /\S+/g;

/** Splits a line into whitespace-separated tokens with their columns. */
export function tokenize(raw: string): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(raw); m !== null; m = TOKEN_RE.exec(raw)) out.push({ text: m[0], col: m.index });
  return out;
}

/** Display width in half-width cells: CJK and full-width forms count 2. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    w +=
      c >= 0x1100 &&
      (c <= 0x115f ||
        (c >= 0x2e80 && c <= 0xa4cf) ||
        (c >= 0xac00 && c <= 0xd7a3) ||
        (c >= 0xf900 && c <= 0xfaff) ||
        (c >= 0xfe30 && c <= 0xfe4f) ||
        (c >= 0xff00 && c <= 0xff60) ||
        (c >= 0xffe0 && c <= 0xffe6) ||
        c >= 0x20000)
        ? 2
        : 1;
  }
  return w;
}

const WS_TEST_RE = /\s/;
const WS_RE = /\s+/g;

/** Removes all whitespace (most lines have none inside: then no copy is made). */
export function squash(s: string): string {
  return WS_TEST_RE.test(s) ? s.replace(WS_RE, '') : s;
}
