/**
 * Reads a 项目经费情况说明 block: numbered sections (一、项目概述 …) kept as printed, their text
 * joined across line wraps with nothing inserted, and the amount of 年度预算安排.
 */
import { type Fen, parseWan, parseYuan } from '../../model/money.ts';
import type { Explanation, Section } from '../../model/schema.ts';
import { CODES, type Diagnostic } from '../diagnostics.ts';
import type { Line } from './lines.ts';

/** Section titles seen in real documents; any other short title is accepted when numbering advances. */
const KNOWN_TITLES = [
  '项目概述',
  '项目概况',
  '项目简介',
  '项目基本情况',
  '立项依据',
  '项目立项依据',
  '实施主体',
  '项目实施主体',
  '实施方案',
  '项目实施方案',
  '实施周期',
  '项目实施周期',
  '年度预算安排',
  '预算安排',
  '项目预算安排',
  '资金安排',
  '绩效目标',
  '项目绩效目标',
];

const CN_DIGITS: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
};

/** 一 → 1, 十二 → 12. */
export function chineseOrdinal(s: string): number {
  if (s.length === 1) return CN_DIGITS[s] ?? 0;
  if (s.startsWith('十')) return 10 + (CN_DIGITS[s.slice(1)] ?? 0);
  if (s.length === 2 && s.endsWith('十')) return (CN_DIGITS[s[0] ?? ''] ?? 0) * 10;
  if (s.length === 3 && s[1] === '十')
    return (CN_DIGITS[s[0] ?? ''] ?? 0) * 10 + (CN_DIGITS[s[2] ?? ''] ?? 0);
  return 0;
}

const HEADING_RE = /^([一二三四五六七八九十]{1,3})\s*[、.．]\s*(.*)$/;
const SENTENCE_PUNCT_RE = /[，。；;,！？!?（）()《》“”]/;

interface Heading {
  number: string;
  title: string;
  rest: string;
}

function readHeading(text: string, previous: number): Heading | null {
  const m = HEADING_RE.exec(text);
  if (!m) return null;
  const number = m[1] ?? '';
  const body = (m[2] ?? '').trim();
  // "一、项目概述：为保证…" — a known title may carry text on the same line.
  for (const t of KNOWN_TITLES) {
    if (body.replace(/\s+/g, '').startsWith(t)) {
      const afterTitle = body.replace(/\s+/g, '').slice(t.length);
      if (afterTitle === '' || /^[：:]/.test(afterTitle)) {
        return { number, title: t, rest: afterTitle.replace(/^[：:]\s*/, '') };
      }
    }
  }
  // An unknown title counts only when it is short, reads like a title and numbering advances, so a
  // body line that happens to start with "一、" inside 实施方案 is not taken for a section.
  if (
    body.length > 0 &&
    body.length <= 15 &&
    !SENTENCE_PUNCT_RE.test(body) &&
    chineseOrdinal(number) > previous
  ) {
    return { number, title: body, rest: '' };
  }
  return null;
}

const AMOUNT_RE = /(\d[\d,]*(?:\.\d+)?)\s*(万元|元)/;

/** The first amount in a text, in fen (元 or 万元). */
export function firstAmount(text: string): { fen: Fen | null; printed: string } | null {
  const m = AMOUNT_RE.exec(text);
  if (!m) return null;
  const num = m[1] ?? '';
  return { fen: m[2] === '万元' ? parseWan(num) : parseYuan(num), printed: m[0] };
}

/** Reads the lines after the 项目经费情况说明 heading. */
export function readExplanation(lines: readonly Line[], diagnostics: Diagnostic[]): Explanation {
  const sections: Section[] = [];
  const pieces: string[][] = [];
  const sectionLines: number[] = [];
  let previous = 0;
  for (const line of lines) {
    const h = readHeading(line.text, previous);
    if (h) {
      sections.push({ number: h.number, title: h.title, text: '' });
      pieces.push(h.rest ? [h.rest] : []);
      sectionLines.push(line.no);
      previous = chineseOrdinal(h.number);
      continue;
    }
    const current = pieces[pieces.length - 1];
    if (current) current.push(line.text);
    else {
      diagnostics.push({
        code: CODES.SECTION_UNREADABLE,
        severity: 'warning',
        message: `第${line.no}行：项目经费情况说明中有不属于任何编号小节的文字，已忽略：${line.text.slice(0, 30)}`,
        line: line.no,
      });
    }
  }
  sections.forEach((s, i) => {
    s.text = (pieces[i] ?? []).join('');
  });
  let budgetYuan: Fen | null = null;
  const budgetIndex = sections.findIndex((s) => s.title.includes('预算') || s.title.includes('资金安排'));
  const budget = sections[budgetIndex];
  if (budget) {
    const amount = firstAmount(budget.text);
    if (amount && amount.fen === null) {
      diagnostics.push({
        code: CODES.AMOUNT_INVALID,
        severity: 'error',
        message: `第${sectionLines[budgetIndex]}行「${budget.title}」金额格式不正确：${amount.printed}`,
        line: sectionLines[budgetIndex],
        field: budget.title,
      });
    }
    budgetYuan = amount?.fen ?? null;
  }
  return { sections, budgetYuan };
}
