/**
 * Helpers private to the wording rules (REL, APPR, FMT). Pure and cheap: regexes are compiled once
 * here, nothing is cloned, and per-disclosure facts (place names) are computed once per disclosure.
 */
import type { Disclosure, Indicator, Project, Section } from '../../model/schema.ts';

/**
 * Whitespace and punctuation: ASCII, Latin-1, general punctuation, arrows and math symbols (≥ ≤),
 * CJK and full-width forms. A fast stand-in for `util.bare`'s `\p{P}\p{S}` on the long texts
 * compared across projects (about ten times faster).
 */
const PUNCT_RE =
  /[\s!-/:-@[-`{-~\u00a0-\u00bf\u2000-\u206f\u2190-\u2bff\u3000-\u303f\ufe30-\ufe4f\uff00-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]+/g;

/** The text without whitespace and punctuation, for "same words" comparisons. */
const PUNCT_TEST_RE = new RegExp(PUNCT_RE.source);

export function plain(text: string): string {
  return PUNCT_TEST_RE.test(text) ? text.replace(PUNCT_RE, '') : text;
}

export { printedValue } from '../../model/indicator.ts';
export { indicatorPath, projectId, sectionPath } from '../util.ts';

/** Joins names as the messages quote them: `「降本增效」、「使用环保产品」`. */
export function quoteList(names: readonly string[]): string {
  return names.map((n) => `「${n}」`).join('、');
}

const PERCENT_UNITS = new Set(['%', '％']);

/** The number of a quantitative indicator in percent, `null` otherwise. */
export function percentValue(ind: Indicator): number | null {
  if (ind.kind !== 'quantitative' || !PERCENT_UNITS.has(ind.unit.trim())) return null;
  const value = Number(ind.value);
  return Number.isFinite(value) ? value : null;
}

/** A satisfaction measure, whatever 一级 it was filed under (投诉率 under 满意度 is not one). */
export function isSatisfaction(ind: Indicator): boolean {
  return ind.name.includes('满意');
}

const SUBJECT_RE = /满意[\s\S]*$/;

/**
 * Who is asked, from a satisfaction indicator's name through `plain()` (rules share that per
 * project: `viewOf(project).plainName(i)`): `培训对象满意率` → `培训对象`.
 */
export function subjectOfPlain(plainName: string): string {
  return plainName.replace(SUBJECT_RE, '');
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
/** Title words of each kind, in the order of `SECTION_KINDS`. */
const SECTION_KIND_WORDS: readonly (readonly string[])[] = [
  ['概述', '概况', '简介'],
  ['依据'],
  ['主体'],
  ['方案', '内容和计划'],
  ['周期', '期限'],
  ['预算', '资金安排'],
  ['绩效目标'],
];
/** Where the first title word is (`search`: a position, no match object). */
const SECTION_KIND_RE = new RegExp(SECTION_KIND_WORDS.flat().join('|'));
/**
 * The kind by the first character of the word found: the words of different kinds start with
 * different characters (checked here), so that character tells the kind.
 */
const KIND_BY_FIRST = new Map<number, SectionKind>();
SECTION_KIND_WORDS.forEach((words, k) => {
  for (const w of words) {
    const first = w.charCodeAt(0);
    const kind = SECTION_KINDS[k] as SectionKind;
    if ((KIND_BY_FIRST.get(first) ?? kind) !== kind) throw new Error(`section title words share ${w[0]}`);
    KIND_BY_FIRST.set(first, kind);
  }
});

/**
 * The kind of a 说明 section by its title, or `null` for a title we do not know. Project rules
 * share it through `viewOf(project).kindOf(i)`, computed once per section.
 */
export function sectionKind(section: Section): SectionKind | null {
  const title = section.title;
  const at = title.search(SECTION_KIND_RE);
  return at < 0 ? null : (KIND_BY_FIRST.get(title.charCodeAt(at)) ?? null);
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
  while (start < a.length && start < b.length && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--;
    endB--;
  }
  const n = endA - start; // the differing middles: a[start, endA) and b[start, endB)
  const m = endB - start;
  if (n === 0 || m === 0) return Math.max(n, m);
  // two rows of the table, compared by character code (no string per character)
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(start + i - 1);
    for (let j = 1; j <= m; j++) {
      const cost = ca === b.charCodeAt(start + j - 1) ? 0 : 1;
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    const done = prev;
    prev = cur;
    cur = done;
  }
  return prev[m] ?? limit + 1;
}
