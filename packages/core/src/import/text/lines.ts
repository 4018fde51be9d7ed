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
  let text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  // A lone CR (old Mac) or a form feed (pdftotext's page break) also ends a line; CRLF is one end.
  // Rare, so the document is normalised once rather than every line tested.
  let crlfAt: number[] | null = null;
  if (text.includes('\r') || text.includes('\f')) {
    crlfAt = [];
    const parts = text.split('\n');
    text = parts
      .map((p, i) => {
        const q = p.endsWith('\r') ? p.slice(0, -1) : p;
        const pieces = q.split(/[\r\f]/);
        for (let k = 0; k < pieces.length; k++) crlfAt?.push(i + 1);
        return pieces.join('\n');
      })
      .join('\n');
  }
  const out: Line[] = [];
  const n = text.length;
  let no = 0;
  for (let start = 0; start <= n; ) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = n;
    no++;
    if (end > start) {
      // first and last non-blank characters, without regexes or copies
      let a = start;
      while (a < end && isBlank(text.charCodeAt(a))) a++;
      if (a < end) {
        let b = end - 1;
        while (b > a && isBlank(text.charCodeAt(b))) b--;
        const lineNo = crlfAt ? (crlfAt[no - 1] ?? no) : no;
        const raw = text.slice(start, b + 1);
        const trimmed = a === start ? raw : text.slice(a, b + 1);
        if (!(trimmed.length <= 15 && PAGE_NUMBER_RE.test(trimmed)))
          out.push({ no: lineNo, raw, text: trimmed });
      }
    }
    start = end + 1;
  }
  return out;
}

/** Space, tab, vertical tab, CR, NBSP, ideographic space and other Unicode spaces. */
function isBlank(c: number): boolean {
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

/** Removes all whitespace. */
export function squash(s: string): string {
  return s.replace(/\s+/g, '');
}
