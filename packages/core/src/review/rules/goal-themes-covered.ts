import type { Indicator } from '../../model/schema.ts';
import { defineRule } from '../define-rule.ts';
import { stripWs } from '../util.ts';
import { excerpt } from './_disclosure-util.ts';

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
/** Generic words by first character, longest first: matched while scanning, no regex. */
const GENERIC_BY_FIRST = new Map<number, string[]>();
/** 1 where a generic word may start: most characters need no map lookup. */
const GENERIC_FIRST = new Uint8Array(0x10000);
for (const w of [...GENERIC_WORDS].sort((a, b) => b.length - a.length)) {
  const first = w.charCodeAt(0);
  GENERIC_FIRST[first] = 1;
  const list = GENERIC_BY_FIRST.get(first);
  if (list) list.push(w);
  else GENERIC_BY_FIRST.set(first, [w]);
}
/** Clause punctuation: a goal is judged clause by clause (enumerations with 、 stay together). */
const CLAUSE_END = new Uint8Array(0x10000);
for (const ch of '，,；;。.！!？?：:\n') CLAUSE_END[ch.charCodeAt(0)] = 1;

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

/** Length of the generic word starting at `i`, 0 if none. */
function genericAt(text: string, i: number): number {
  const first = text.charCodeAt(i);
  if (GENERIC_FIRST[first] === 0) return 0;
  const words = GENERIC_BY_FIRST.get(first);
  if (words) for (const w of words) if (text.startsWith(w, i)) return w.length;
  return 0;
}

const NONE: ReadonlySet<number> = new Set();

/**
 * Adds the distinctive character bigrams of `text[from, to)` to `out`, as integers. Generic words
 * and non-Han characters break the text into fragments first: 「织密群防群治网络」 → 织密 密群 群防 防群
 * 群治 治网 网络.
 */
function addBigrams(
  out: { add(g: number): unknown },
  text: string,
  ignore: ReadonlySet<number> = NONE,
  from = 0,
  to = text.length,
): void {
  let prev = -1;
  for (let i = from; i < to; ) {
    const skip = genericAt(text, i);
    if (skip > 0) {
      prev = -1;
      i += skip;
      continue;
    }
    const c = hanIndex(text.charCodeAt(i++));
    if (c < 0) {
      prev = -1;
      continue;
    }
    if (prev >= 0) {
      const g = prev * HAN_SPAN + c;
      if (!ignore.has(g)) out.add(g);
    }
    prev = c;
  }
}

/** A clause's bigrams: a reused list (duplicates inside one clause are rare and harmless). */
class GramList {
  items: number[] = [];
  add(g: number): void {
    this.items.push(g);
  }
}

/**
 * The department's own name says nothing about a theme. Memoised on the three names (one
 * department per disclosure): a cache, not state — the result depends on the arguments only.
 */
const ownName = { department: '', competent: '', unit: '', grams: NONE };
function ownNameBigrams(department: string, competent: string, unit: string): ReadonlySet<number> {
  if (department !== ownName.department || competent !== ownName.competent || unit !== ownName.unit) {
    const grams = new Set<number>();
    for (const t of [department, competent, unit]) addBigrams(grams, t);
    Object.assign(ownName, { department, competent, unit, grams });
  }
  return ownName.grams;
}

function indicatorBigrams(ind: Indicator, ignore: ReadonlySet<number>, out = new Set<number>()): Set<number> {
  addBigrams(out, ind.name, ignore);
  if (ind.kind === 'qualitative') addBigrams(out, ind.text, ignore);
  return out;
}

/**
 * Whether a clause has an indicator: it shares two or more distinctive bigrams with the indicators,
 * or half of its own, or one indicator's whole distinctive content lies inside it (「密评」 in 「完成软件密评」).
 * `each` gives the bigrams of one indicator; it is only asked in the rare third case.
 */
function covered(
  clause: readonly number[],
  all: ReadonlySet<number>,
  each: () => readonly Set<number>[],
): boolean {
  let shared = 0;
  for (const g of clause) if (all.has(g)) shared++;
  if (shared >= 2 || shared * 2 >= clause.length) return true;
  if (shared === 0) return false;
  return each().some((ind) => {
    if (ind.size === 0) return false;
    for (const g of ind) if (!clause.includes(g)) return false;
    return true;
  });
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
    const all = new Set<number>();
    for (const ind of form.indicators) indicatorBigrams(ind, ignore, all);
    let perIndicator: Set<number>[] | null = null;
    const each = () => {
      perIndicator ??= form.indicators.map((ind) => indicatorBigrams(ind, ignore));
      return perIndicator;
    };

    const themes: string[] = [];
    const goal = form.annualGoal;
    const grams = new GramList();
    for (let start = 0, i = 0; i <= goal.length; i++) {
      if (i < goal.length && CLAUSE_END[goal.charCodeAt(i)] === 0) continue;
      if (i > start) {
        grams.items.length = 0;
        addBigrams(grams, goal, ignore, start, i);
        if (grams.items.length >= 2 && !covered(grams.items, all, each))
          themes.push(stripWs(goal.slice(start, i)));
      }
      start = i + 1;
    }
    if (themes.length > 0) {
      const shown = themes.slice(0, 5).map((t) => `「${excerpt(t, 30)}」`);
      report(
        'uncovered',
        {
          count: themes.length,
          themes,
          themeList: shown.join('、') + (themes.length > 5 ? '等' : ''),
        },
        'form.annualGoal',
      );
    }

    let firstQuantity = -1;
    let counts = false;
    form.indicators.forEach((ind, i) => {
      if (!ind.level2.includes('数量')) return;
      if (firstQuantity < 0) firstQuantity = i;
      if (isCount(ind)) counts = true;
    });
    if (firstQuantity >= 0 && !counts) {
      const names = form.indicators
        .filter((ind) => ind.level2.includes('数量'))
        .map((ind) => `${ind.name} ${valueText(ind)}`);
      report('noCount', { names }, `form.indicators[${firstQuantity}]`);
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
