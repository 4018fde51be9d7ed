/**
 * Helpers private to the FUND / COST / COMP rules: money amounts found in 说明 text, the 说明
 * sections by role, and the project's budget cost indicator. Pure and cheap: every regular
 * expression is compiled once, at module load.
 */
import { type Fen, formatYuan, parseWan, parseYuan } from '../../model/money.ts';
import type { Indicator, Operator, Project, Section } from '../../model/schema.ts';
import { indicatorFen, isCostIndicator, isEconomicCost, stripWs } from '../util.ts';

// ── project facts ────────────────────────────────────────────────────────────────────────────

/** 阶段性项目: its 项目资金总额 covers the whole life, never compare it with annual figures. */
export function isPhased(project: Project): boolean {
  return project.form.nature.includes('阶段性');
}

/** Whether the planned dates lie inside the form's budget year (ISO dates compare as strings). */
export function withinBudgetYear(project: Project): boolean {
  const { year, startDate, endDate } = project.form;
  return startDate >= `${year}-01-01` && endDate <= `${year}-12-31` && startDate <= endDate;
}

// ── 说明 sections by role ────────────────────────────────────────────────────────────────────

/** `四、实施方案` — how a section is named in messages. */
export function sectionLabel(section: Section): string {
  const title = stripWs(section.title);
  const number = stripWs(section.number);
  return number ? `${number}、${title}` : title;
}

const BUDGET_TITLE_STRONG = /年度预算|预算安排/;
const BUDGET_TITLE_WEAK = /预算/;
const PLAN_TITLE = /实施方案|实施内容|实施计划/;

const HAS_WS = /\s/;

/** A title without layout whitespace (`年度预算 安排`), allocating only when there is some. */
function compactTitle(section: Section | undefined): string {
  const title = section?.title ?? '';
  return HAS_WS.test(title) ? stripWs(title) : title;
}

/**
 * Index of the 年度预算安排 section (titles vary: 年度预算安排 / 预算安排 / 项目预算), or -1.
 * A title like 预算绩效目标 is not it.
 */
export function budgetSectionIndex(project: Project): number {
  const sections = project.explanation?.sections ?? [];
  let weak = -1;
  for (let i = 0; i < sections.length; i++) {
    const title = compactTitle(sections[i]);
    if (BUDGET_TITLE_STRONG.test(title)) return i;
    if (weak < 0 && BUDGET_TITLE_WEAK.test(title) && !title.includes('绩效')) weak = i;
  }
  return weak;
}

/** Index of the 实施方案 section, or -1. */
export function planSectionIndex(project: Project): number {
  const sections = project.explanation?.sections ?? [];
  for (let i = 0; i < sections.length; i++) {
    if (PLAN_TITLE.test(compactTitle(sections[i]))) return i;
  }
  return -1;
}

// ── amounts in narrative text ────────────────────────────────────────────────────────────────

/** An amount of money written in a narrative: `工资319400元`, `预算资金约1800万元`, `349.80万元`. */
export interface TextAmount {
  fen: Fen;
  /** Rounding allowance in fen: half a unit of the printed precision (0 for 元, 5,000 元 for `1800万元`). */
  slack: Fen;
  unit: '元' | '万元';
  /** the amount as printed, `1800万元` */
  printed: string;
  /** text of its clause before the number (from the last ，。；、), `预算资金约`; `amountLabel` reads it */
  clause: string;
  /** a per-unit price, a threshold or a limit (`5000元/人`, `每人3000元`, `10万元以上`): not an amount spent */
  rate: boolean;
  /** named as a total (`预算…`, `合计…`) or followed by `其中` */
  total: boolean;
  /** a part: comes after 其中 / 包括 in the same sentence */
  part: boolean;
}

