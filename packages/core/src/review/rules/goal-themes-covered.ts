import type { Indicator } from '../../model/schema.ts';
import { defineRule } from '../define-rule.ts';
import { compact, indicatorPath, stripWs } from '../util.ts';
import { excerpt } from './_disclosure-util.ts';
import { IntSet } from './_int-set.ts';

/**
 * Words that say nothing about what a goal is about: verbs of intent, generic nouns, particles.
 * A clause of 年度总体目标 is judged on what is left (e.g. 「织密群防群治网络」 → 群防群治网络).
 */
const GENERIC_WORDS = [
  '进一步 从根本上 服务和管理好 管理和服务 完善 提供 提升 提高 确保 保障 保证 加强 加快 推进 推动 开展 完成',
  '落实 维护 全面 深化 深入 有效 切实 确实 不断 持续 积极 坚持 实现 营造 强化 做好 抓好 组织 根据 通过',
  '按照 依法 依规 定期 及时 全力 努力 明显 运用 使用 促进 发挥 增强 建立 健全 规范 优化 管理好 工作 任务',
  '项目 管理 服务 建设 能力 水平 氛围 活动 情况 相关 各项 具体 有序 正常 运行 稳定 安全 社会 群众 人民',
  '人员 环境 效果 质量 目标 要求 机制 体系 基础 全区 本区 全市 本市 地区 年度 满意度 满意率 满意 获得感',
  '幸福感 安全感 进行 实施 主要 内容 履职 指标 的 和 与 及 等 为 以 对 在 了 好 将 并 或 其 之 中',
  '是',
]
  .join(' ')
  .split(' ');
/** Basic CJK ideographs: every generic word starts with one. */
const CJK_FIRST = 0x4e00;
const CJK_LAST = 0x9fff;
/**
 * Generic words by first character, longest first: matched while scanning, no regex. `GENERIC_AT`
 * holds, for each basic CJK ideograph, 1 + the index of its list in `GENERIC_LISTS` (0: no word
 * starts with it) — 20 KiB, small enough to stay in the CPU cache while scanning.
 */
const GENERIC_LISTS: string[][] = [];
const GENERIC_AT = new Uint8Array(CJK_LAST - CJK_FIRST + 1);
for (const w of [...GENERIC_WORDS].sort((a, b) => b.length - a.length)) {
  const first = w.charCodeAt(0) - CJK_FIRST;
  if (!(first >= 0 && first < GENERIC_AT.length))
    throw new Error(`generic word ${w} must start with a CJK ideograph`);
  if (GENERIC_AT[first] === 0) GENERIC_AT[first] = GENERIC_LISTS.push([]);
  GENERIC_LISTS[(GENERIC_AT[first] ?? 1) - 1]?.push(w);
}
/** Clause punctuation: a goal is judged clause by clause (enumerations with 、 stay together). */
const CLAUSE_END_RE = /[，,；;。.！!？?：:\n]/g;

/**
 * CJK ideographs (extension A and basic, compatibility) and 〇 as a compact index, -1 for anything
 * else. Compact so that a bigram key (a × HAN_SPAN + b) stays a small integer (no heap numbers).
 */
const HAN_SPAN = 0x7200;
function hanIndex(c: number): number {
  if (c >= 0x3400 && c <= 0x9fff) return c - 0x3000;
  if (c >= 0xf900 && c <= 0xfaff) return c - 0xf900 + 0x7000;
  return c === 0x3007 ? 7 : -1;
}

/** Length of the generic word starting at `i` (whose character code is `c`), 0 if none. */
function genericAt(text: string, i: number, c: number): number {
  if (c < CJK_FIRST || c > CJK_LAST) return 0;
  const slot = GENERIC_AT[c - CJK_FIRST] ?? 0;
  if (slot === 0) return 0;
  const words = GENERIC_LISTS[slot - 1] ?? [];
  for (let k = 0; k < words.length; k++) {
    const w = words[k] as string;
    if (startsAt(text, i, w)) return w.length;
  }
  return 0;
}

/** `text.startsWith(w, i)` for a `w` whose first character is known to match (most are 1–2 long). */
function startsAt(text: string, i: number, w: string): boolean {
  if (i + w.length > text.length) return false;
  for (let k = 1; k < w.length; k++) if (text.charCodeAt(i + k) !== w.charCodeAt(k)) return false;
  return true;
}

/**
 * A list of bigram codes, reused from clause to clause and project to project: `n` counts the
 * codes in use (resetting it keeps the array's storage, where `length = 0` would drop it).
 */
class GramList {
  items: number[] = [];
  n = 0;
}

/**
 * Appends the distinctive character bigrams of `text[from, to)` to `out`, as integers. Generic
 * words and non-Han characters break the text into fragments first: 「织密群防群治网络」 → 织密 密群
 * 群防 防群 群治 治网 网络. Bigrams in `ignore` are left out.
 */
function addBigrams(out: GramList, text: string, ignore: IntSet | null, from = 0, to = text.length): void {
  let prev = -1;
  for (let i = from; i < to; ) {
    const code = text.charCodeAt(i);
    const skip = genericAt(text, i, code);
    if (skip > 0) {
      prev = -1;
      i += skip;
      continue;
    }
    i++;
    const c = hanIndex(code);
    if (c < 0) {
      prev = -1;
      continue;
    }
    if (prev >= 0) {
      const g = prev * HAN_SPAN + c;
      if (ignore === null || !ignore.has(g)) out.items[out.n++] = g;
    }
    prev = c;
  }
}

