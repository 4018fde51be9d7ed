/** Small helpers shared by rules. Pure and cheap: rules run on thousands of projects a second. */
import type { Fen } from '../model/money.ts';
import type { Indicator, Project, Section } from '../model/schema.ts';

/** Removes all whitespace (comparisons that should not care about layout). */
const WS_TEST_RE = /\s/;
const WS_RE = /\s+/g;

export function stripWs(s: string): string {
  return WS_TEST_RE.test(s) ? s.replace(WS_RE, '') : s; // most texts have no whitespace: no copy
}

/** Removes whitespace and punctuation, for "does the value repeat the name" comparisons. */
const BARE_TEST_RE = /[\s\p{P}\p{S}]/u;
const BARE_RE = /[\s\p{P}\p{S}]+/gu;

export function bare(s: string): string {
  return BARE_TEST_RE.test(s) ? s.replace(BARE_RE, '') : s;
}

/**
 * A list built with `push`, copied to its exact size for a finding's data: findings live until the
 * review ends, and a grown list keeps room for more items (a dozen unused slots for the garbage
 * collector to copy with it).
 */
export function compact<T>(list: T[]): T[] {
  return list.slice();
}

/**
 * The parts as one flat string, for text a finding keeps: `+` and templates leave a chain of
 * partial strings (several objects per text for the garbage collector to copy).
 */
export function flat(...parts: (string | number)[]): string {
  return parts.join('');
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
    if (!s) continue;
    const title = stripWs(s.title);
    for (const t of titles) if (title.includes(t)) return { section: s, i };
  }
  return null;
}

/**
 * Path pieces by index — `projects[3].`, `form.indicators[5]`, `explanation.sections[2]` — made
 * once per index and shared. A finding keeps its path for as long as the findings live; built from
 * shared pieces it is one small concatenation, not a chain of partial strings per finding.
 */
const MAX_SHARED_INDEX = 4096;
const projectPrefixes: string[] = [];
const indicatorPaths: string[] = [];
const sectionPaths: string[] = [];
const projectIds: string[] = [];

function shared(table: string[], i: number, make: (i: number) => string): string {
  if (!(i >= 0 && i < MAX_SHARED_INDEX && Number.isInteger(i))) return make(i);
  let s = table[i];
  if (s === undefined) {
    s = make(i);
    table[i] = s;
  }
  return s;
}

/** `projects[3].`: the start of the path of anything in project 3. */
export function projectPrefix(index: number): string {
  return shared(projectPrefixes, index, (i) => `projects[${i}].`);
}

/** Path of an indicator relative to its project: `form.indicators[5]`. */
export function indicatorPath(i: number): string {
  return shared(indicatorPaths, i, (k) => `form.indicators[${k}]`);
}

/** Path of a 说明 section relative to its project: `explanation.sections[2]`. */
export function sectionPath(i: number): string {
  return shared(sectionPaths, i, (k) => `explanation.sections[${k}]`);
}

/** Short project id in document order, as findings name projects: index 2 → `P03`. */
export function projectId(index: number): string {
  return shared(projectIds, index, (i) => `P${String(i + 1).padStart(2, '0')}`);
}

/** Project label for messages: `P03「松江区…」`. */
export function projectLabel(index: number, project: Project): string {
  return flat(projectId(index), '「', project.form.name, '」');
}
