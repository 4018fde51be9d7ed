/**
 * Helpers private to the wording rules (REL, APPR, FMT). Pure and cheap: regexes are compiled once
 * here, nothing is cloned, and per-disclosure facts (place names) are computed once per disclosure.
 */
import type { Disclosure, Indicator, Project, QuantitativeIndicator, Section } from '../../model/schema.ts';

/**
 * Whitespace and punctuation: ASCII, Latin-1, general punctuation, arrows and math symbols (≥ ≤),
 * CJK and full-width forms. A fast stand-in for `util.bare`'s `\p{P}\p{S}` on the long texts
 * compared across projects (about ten times faster).
 */
const PUNCT_RE =
  /[\s!-/:-@[-`{-~\u00a0-\u00bf\u2000-\u206f\u2190-\u2bff\u3000-\u303f\ufe30-\ufe4f\uff00-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]+/g;

/** The text without whitespace and punctuation, for "same words" comparisons. */
export function plain(text: string): string {
  return text.replace(PUNCT_RE, '');
}

/** Path of an indicator relative to its project. */
export function indicatorPath(i: number): string {
  return `form.indicators[${i}]`;
}

/** Path of a 说明 section relative to its project. */
export function sectionPath(i: number): string {
  return `explanation.sections[${i}]`;
}

/** Short project id in document order: index 2 → `P03`. */
export function projectId(index: number): string {
  return `P${String(index + 1).padStart(2, '0')}`;
}

/** Joins names as the messages quote them: `「降本增效」、「使用环保产品」`. */
export function quoteList(names: readonly string[]): string {
  return names.map((n) => `「${n}」`).join('、');
}

/** The value as the form prints it: `≥100.00(%)`, or the qualitative text. */
export function printedValue(ind: Indicator): string {
  if (ind.kind === 'qualitative') return ind.text;
  return `${ind.operator}${ind.value}${ind.unit ? `(${ind.unit})` : ''}`;
}

const PERCENT_UNITS = new Set(['%', '％']);

/** A quantitative indicator in percent, with its number; `null` otherwise. */
export function percentOf(ind: Indicator): { ind: QuantitativeIndicator; value: number } | null {
  if (ind.kind !== 'quantitative' || !PERCENT_UNITS.has(ind.unit.trim())) return null;
  const value = Number(ind.value);
  return Number.isFinite(value) ? { ind, value } : null;
}

const SATISFACTION_RE = /满意/;
const SUBJECT_RE = /满意[\s\S]*$/;

/** A satisfaction measure, whatever 一级 it was filed under (投诉率 under 满意度 is not one). */
export function isSatisfaction(ind: Indicator): boolean {
  return SATISFACTION_RE.test(ind.name);
}

/** Who is asked, from a satisfaction indicator's name: `培训对象满意率` → `培训对象`. */
export function satisfactionSubject(name: string): string {
  return plain(name).replace(SUBJECT_RE, '');
}

/** What a 说明 section is about, from its title (titles vary: 项目概述 / 项目概况). */
export type SectionKind = 'overview' | 'basis' | 'subject' | 'plan' | 'period' | 'budget' | 'targets';

const SECTION_KINDS: readonly SectionKind[] = [
  'overview',
  'basis',
  'subject',
  'plan',
  'period',
  'budget',
  'targets',
];
/** One alternative group per kind, in the order of `SECTION_KINDS`. */
const SECTION_KIND_RE =
  /(概述|概况|简介)|(依据)|(主体)|(方案|内容和计划)|(周期|期限)|(预算|资金安排)|(绩效目标)/;

/** The kind of a section, or `null` for a title we do not know. */
export function sectionKind(section: Section): SectionKind | null {
  const m = SECTION_KIND_RE.exec(section.title);
  if (!m) return null;
  for (let g = 1; g < m.length; g++) if (m[g] !== undefined) return SECTION_KINDS[g - 1] ?? null;
  return null;
}

/** Sections of the given kinds, with their index. */
export function sectionsOf(project: Project, ...kinds: SectionKind[]): { section: Section; i: number }[] {
  const out: { section: Section; i: number }[] = [];
  const sections = project.explanation?.sections ?? [];
  for (let i = 0; i < sections.length; i++) {
    const section = sections[i];
    if (!section) continue;
    const kind = sectionKind(section);
    if (kind !== null && kinds.includes(kind)) out.push({ section, i });
  }
  return out;
}

const PARTY_PREFIX_RE = /^(?:中共|中国共产党)/;
const PLACE_RE =
  /^(?:(\p{Script=Han}{2,3}?)省)?(?:(\p{Script=Han}{2,3}?)市)?(?:(\p{Script=Han}{2,3}?)[区县])?/u;
const placeCache = new WeakMap<Disclosure, RegExp | null>();
/** the last disclosure asked about, held weakly so a finished review can be collected */
let lastDisclosure: WeakRef<Disclosure> | null = null;
let lastPlaces: RegExp | null = null;

/**
 * A regex matching the department's own place names (`上海市`, `上海`, `松江区`, `松江`), read from
 * `department`: place names say nothing about what a project is about, so topic comparisons drop them.
 * `null` when the department name starts with no place.
 */
export function placeNamesOf(disclosure: Disclosure): RegExp | null {
  // rules ask once per project: remember the last disclosure before the (slower) weak map
  if (lastDisclosure?.deref() === disclosure) return lastPlaces;
  const cached = placeCache.get(disclosure);
  const places = cached === undefined ? computePlaces(disclosure) : cached;
  lastDisclosure = new WeakRef(disclosure);
  lastPlaces = places;
  return places;
}

function computePlaces(disclosure: Disclosure): RegExp | null {
  const m = PLACE_RE.exec(disclosure.department.replace(PARTY_PREFIX_RE, ''));
  const names: string[] = [];
  const suffixes = ['', '省', '市', '[区县]'];
  for (let g = 1; g <= 3; g++) {
    const stem = m?.[g];
    if (stem) names.push(stem + suffixes[g], stem);
  }
  const re = names.length > 0 ? new RegExp(names.join('|'), 'g') : null;
  placeCache.set(disclosure, re);
  return re;
}

/** The text with the department's place names (`松江区`, `上海`) replaced by `by`. */
export function withoutPlaces(text: string, disclosure: Disclosure, by: string): string {
  const places = placeNamesOf(disclosure);
  return places ? text.replace(places, by) : text;
}

/** Levenshtein distance, giving up (returning `limit + 1`) once it must exceed `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  // near-identical strings differ in a short middle: drop the common prefix and suffix first
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const x = a.slice(start, endA);
  const y = b.slice(start, endB);
  if (x.length === 0 || y.length === 0) return Math.max(x.length, y.length);
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    prev = cur;
  }
  return prev[y.length] ?? limit + 1;
}