/**
 * The department's own name says nothing about a theme. Memoised on the three names (one
 * department per disclosure): a cache, not state — the result depends on the arguments only.
 */
const ownName = { department: '', competent: '', unit: '', grams: new IntSet(64) };
const scratch = new GramList();
function ownNameBigrams(department: string, competent: string, unit: string): IntSet {
  if (department !== ownName.department || competent !== ownName.competent || unit !== ownName.unit) {
    ownName.grams.clear();
    for (const t of [department, competent, unit]) {
      scratch.n = 0;
      addBigrams(scratch, t, null);
      for (let k = 0; k < scratch.n; k++) ownName.grams.add(scratch.items[k] ?? 0);
    }
    Object.assign(ownName, { department, competent, unit });
  }
  return ownName.grams;
}

/**
 * Per project, reused from project to project (the review is single-threaded and a check never
 * re-enters itself): the bigrams of every indicator (name, then qualitative value) and their union,
 * the bigrams that make up an indicator's whole distinctive content on their own (`密评`), and a
 * clause's bigrams.
 */
const indicatorGrams = new GramList();
const allGrams = new IntSet(256);
const soleGrams = new IntSet(64);
const clauseGrams = new GramList();

/**
 * Whether a clause has an indicator: it shares two or more distinctive bigrams with the indicators,
 * or half of its own, or one indicator's whole distinctive content lies inside it (「密评」 in 「完成软件密评」).
 * In the last case the clause shares exactly one bigram with the indicators, so that indicator's
 * content is that one bigram: a lookup in `soleGrams`.
 */
function covered(clause: GramList): boolean {
  let shared = 0;
  let last = -1;
  for (let k = 0; k < clause.n; k++) {
    const g = clause.items[k] ?? -1;
    if (allGrams.has(g)) {
      shared++;
      last = g;
    }
  }
  if (shared >= 2 || shared * 2 >= clause.n) return true;
  return shared === 1 && soleGrams.has(last);
}

/**
 * COMP-08 (manual assist): every theme of 年度总体目标 has an indicator, and 数量指标 count something.
 * A heuristic on shared wording: it points a reviewer at clauses to check, it does not decide.
 */
export default defineRule({
  id: 'COMP-08',
  slug: 'goal-themes-covered',
  category: '完整性',
  severity: 'warn',
  description:
    '年度总体目标中的各项内容应有对应的绩效指标；数量指标应有工作量或服务量的绝对数（辅助人工审核）。',
  messages: {
    uncovered: '年度总体目标中有 {count} 项内容找不到对应的绩效指标：{themeList}。',
    noCount: '产出数量指标只有比例或定性值（{names}），没有工作量或服务量的绝对数。',
  },
  check({ disclosure, project, report }) {
    const form = project.form;
    const ignore = ownNameBigrams(disclosure.department, form.competentDepartment, form.implementingUnit);
    indicatorGrams.n = 0;
    allGrams.clear();
    soleGrams.clear();
    for (const ind of form.indicators) {
      const from = indicatorGrams.n;
      addBigrams(indicatorGrams, ind.name, ignore);
      if (ind.kind === 'qualitative') addBigrams(indicatorGrams, ind.text, ignore);
      const first = indicatorGrams.items[from] ?? -1;
      let sole = indicatorGrams.n > from;
      for (let k = from; k < indicatorGrams.n; k++) {
        const g = indicatorGrams.items[k] ?? -1;
        allGrams.add(g);
        if (g !== first) sole = false;
      }
      if (sole) soleGrams.add(first);
    }

    const themes: string[] = [];
    const goal = form.annualGoal;
    // clause by clause: the regex finds each end (a native scan), the clause is read once
    for (let start = 0; start <= goal.length; ) {
      CLAUSE_END_RE.lastIndex = start;
      const end = CLAUSE_END_RE.test(goal) ? CLAUSE_END_RE.lastIndex - 1 : goal.length;
      if (end > start) {
        clauseGrams.n = 0;
        addBigrams(clauseGrams, goal, ignore, start, end);
        if (clauseGrams.n >= 2 && !covered(clauseGrams)) themes.push(stripWs(goal.slice(start, end)));
      }
      start = end + 1;
    }
    if (themes.length > 0) {
      const shown = themes.slice(0, 5).map((t) => `「${excerpt(t, 30)}」`);
      report(
        'uncovered',
        {
          count: themes.length,
          themes: compact(themes),
          themeList: shown.join('、') + (themes.length > 5 ? '等' : ''),
        },
        'form.annualGoal',
      );
    }

    let firstQuantity = -1;
    let counts = false;
    const indicators = form.indicators;
    for (let i = 0; i < indicators.length && !counts; i++) {
      const ind = indicators[i] as Indicator;
      if (!ind.level2.includes('数量')) continue;
      if (firstQuantity < 0) firstQuantity = i;
      if (isCount(ind)) counts = true;
    }
    if (firstQuantity >= 0 && !counts) {
      const names = form.indicators
        .filter((ind) => ind.level2.includes('数量'))
        .map((ind) => `${ind.name} ${valueText(ind)}`);
      report('noCount', { names }, indicatorPath(firstQuantity));
    }
  },
});

/** A quantity in its own unit (次, 人, 个, 条/日…), not a share. */
function isCount(ind: Indicator): boolean {
  return ind.kind === 'quantitative' && ind.unit !== '%' && ind.unit !== '％' && stripWs(ind.unit) !== '';
}

function valueText(ind: Indicator): string {
  return ind.kind === 'quantitative' ? `${ind.operator}${ind.value}(${ind.unit})` : ind.text;
}
