import type { Project } from '../../model/schema.ts';
import { defineRule } from '../define-rule.ts';
import { editDistance, indicatorPath, plain, sectionPath } from './_wording-util.ts';

/** Common miswritings and what was meant (configurable list; unambiguous entries only). */
export const TYPO_DICTIONARY: readonly (readonly [string, string])[] = [
  ['完时', '按时'],
  ['按装', '安装'],
  ['布署', '部署'],
  ['既使', '即使'],
  ['工做', '工作'],
  ['即然', '既然'],
  ['再接再励', '再接再厉'],
  ['一股作气', '一鼓作气'],
  ['迫不急待', '迫不及待'],
  ['默守成规', '墨守成规'],
  ['相辅相承', '相辅相成'],
];

/**
 * Titles of standing documents often cited in this field. A cited title within two edits of one of
 * them, but not equal, has lost or gained characters (`…联网应工作…` for `…联网应用工作…`).
 */
export const KNOWN_TITLES: readonly string[] = ['关于加强公共安全视频监控建设联网应用工作的若干意见'];

/** Characters often swapped for each other; a name's phrase written with the other one elsewhere is suspect. */
export const CONFUSABLE_PAIRS: readonly (readonly [string, string])[] = [
  ['检', '监'],
  ['帐', '账'],
  ['布', '部'],
  ['拨', '拔'],
  ['辨', '辩'],
  ['即', '既'],
  ['候', '侯'],
  ['驰', '弛'],
];

const TYPO_RE = new RegExp(TYPO_DICTIONARY.map(([w]) => w).join('|'), 'g');
const TYPO_FIX: ReadonlyMap<string, string> = new Map(TYPO_DICTIONARY.map(([w, r]) => [w, r]));
const CONFUSABLE: ReadonlyMap<string, string> = new Map(
  CONFUSABLE_PAIRS.flatMap(([a, b]) => [
    [a, b],
    [b, a],
  ]),
);
/** 1 for a character of `CONFUSABLE_PAIRS`. */
const CONFUSABLE_CODE = new Uint8Array(0x10000);
for (const c of CONFUSABLE.keys()) CONFUSABLE_CODE[c.charCodeAt(0)] = 1;
const TITLE_RE = /《([^《》]+)》/g;
const KNOWN_MIN_LENGTH = Math.min(...KNOWN_TITLES.map((t) => t.length));
const PAIRS = [
  ['《', '》'],
  ['〈', '〉'],
] as const;
const PAIR_CHARS_RE = /[《》〈〉]/;
/**
 * Per pair, a text where every opening bracket is closed before the next one opens (or none at
 * all): balanced, so there is nothing to count. One regex scan; anything else (nesting, a stray
 * bracket) is counted character by character.
 */
const FLAT_PAIRS: readonly RegExp[] = PAIRS.map(
  ([open, close]) =>
    new RegExp(`^[^${open}${close}]*(?:${open}[^${open}${close}]*${close}[^${open}${close}]*)*$`),
);
/**
 * One scan that most texts fail: a dictionary typo or a bracket worth counting. A regex: the
 * engine's scan of a long text is faster than a loop over its characters in JS.
 */
const ANY_RE = new RegExp(`${TYPO_RE.source}|${PAIR_CHARS_RE.source}`);
const TYPO_TEST_RE = new RegExp(TYPO_RE.source);
/** How far apart (characters in between) a repeated word in a name may be: `系统运行稳定运行`. */
const REPEAT_GAP = 2;
/** Length of the name phrases compared with the narrative (`监管检测` / `监管监测`). */
const PHRASE = 4;

type Report = (messageId: string, data: Record<string, string | number>, path: string) => void;

/** Where a text sits, for messages: `label` is the section title or indicator name when there is one. */
type Place = 'name' | 'overallGoal' | 'annualGoal' | 'section' | 'indicator';

