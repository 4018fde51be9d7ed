/**
 * Helpers shared by the DISC, COMP-05..08, CLS and STALE rules. Pure and cheap: regexes are
 * compiled once, nothing here is worse than linear in its input.
 */
const CN_DIGIT: Readonly<Partial<Record<string, number>>> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_NUMERAL_RE = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/;

/**
 * A printed section number as an integer: `"四"` → 4, `"十二"` → 12, `"3"` → 3, `"（五）"` → 5;
 * `null` when it is not a number.
 */
export function sectionNumber(printed: string): number | null {
  const single = CN_DIGIT[printed]; // the usual case: 一 … 九
  if (single !== undefined) return single;
  const s = printed.replace(/[\s、.．()（）]/g, '');
  if (/^[0-9]{1,3}$/.test(s)) return Number(s);
  const m = CN_NUMERAL_RE.exec(s);
  if (!m || s === '') return null;
  const [, tens, ten, units] = m;
  if (!ten) return tens && !units ? (CN_DIGIT[tens] ?? null) : null;
  return (tens ? (CN_DIGIT[tens] ?? 0) : 1) * 10 + (units ? (CN_DIGIT[units] ?? 0) : 0);
}

const CN_UNITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1..99 as a Chinese numeral as section headings print it: 4 → `"四"`, 12 → `"十二"`. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  if (n < 10) return CN_UNITS[n] ?? String(n);
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : CN_UNITS[tens]}十${CN_UNITS[n % 10]}`;
}

/** Shortens a quotation for a message: first `max` characters and an ellipsis. */
export function excerpt(text: string, max = 40): string {
  const t = text.replace(/\s+/g, '');
  return t.length <= max ? t : `${t.slice(0, max)}…`;
}

/**
 * The projects findings point at, as `P01`…, in finding order (`''` for a disclosure-wide finding).
 * For tests and reports that speak the domain's P-numbers.
 */
export function findingProjects(findings: readonly { path: string }[]): string[] {
  return findings.map((f) => {
    const m = /^projects\[(\d+)\]/.exec(f.path);
    return m ? `P${String(Number(m[1]) + 1).padStart(2, '0')}` : '';
  });
}
