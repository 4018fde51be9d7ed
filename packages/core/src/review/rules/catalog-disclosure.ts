/** Disclosure-level and narrative rules: DISC, COMP-05..08, CLS, STALE. */
import type { Rule } from '../types.ts';
import categoryPlausible from './category-plausible.ts';
import developmentAsRecurring from './development-as-recurring.ts';
import explanationSections from './explanation-sections.ts';
import explanationTruncated from './explanation-truncated.ts';
import formWithoutExplanation from './form-without-explanation.ts';
import goalThemesCovered from './goal-themes-covered.ts';
import indicatorValueComplete from './indicator-value-complete.ts';
import natureDates from './nature-dates.ts';
import staleBasis from './stale-basis.ts';
import staleGoalYear from './stale-goal-year.ts';
import summaryLargeProjects from './summary-large-projects.ts';
import summaryProjectCount from './summary-project-count.ts';
import summaryTotal from './summary-total.ts';
import summaryUnitCount from './summary-unit-count.ts';

export const DISCLOSURE_RULES: readonly Rule[] = [
  summaryProjectCount,
  summaryTotal,
  summaryLargeProjects,
  summaryUnitCount,
  formWithoutExplanation,
  explanationSections,
  explanationTruncated,
  indicatorValueComplete,
  goalThemesCovered,
  natureDates,
  developmentAsRecurring,
  categoryPlausible,
  staleBasis,
  staleGoalYear,
];
