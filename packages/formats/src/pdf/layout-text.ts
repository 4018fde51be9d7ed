/**
 * Text measurement and line breaking for the PDF layout. The layout breaks every line itself (and
 * pdfmake only places the finished lines), so it knows each cell's height before anything is
 * drawn: that is what lets merged cells be centred and tables be split between pages exactly.
 *
 * Breaking follows the usual Chinese rules: a line may break between any two CJK characters, never
 * inside a run of Latin letters and digits (`6100000.00`, `2024-01-01`), never before closing
 * punctuation (，。、）》…) and never after opening punctuation (（《“…). The lines of a text,
 * joined, give the text back exactly: nothing is added or dropped (spaces at a break stay at the
 * end of the line, where they take no room).
 */

/** Font metrics, in em (multiply by the font size for points). */
export interface FontMetrics {
  /** advance width of one character (a code point) */
  advance(char: string, bold: boolean): number;
  /** ascender − descender: the height of one line box at line height 1 */
  lineHeight: number;
}

/** Width in points of `text` at `size`. */
export function textWidth(metrics: FontMetrics, text: string, size: number, bold = false): number {
  let w = 0;
  for (const ch of text) w += metrics.advance(ch, bold);
  return w * size;
}

/** Characters that never begin a line (closing punctuation and the like). */
const NO_START = new Set([...'，。、；：？！）》」』〉】〕］｝”’…—·％‰,.;:!?)]}>%']);
/** Characters that never end a line (opening punctuation, and the comparison operators of values). */
const NO_END = new Set([...'（《「『〈【〔［｛“‘([{<≥≤＞＜＝=']);
/** Ideographs, kana, hangul, CJK punctuation and full-width forms: a break is allowed around each. */
const CJK_RE =
  /[\u2E80-\u2FFF\u3000-\u303F\u3040-\u30FF\u3100-\u312F\u3200-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF\u{20000}-\u{3FFFF}]/u;
const SPACE_RE = /^[ \t]$/;

interface Unit {
  text: string;
  /** width in em, without trailing spaces */
  width: number;
  /** width in em of trailing spaces */
  trail: number;
}

/**
 * Cuts `text` into unbreakable units: one per CJK character, one per run of other characters,
 * with spaces hanging at the end of the unit before them; then glues closing punctuation to the
 * unit before and opening punctuation to the unit after.
 */
function units(metrics: FontMetrics, text: string, bold: boolean): Unit[] {
  const raw: { text: string; cjk: boolean; space: boolean }[] = [];
  for (const ch of text) {
    const space = SPACE_RE.test(ch);
    const cjk = !space && CJK_RE.test(ch);
    const last = raw[raw.length - 1];
    if (last !== undefined && !cjk && !last.cjk && last.space === space) last.text += ch;
    else raw.push({ text: ch, cjk, space });
  }
  const out: Unit[] = [];
  let glueNext = false;
  for (const r of raw) {
    const w = textWidth(metrics, r.text, 1, bold);
    const prev = out[out.length - 1];
    const first = [...r.text][0] ?? '';
    if (prev !== undefined && r.space) {
      prev.text += r.text;
      prev.trail += w;
      continue;
    }
    if (prev !== undefined && (glueNext || (NO_START.has(first) && prev.trail === 0))) {
      prev.text += r.text;
      prev.width += prev.trail + w;
      prev.trail = 0;
    } else {
      out.push({ text: r.text, width: w, trail: 0 });
    }
    const chars = [...r.text];
    glueNext = !r.space && NO_END.has(chars[chars.length - 1] ?? '');
  }
  return out;
}

/**
 * Breaks `text` into lines no wider than `width` points at `size` (the first line `firstWidth`,
 * for an indented paragraph). A line break in the text is kept as a break and dropped from the
 * lines. An empty text gives no lines.
 */
export function breakLines(
  metrics: FontMetrics,
  text: string,
  width: number,
  size: number,
  options: { bold?: boolean; firstWidth?: number } = {},
): string[] {
  const bold = options.bold ?? false;
  const lines: string[] = [];
  let limit = (options.firstWidth ?? width) / size;
  for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
    let line = '';
    let used = 0;
    let trail = 0;
    const flush = () => {
      lines.push(line);
      line = '';
      used = 0;
      trail = 0;
      limit = width / size;
    };
    for (const u of units(metrics, paragraph, bold)) {
      // A small tolerance: sums of advances must not push an exactly full line over.
      if (line !== '' && used + trail + u.width <= limit + 1e-6) {
        line += u.text;
        used += trail + u.width;
        trail = u.trail;
        continue;
      }
      if (line !== '') flush();
      if (u.width <= limit + 1e-6) {
        line = u.text;
        used = u.width;
        trail = u.trail;
        continue;
      }
      // Wider than a whole line (a long number, a URL): cut it by characters.
      for (const ch of u.text) {
        const space = SPACE_RE.test(ch);
        const w = space ? 0 : metrics.advance(ch, bold);
        if (line !== '' && used + w > limit + 1e-6) flush();
        line += ch;
        used += w;
      }
      trail = u.trail;
    }
    if (line !== '' || paragraph === '') flush();
  }
  // A text that was only line breaks has no visible lines.
  return lines.every((l) => l === '') ? [] : lines;
}
