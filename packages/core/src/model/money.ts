/**
 * Money is an integer count of fen (分) inside jixiao; yuan strings with exactly two decimals at the
 * edges (JSON, forms). Never floats: every conversion here is string or integer arithmetic.
 */

/** An integer number of fen. Safe up to ±2^53 fen (≈ 9×10^13 yuan). */
export type Fen = number;

const YUAN_RE = /^(-?)([0-9]+)\.([0-9]{2})$/;
const LOOSE_RE = /^(-?)([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.([0-9]+))?$/;

/** Parses a canonical yuan string (`"5850000.00"`) into fen; `null` if it is not canonical. */
export function yuanToFen(yuan: string): Fen | null {
  const m = YUAN_RE.exec(yuan);
  if (!m) return null;
  return toFen(m[1] === '-', m[2] ?? '0', m[3] ?? '00');
}

/**
 * Parses money as printed on a form or in a narrative: thousands separators optional
 * (`5,850,000.00`, `3680000`), up to two decimals (more is refused rather than rounded).
 * Returns `null` when the text is not a number.
 */
export function parseYuan(text: string): Fen | null {
  const m = LOOSE_RE.exec(text.trim());
  if (!m) return null;
  const frac = m[3] ?? '';
  if (frac.length > 2) return null;
  return toFen(m[1] === '-', (m[2] ?? '0').replaceAll(',', ''), frac.padEnd(2, '0'));
}

/** Parses an amount in 万元 (`349.80`, `22,614.51`, `1800`) into fen; `null` below fen precision. */
export function parseWan(text: string): Fen | null {
  const m = LOOSE_RE.exec(text.trim());
  if (!m) return null;
  const frac = (m[3] ?? '').replace(/0+$/, '');
  if (frac.length > 6) return null;
  return toFen(m[1] === '-', (m[2] ?? '0').replaceAll(',', '') + frac.padEnd(6, '0'), '');
}

function toFen(negative: boolean, intPart: string, frac: string): Fen | null {
  const n = Number(intPart + frac);
  if (!Number.isSafeInteger(n)) return null;
  return negative && n !== 0 ? -n : n;
}

/** Formats fen as a canonical yuan string: `585000000` → `"5850000.00"`. Throws on a non-integer. */
export function fenToYuan(fen: Fen): string {
  const f = toBig(fen);
  return hundredths(f < 0n, f < 0n ? -f : f);
}

/** Formats fen with thousands separators, as forms print it: `585000000` → `"5,850,000.00"`. */
export function formatYuan(fen: Fen): string {
  const [int = '0', frac = '00'] = fenToYuan(fen).split('.');
  const neg = int.startsWith('-');
  const digits = neg ? int.slice(1) : int;
  return `${neg ? '-' : ''}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}

/**
 * Fen → 万元 rounded half up (away from zero) to two decimals, as the summary sentence prints it:
 * 3,022,486,500 fen (30,224,865.00 元) → `"3022.49"`.
 */
export function fenToWan(fen: Fen): string {
  const f = toBig(fen);
  // 1 万元 = 1,000,000 fen; two decimals of 万元 = 10,000 fen.
  return hundredths(f < 0n, divHalfUp(f < 0n ? -f : f, 10_000n));
}

/**
 * A percentage of two amounts to two decimals, rounded half up (away from zero) like `fenToWan`:
 * 80,000.00 of 233,625.00 → `"34.24"`. `null` when `whole` is 0. Exact integer arithmetic.
 */
export function percent(part: Fen, whole: Fen): string | null {
  const p = toBig(part);
  const w = toBig(whole);
  if (w === 0n) return null;
  const abs = divHalfUp((p < 0n ? -p : p) * 10_000n, w < 0n ? -w : w);
  return hundredths(p < 0n !== w < 0n, abs);
}

function toBig(fen: Fen): bigint {
  if (!Number.isInteger(fen)) throw new RangeError(`not a whole number of fen: ${fen}`);
  return BigInt(fen);
}

/** `a / b` rounded half up, for `a ≥ 0`, `b > 0`. */
function divHalfUp(a: bigint, b: bigint): bigint {
  return (2n * a + b) / (2n * b);
}

/** A count of hundredths with its sign: `5n` → `"0.05"`; never `"-0.00"`. */
function hundredths(negative: boolean, n: bigint): string {
  const s = n.toString().padStart(3, '0');
  return `${negative && n !== 0n ? '-' : ''}${s.slice(0, -2)}.${s.slice(-2)}`;
}