// A number (thousands separators optional) directly followed by 元 or 万元; not inside a longer number.
const AMOUNT_RE = /(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(万元|元)(?!旦)/g;
/** Clause and sentence punctuation by character code (no one-character string per character looked at). */
const codes = (chars: string): ReadonlySet<number> => new Set(Array.from(chars, (c) => c.charCodeAt(0)));
const CLAUSE_STOP = codes('，,。；;、！!？?\n');
const SENTENCE_STOP = codes('。；;！!？?\n');
const RATE_BEFORE = /每|人均|单价|均价|平均|标准|限额|不超过|不高于|不低于|最高|最低/;
const RATE_AFTER = /^\s*(?:[/／每]|及?以上|及?以下|以内|起)/;
const TOTAL_BEFORE = /预算|合计|共计|总计|总额|总价|总投资|总费用|总经费|总金额|总共|一共|测算/;
const QIZHONG_AFTER = /^[\s，,：:]*其中/;
const PART_BEFORE = /其中|包括|包含|分别/;
const LABEL_LEAD = /^(?:[（(]?\d+[)）.、．]|其中|包括|包含|以及|及|和|另)+/;
const LABEL_TAIL = /(?:约|为|共|计|人民币|是)+$/;

/**
 * Money amounts (元 / 万元) written in a narrative, in text order. Dates (`2024年1月`), counts
 * (`人员2人`) and other numbers are not amounts; `1.2亿元` and `5千元` are not read.
 */
export function textAmounts(text: string): TextAmount[] {
  if (!text.includes('元')) return [];
  const out: TextAmount[] = [];
  AMOUNT_RE.lastIndex = 0;
  for (let m = AMOUNT_RE.exec(text); m !== null; m = AMOUNT_RE.exec(text)) {
    const [printed, int = '0', frac, unitText] = m;
    const unit = unitText === '万元' ? '万元' : '元';
    const number = frac === undefined ? int : `${int}.${frac}`;
    const fen = unit === '元' ? parseYuan(number) : parseWan(number);
    if (fen === null) continue; // 3+ decimals of 元, or beyond safe integers: not a usable amount
    const decimals = frac?.length ?? 0;
    const slack = unit === '元' ? 0 : Math.floor(500_000 / 10 ** decimals);

    let c = m.index;
    while (c > 0 && !CLAUSE_STOP.has(text.charCodeAt(c - 1))) c--;
    let s = c;
    while (s > 0 && !SENTENCE_STOP.has(text.charCodeAt(s - 1))) s--;
    const clause = text.slice(c, m.index);
    const after = text.slice(m.index + printed.length, m.index + printed.length + 8);

    out.push({
      fen,
      slack,
      unit,
      printed: stripWs(printed),
      clause,
      rate: RATE_BEFORE.test(clause) || RATE_AFTER.test(after),
      total: TOTAL_BEFORE.test(clause) || QIZHONG_AFTER.test(after),
      part: PART_BEFORE.test(text.slice(s, m.index)),
    });
  }
  return out;
}

/**
 * What an amount is for, `工资`: its clause after any `：`, without 其中 / numbering and 约 / 为;
 * possibly ''. Read for a finding only.
 */
export function amountLabel(a: TextAmount): string {
  const colon = Math.max(a.clause.lastIndexOf('：'), a.clause.lastIndexOf(':'));
  return stripWs(a.clause.slice(colon + 1))
    .replace(LABEL_LEAD, '')
    .replace(LABEL_TAIL, '');
}

/**
 * Amounts that add up to a breakdown: drops rates, amounts named as totals, and subtotals (an
 * amount equal to the sum of the two or more amounts right after or right before it:
 * `硬件30万元：服务器20万元，存储10万元`, `…，合计330800元`).
 */
export function breakdownItems(amounts: readonly TextAmount[]): { items: TextAmount[]; totals: number[] } {
  const spent: TextAmount[] = [];
  for (const a of amounts) if (!a.rate) spent.push(a);
  const isTotal: boolean[] = [];
  for (let i = 0; i < spent.length; i++) {
    const target = spent[i]?.fen ?? 0;
    let total = spent[i]?.total ?? false;
    let sum = 0;
    for (let j = i + 1; !total && j < spent.length && sum < target; j++) {
      sum += spent[j]?.fen ?? 0;
      if (sum === target && j > i + 1) total = true;
    }
    sum = 0;
    for (let j = i - 1; !total && j >= 0 && sum < target; j--) {
      sum += spent[j]?.fen ?? 0;
      if (sum === target && j < i - 1) total = true;
    }
    isTotal.push(total);
  }
  const items: TextAmount[] = [];
  const totals: number[] = [];
  for (let i = 0; i < spent.length; i++) {
    const a = spent[i];
    if (a === undefined) continue;
    if (isTotal[i]) totals.push(items.length);
    else items.push(a);
  }
  return { items, totals };
}

// ── the budget cost indicator ────────────────────────────────────────────────────────────────

/**
 * A cost indicator that stands for the project's money: 经济成本指标, the older 产出/成本指标, or a
 * 成本指标 row whose 二级 is blank or not 社会/生态环境成本.
 */
export function isBudgetCost(ind: Indicator): boolean {
  if (isEconomicCost(ind)) return true;
  if (!ind.level1.includes('成本')) return false;
  return !/社会|生态|环境/.test(ind.level2);
}

/** Whether a unit is money: 元, 万元, or a per-unit amount such as 元/人. */
export function isMoneyUnit(unit: string): boolean {
  return /^万?元(?:$|[/／每])/.test(stripWs(unit));
}

/** The cost the form states for the project's budget, from its 经济成本 indicator(s). */
export interface BudgetCost {
  fen: Fen;
  operator: Operator;
  /** indicator name, or `经济成本指标合计` when several are added up */
  name: string;
  /** index in `form.indicators` of the indicator (the first one when added up) */
  index: number;
}

const CAPPING: ReadonlySet<Operator> = new Set<Operator>(['≤', '<', '=']);
const WHOLE_COST_NAME = /总成本|项目成本|成本总额|总费用|总额/;

/**
 * The budget cost: the one 经济成本 indicator in 元/万元 with `≤`, `<` or `=`; with several, the one
 * named as the whole (项目成本, 总成本) or equal to the sum of the others, else their sum.
 * `null` when there is none.
 */
export function budgetCost(project: Project): BudgetCost | null {
  const indicators = project.form.indicators;
  let count = 0;
  let sum = 0;
  let firstIndex = -1;
  let named: BudgetCost | null = null;
  let namedCount = 0;
  let only: BudgetCost | null = null;
  for (let i = 0; i < indicators.length; i++) {
    const ind = indicators[i];
    if (ind?.kind !== 'quantitative' || !CAPPING.has(ind.operator) || !isBudgetCost(ind)) continue;
    const fen = indicatorFen(ind);
    if (fen === null) continue;
    const cost = { fen, operator: ind.operator, name: ind.name, index: i };
    count++;
    sum += fen;
    if (firstIndex < 0) {
      firstIndex = i;
      only = cost;
    }
    if (WHOLE_COST_NAME.test(ind.name)) {
      named = cost;
      namedCount++;
    }
  }
  if (count <= 1) return only;
  if (namedCount === 1) return named;
  // one of them is the sum of the others: it is the whole, the others its parts
  for (let i = firstIndex; i < indicators.length; i++) {
    const ind = indicators[i];
    if (ind?.kind !== 'quantitative' || !CAPPING.has(ind.operator) || !isBudgetCost(ind)) continue;
    const fen = indicatorFen(ind);
    if (fen !== null && fen * 2 === sum) return { fen, operator: ind.operator, name: ind.name, index: i };
  }
  return { fen: sum, operator: '≤', name: '经济成本指标合计', index: firstIndex };
}

/** The 一级 family of an indicator; 成本指标 under 产出 (older forms) counts as 成本. */
export type IndicatorFamily = '成本指标' | '产出指标' | '效益指标' | '满意度指标';

/** An indicator's family, or `null` for an unknown 一级. */
export function indicatorFamily(ind: Indicator): IndicatorFamily | null {
  if (isCostIndicator(ind)) return '成本指标';
  if (ind.level1.includes('产出')) return '产出指标';
  if (ind.level1.includes('效益')) return '效益指标';
  if (ind.level1.includes('满意')) return '满意度指标';
  return null;
}

/** A real 三级 row, not an empty placeholder left in the table. */
export function isFilled(ind: Indicator): boolean {
  // a name that starts with a printable ASCII or Han character is filled: no regex needed
  const c = ind.name.charCodeAt(0);
  if ((c > 0x20 && c < 0x7f) || (c >= 0x3400 && c <= 0x9fff)) return true;
  return NOT_BLANK.test(ind.name);
}
const NOT_BLANK = /\S/;

/** The 二级 of a project's filled 产出 rows (cost rows under 产出 excluded). */
export function outputLevel2s(project: Project): string[] {
  const out: string[] = [];
  for (const ind of project.form.indicators) {
    if (isFilled(ind) && indicatorFamily(ind) === '产出指标') out.push(ind.level2);
  }
  return out;
}

/** Whether one of the 二级 names contains `key` (数量, 质量, 时效). */
export function hasLevel2(level2s: readonly string[], key: string): boolean {
  for (const l of level2s) if (l.includes(key)) return true;
  return false;
}

/** Whether any indicator is of the cost family. */
export function hasCostIndicator(project: Project): boolean {
  for (const ind of project.form.indicators) if (isCostIndicator(ind)) return true;
  return false;
}

// ── formatting ───────────────────────────────────────────────────────────────────────────────

/** `5,850,000.00 元`, or `1800万元（18,000,000.00 元）` for an amount printed in 万元. */
export function describeAmount(a: TextAmount): string {
  return a.unit === '万元' ? `${a.printed}（${formatYuan(a.fen)} 元）` : `${formatYuan(a.fen)} 元`;
}

/** A signed difference for messages: `+250,000.00` / `-200.00`. */
export function signedYuan(fen: Fen): string {
  return fen > 0 ? `+${formatYuan(fen)}` : formatYuan(fen);
}
