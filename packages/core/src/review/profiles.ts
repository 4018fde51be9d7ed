import type { ReviewProfile } from './types.ts';

/**
 * Named review profiles. The default uses every rule's own severity; the department profile
 * (部门审核) is stricter on completeness; the finance profile (财政审核) is stricter on money and
 * appropriateness, as the finance bureau grades targets "与项目预算的匹配性" (domain.md §6).
 */
export const PROFILES: Readonly<Record<string, ReviewProfile>> = {
  default: { name: 'default' },
  department: {
    name: 'department',
    severities: { 'COMP-03': 'warn', 'COMP-05': 'warn', 'COMP-06': 'error', 'REL-02': 'error' },
  },
  finance: {
    name: 'finance',
    severities: { 'COST-02': 'error', 'FUND-04': 'error', 'FUND-07': 'error', 'APPR-01': 'error' },
  },
};

/** Looks up a profile by name; `null` when there is none. */
export function getProfile(name: string): ReviewProfile | null {
  return Object.hasOwn(PROFILES, name) ? (PROFILES[name] ?? null) : null;
}
