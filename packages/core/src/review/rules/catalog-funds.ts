/** Rules of the 算术一致性 / 完整性 / 可行性 families: FUND, COST, COMP, DISC, CLS, STALE. */

import type { Rule } from '../types.ts';
import annualFundsSum from './annual-funds-sum.ts';
import annualGoalPresent from './annual-goal-present.ts';
import annualWithinTotal from './annual-within-total.ts';
import budgetSectionMatches from './budget-section-matches.ts';
import costBelowBudget from './cost-below-budget.ts';
import costExceedsBudget from './cost-exceeds-budget.ts';
import costIndicatorMissing from './cost-indicator-missing.ts';
import costNotMonetary from './cost-not-monetary.ts';
import itemisedAmountsSum from './itemised-amounts-sum.ts';
import narrativeBudgetEstimate from './narrative-budget-estimate.ts';
import oneYearTotalEqualsAnnual from './one-year-total-equals-annual.ts';
import otherFundsBlankVsZero from './other-funds-blank-vs-zero.ts';
import outputQuantityQuality from './output-quantity-quality.ts';
import outputTimeliness from './output-timeliness.ts';
import requiredIndicatorLevels from './required-indicator-levels.ts';
import totalFundsSum from './total-funds-sum.ts';

export const FUNDS_RULES: readonly Rule[] = [
  // FUND: the money adds up
  totalFundsSum,
  annualFundsSum,
  annualWithinTotal,
  oneYearTotalEqualsAnnual,
  budgetSectionMatches,
  itemisedAmountsSum,
  narrativeBudgetEstimate,
  otherFundsBlankVsZero,
  // COST: the cost indicator matches the money
  costExceedsBudget,
  costBelowBudget,
  costNotMonetary,
  costIndicatorMissing,
  // COMP: the indicator table and goals are complete
  requiredIndicatorLevels,
  outputQuantityQuality,
  outputTimeliness,
  annualGoalPresent,
];
