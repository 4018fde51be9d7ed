/** Rules of the 相关性 / 适当性 / 格式规范 families: REL, APPR, FMT. */
import type { Rule } from '../types.ts';

export const WORDING_RULES: readonly Rule[] = [];
