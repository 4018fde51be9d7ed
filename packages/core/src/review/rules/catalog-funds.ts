/** Rules of the 算术一致性 / 完整性 / 可行性 families: FUND, COST, COMP, DISC, CLS, STALE. */

import type { Rule } from '../types.ts';
import annualFundsSum from './annual-funds-sum.ts';

export const FUNDS_RULES: readonly Rule[] = [annualFundsSum];
