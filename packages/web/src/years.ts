/**
 * Budget years for the year selectors: the years the region lists (open or closed for compiling),
 * the year on screen, and this year.
 */
import { useQuery } from '@tanstack/react-query';
import { api, type BudgetYear } from './api.ts';

/** The region's listed budget years (`GET /api/regions/{id}/budget-years`). */
export function useBudgetYears(regionId: number) {
  return useQuery({
    queryKey: ['budget-years', regionId],
    queryFn: () => api.get<{ items: BudgetYear[] }>(`/api/regions/${regionId}/budget-years`),
    select: (r) => r.items,
    staleTime: 60_000,
  });
}

/** The year a page opens on: `asked` (`?year=`) when valid, else the latest listed year, else this year. */
export function pickYear(asked: string | null, listed: readonly BudgetYear[] | undefined): number {
  const n = asked ? Number(asked) : Number.NaN;
  if (Number.isInteger(n) && n >= 2000 && n <= 2100) return n;
  const years = (listed ?? []).map((y) => y.year);
  return years.length > 0 ? Math.max(...years) : new Date().getFullYear();
}

/** Choices for a year selector, newest first: the listed years, `also` (the year on screen) and this year. */
export function yearChoices(listed: readonly BudgetYear[] | undefined, also?: number | null) {
  const closed = new Set((listed ?? []).filter((y) => !y.open).map((y) => y.year));
  const years = new Set([...(listed ?? []).map((y) => y.year), new Date().getFullYear()]);
  if (also) years.add(also);
  return [...years]
    .sort((a, b) => b - a)
    .map((year) => ({ value: year, label: closed.has(year) ? `${year} 年（已关闭编报）` : `${year} 年` }));
}
