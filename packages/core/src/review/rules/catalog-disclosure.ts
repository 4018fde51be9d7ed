/** Disclosure-level and narrative rules: DISC, COMP-05..08, CLS, STALE. */
import type { Rule } from '../types.ts';

export const DISCLOSURE_RULES: readonly Rule[] = [];