function fieldLabel(place: Place, label: string): string {
  switch (place) {
    case 'name':
      return '项目名称';
    case 'overallGoal':
      return '项目总目标';
    case 'annualGoal':
      return '年度总体目标';
    case 'section':
      return `说明「${label}」`;
    case 'indicator':
      return `指标「${label}」`;
  }
}

/** The path of a text: `index` is the section's or indicator's (built only for a finding). */
function pathOf(place: Place, index: number): string {
  switch (place) {
    case 'section':
      return sectionPath(index);
    case 'indicator':
      return indicatorPath(index);
    default:
      return `form.${place}`;
  }
}

/** Calls `visit` for every text of the project, the project name first; names are short texts. */
function eachField(
  project: Project,
  visit: (text: string, isName: boolean, place: Place, index: number, label: string) => void,
): void {
  const f = project.form;
  visit(f.name, true, 'name', 0, '');
  if (f.overallGoal) visit(f.overallGoal, false, 'overallGoal', 0, '');
  if (f.annualGoal) visit(f.annualGoal, false, 'annualGoal', 0, '');
  const sections = project.explanation?.sections ?? [];
  for (let i = 0; i < sections.length; i++) {
    const s = sections[i];
    if (s) visit(s.text, false, 'section', i, s.title);
  }
  const indicators = f.indicators;
  for (let i = 0; i < indicators.length; i++) {
    const ind = indicators[i];
    if (!ind) continue;
    visit(ind.name, true, 'indicator', i, ind.name);
    if (ind.kind === 'qualitative') visit(ind.text, false, 'indicator', i, ind.name);
  }
}

function isHan(code: number): boolean {
  return code >= 0x4e00 && code <= 0x9fff;
}

/** The first repeated Han word (bigram) in a name with at most `REPEAT_GAP` characters between. */
function repeatedWord(name: string): string | null {
  if (!nearRepeat(name)) return null;
  for (let i = 0; i + 3 < name.length; i++) {
    const a = name.charCodeAt(i);
    const b = name.charCodeAt(i + 1);
    if (!isHan(a) || !isHan(b)) continue;
    for (let j = i + 2; j <= i + 2 + REPEAT_GAP && j + 1 < name.length; j++) {
      if (!isHan(name.charCodeAt(j))) break;
      if (name.charCodeAt(j) === a && name.charCodeAt(j + 1) === b) return name.slice(i, i + 2);
    }
  }
  return null;
}

/**
 * Whether some character recurs within `REPEAT_GAP + 2` places, as a repeated word's first
 * character does: one light pass that rules out most names.
 */
function nearRepeat(name: string): boolean {
  for (let j = 2; j < name.length; j++) {
    const c = name.charCodeAt(j);
    for (let d = 2; d <= REPEAT_GAP + 2 && d <= j; d++) if (name.charCodeAt(j - d) === c) return true;
  }
  return false;
}

