/**
 * Sums of typed money, exactly: amounts are parsed into integer fen and added as BigInt, so no
 * check beside the funds is ever off by a float's rounding (nor by 2^53 on a silly total).
 */
import { parseYuan } from '@jixiao/core';

/** Typed money → fen; blank counts as 0 (domain.md §3.2); `undefined` when it is not an amount. */
export function fenOf(text: string): bigint | undefined {
  const t = text.trim();
  if (t === '') return 0n;
  const fen = parseYuan(t);
  return fen === null ? undefined : BigInt(fen);
}

/** Fen as the form prints it: `585000000n` → `5,850,000.00`. */
export function showFen(fen: bigint): string {
  const neg = fen < 0n;
  const s = (neg ? -fen : fen).toString().padStart(3, '0');
  const int = s.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${int}.${s.slice(-2)}`;
}
