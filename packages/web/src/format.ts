/**
 * Money and dates as the screens show them. Money stays exact: yuan strings from the API are turned
 * into integer fen with core's `yuanToFen`, added as integers, and printed back — never floats.
 */
import { type Fen, fenToWan, fenToYuan, formatYuan, yuanToFen } from '@jixiao/core';
import dayjs from 'dayjs';

export { fenToWan, fenToYuan, formatYuan, yuanToFen };

/** `"5850000.00"` → `"5,850,000.00"`; null/blank → `—`. */
export function showYuan(yuan: string | null | undefined): string {
  if (yuan === null || yuan === undefined || yuan === '') return '—';
  const fen = yuanToFen(yuan);
  return fen === null ? yuan : formatYuan(fen);
}

/** `"5850000.00"` → `"585.00"` (万元); null/blank → `—`. */
export function showWan(yuan: string | null | undefined): string {
  if (yuan === null || yuan === undefined || yuan === '') return '—';
  const fen = yuanToFen(yuan);
  return fen === null ? yuan : fenToWan(fen);
}

/** Sum of yuan strings in fen (blank ones skipped); null when one is not a valid amount. */
export function sumFen(values: readonly (string | null | undefined)[]): Fen | null {
  let total = 0;
  for (const v of values) {
    if (v === null || v === undefined || v === '') continue;
    const fen = yuanToFen(v);
    if (fen === null) return null;
    total += fen;
  }
  return total;
}

/** An ISO timestamp as `2026-11-26 14:05`. */
export function showTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—';
}
