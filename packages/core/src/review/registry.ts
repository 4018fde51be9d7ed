/**
 * The rule catalogue (domain.md §3.2), an explicit list. Every file in `rules/` that defines a
 * rule must be listed in one of the catalog files; `catalog.test.ts` fails otherwise.
 */
import { DISCLOSURE_RULES } from './rules/catalog-disclosure.ts';
import { FUNDS_RULES } from './rules/catalog-funds.ts';
import { WORDING_RULES } from './rules/catalog-wording.ts';
import type { Rule } from './types.ts';

export const RULES: readonly Rule[] = [...FUNDS_RULES, ...WORDING_RULES, ...DISCLOSURE_RULES];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.id, r]));
