/** Small helpers shared by rules. Pure and cheap: rules run on thousands of projects a second. */
import type { Fen } from '../model/money.ts';
import type { Indicator, Project, Section } from '../model/schema.ts';

/** Removes all whitespace (comparisons that should not care about layout). */
export function stripWs(s: string): string {
  return s.replace(/\s+/g, '');
}

/** Removes whitespace and punctuation, for "does the value repeat the name" comparisons. */
export function bare(s: string): string {
  return s.replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** A blank money cell counts as 0 (domain.md §3.2). */
export function fenOr0(v: Fen | null): Fen {
  return v ?? 0;
}

/** The numeric value of a quantitative indicator as a plain number (for comparisons, not money). */
export function indicatorNumber(ind: Indicator): number | null {
  if (ind.kind !== 'quantitative') return null;
  const n = Number(ind.value);
  return Number.isFinite(n) ? n : null;
}

/**
 * The value of a quantitative indicator in fen when its unit is 元 or 万元 (cost indicators);
 * `null` otherwise. Exact: decimal string arithmetic, no floats.
 */
export function indicatorFen(ind: Indicator): Fen | null {
  if (ind.kind !== 'quantitative') return null;
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(ind.value);
  if (!m) return null;
  const scale = ind.unit === '元' ? 2 : ind.unit === '万元' ? 6 : -1;
  if (scale < 0) return null;
  const frac = (m[3] ?? '').replace(/0+$/, '');
  if (frac.length > scale) return null;
  const n = Number((m[2] ?? '0') + frac.padEnd(scale, '0'));
  if (!Number.isSafeInteger(n)) return null;
  return m[1] === '-' ? -n : n;
}

/** Whether an indicator belongs to the 成本 family: 一级 成本指标, or 二级 成本指标 under 产出 (older forms). */
export function isCostIndicator(ind: Indicator): boolean {
  return ind.level1.includes('成本') || ind.level2.includes('成本');
}

/** 经济成本 indicators: 二级 经济成本指标, or the older 产出/成本指标. */
export function isEconomicCost(ind: Indicator): boolean {
  return ind.level2.includes('经济成本') || (ind.level2 === '成本指标' && !ind.level1.includes('成本'));
}

/** Indicators with their index in the form, filtered. */
export function indicatorsWhere(
  project: Project,
  pred: (ind: Indicator) => boolean,
): { ind: Indicator; i: number }[] {
  const out: { ind: Indicator; i: number }[] = [];
  project.form.indicators.forEach((ind, i) => {
    if (pred(ind)) out.push({ ind, i });
  });
  return out;
}

/**
 * Finds a 说明 section by title keywords (titles vary: 项目概述 / 项目概况), with its index.
 * Returns the first match.
 */
export function findSection(project: Project, ...titles: string[]): { section: Section; i: number } | null {
  const sections = project.explanation?.sections ?? [];
  for (let i = 0; i < sections.length; i++) {
    const s = sections[i];
    if (s && titles.some((t) => stripWs(s.title).includes(t))) return { section: s, i };
  }
  return null;
}

/** Project label for messages: `P03「松江区…」`. */
export function projectLabel(index: number, project: Project): string {
  return `P${String(index + 1).padStart(2, '0')}「${project.form.name}」`;
}
