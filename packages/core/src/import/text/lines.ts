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
export function splitLines(input: string): Line[] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const out: Line[] = [];
  const all = text.split('\n');
  for (let i = 0; i < all.length; i++) {
    let raw = all[i] ?? '';
    if (raw.length === 0) continue;
    if (raw.charCodeAt(raw.length - 1) === 13) raw = raw.slice(0, -1);
    // A lone CR (old Mac) or a form feed (pdftotext's page break) inside the line splits it too.
    if (raw.includes('\r') || raw.includes('\f')) {
      for (const part of raw.split(/[\r\f]/)) pushLine(out, part, i + 1);
    } else pushLine(out, raw, i + 1);
  }
  return out;
}

const NON_BLANK_RE = /\S/;

function pushLine(out: Line[], part: string, no: number): void {
  if (!NON_BLANK_RE.test(part)) return; // half the lines of a PDF extraction are blank
  const raw = part.trimEnd();
  const text = raw.trimStart();
  if (text.length <= 15 && PAGE_NUMBER_RE.test(text)) return;
  out.push({ no, raw, text });
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

/** Removes all whitespace. */
export function squash(s: string): string {
  return s.replace(/\s+/g, '');
}