/** Typos, unbalanced 《》 and garbled known titles in one text; repeated words when it is a name. */
function checkText(
  text: string,
  isName: boolean,
  place: Place,
  index: number,
  label: string,
  report: Report,
): void {
  if (isName) {
    const word = repeatedWord(text);
    if (word) report('repeated', { field: fieldLabel(place, label), word, text }, pathOf(place, index));
  }
  if (!ANY_RE.test(text)) return;
  const path = pathOf(place, index);
  if (TYPO_TEST_RE.test(text)) {
    for (const m of text.matchAll(TYPO_RE)) {
      report('typo', { field: fieldLabel(place, label), wrong: m[0], right: TYPO_FIX.get(m[0]) ?? '' }, path);
    }
  }
  if (PAIR_CHARS_RE.test(text)) {
    for (let k = 0; k < PAIRS.length; k++) {
      const [open, close] = PAIRS[k] as (typeof PAIRS)[number];
      if ((FLAT_PAIRS[k] as RegExp).test(text)) continue; // the usual case: each opened, then closed
      const o = open.charCodeAt(0);
      const c = close.charCodeAt(0);
      let depth = 0;
      let broken = false;
      let openCount = 0;
      let closeCount = 0;
      for (let i = 0; i < text.length; i++) {
        const ch = text.charCodeAt(i);
        if (ch === o) {
          depth++;
          openCount++;
        } else if (ch === c) {
          closeCount++;
          if (--depth < 0) broken = true;
        }
      }
      if (broken || depth !== 0) {
        report('unbalanced', { field: fieldLabel(place, label), open, close, openCount, closeCount }, path);
      }
    }
    if (text.includes('《')) {
      TITLE_RE.lastIndex = 0;
      for (let m = TITLE_RE.exec(text); m !== null; m = TITLE_RE.exec(text)) {
        const raw = m[1] ?? '';
        if (raw.length < KNOWN_MIN_LENGTH - 2) continue; // plain() only shortens: too short for any
        const cited = plain(raw);
        for (const known of KNOWN_TITLES) {
          // cheap tests first: a garbled title keeps its length and, nearly always, one of its ends
          if (cited === known || Math.abs(cited.length - known.length) > 2) continue;
          if (cited.slice(0, 4) !== known.slice(0, 4) && cited.slice(-4) !== known.slice(-4)) continue;
          if (editDistance(cited, known, 2) <= 2) {
            report('garbledTitle', { field: fieldLabel(place, label), cited: raw, known }, path);
          }
        }
      }
    }
  }
}

/**
 * FMT-06: slips a reader stumbles on — known miswritings (`完时完成` → 按时), unbalanced 《》,
 * a garbled title of a known document, a word repeated in a name (`系统运行稳定运行`), and a phrase of
 * the project name written with a swapped character elsewhere (`监管检测` / `监管监测`).
 */
export default defineRule({
  id: 'FMT-06',
  slug: 'typos',
  category: '格式规范',
  severity: 'info',
  description: '错别字、书名号不配对、文件名称错漏、名称中词语重复、项目名称用字前后不一致。',
  messages: {
    typo: '{field}中「{wrong}」疑为「{right}」之误。',
    unbalanced:
      '{field}中「{open}」{openCount} 个、「{close}」{closeCount} 个，书名号不配对，疑有文件名称残缺。',
    garbledTitle: '{field}引用的《{cited}》与文件名称《{known}》不符，疑有错漏字。',
    repeated: '{field}中「{word}」重复出现（「{text}」），疑为笔误。',
    inconsistent: '项目名称中的「{nameWord}」在{field}中写作「{textWord}」，用字不一致，请核对。',
  },
  check({ project, report }) {
    const variants = nameVariants(project.form.name);
    let found: Set<string> | null = null; // variants already reported (usually there are none)
    eachField(project, (text, isName, place, index, label) => {
      checkText(text, isName, place, index, label, report);
      if (variants.length === 0 || place === 'name') return;
      for (const [nameWord, textWord] of variants) {
        if (found?.has(textWord) || !text.includes(textWord)) continue;
        found ??= new Set();
        found.add(textWord);
        report('inconsistent', { field: fieldLabel(place, label), nameWord, textWord }, pathOf(place, index));
      }
    });
  },
});

/**
 * Phrases of the project name with one confusable character swapped: `监管检测` → `监管监测`.
 * Returns [phrase in the name, variant to look for] pairs; usually none.
 */
function nameVariants(name: string): [string, string][] {
  const out: [string, string][] = [];
  for (let k = 0; k < name.length; k++) {
    if (!CONFUSABLE_CODE[name.charCodeAt(k)]) continue; // most characters: no map lookup, no string
    const alt = CONFUSABLE.get(name[k] ?? '');
    if (!alt) continue;
    for (let start = Math.max(0, k - PHRASE + 1); start <= k && start + PHRASE <= name.length; start++) {
      const nameWord = name.slice(start, start + PHRASE);
      if (![...nameWord].every((c) => isHan(c.charCodeAt(0)))) continue;
      out.push([nameWord, nameWord.slice(0, k - start) + alt + nameWord.slice(k - start + 1)]);
    }
  }
  return out;
}
