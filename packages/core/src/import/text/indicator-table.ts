/**
 * Reads the three-level indicator table of a 申报表 from extracted text.
 *
 * The table's 一级/二级 labels are merged cells whose text wraps inside a narrow column
 * (满意 / 度指 / 标, 经济成 / 本指标), and a vertical label 绩/效/指/标 runs down the left edge. In raw
 * extraction each piece is its own line; in `pdftotext -layout` text the pieces share lines with the
 * rows, column by column. So labels are assembled from line-leading tokens against a vocabulary, each
 * open label collecting its next pieces, and a label applies to the rows read after it started.
 * Rows are `name value`; a name that fills its cell wraps onto the next line, and the value may then
 * stand on a line of its own.
 */
import { LEVEL1_NAMES, LEVEL2_NAMES } from '../../model/indicator.ts';
import type { Indicator } from '../../model/schema.ts';
import { CODES, type Diagnostic } from '../diagnostics.ts';
import { isQuantitative, makeIndicator, quantitativeTail } from './indicator-value.ts';
import { displayWidth, type Line, type Token } from './lines.ts';

const HEADERS = [
  '一级指标',
  '二级指标',
  '三级指标',
  '年度(/项目)指标值',
  '年度（/项目）指标值',
  '年度指标值',
  '项目指标值',
  '年度(项目)指标值',
  '年度（项目）指标值',
];
const VERTICAL = '绩效指标';

type LabelKind = 'level1' | 'level2' | 'header' | 'cost';
const VOCAB = new Map<string, LabelKind>();
for (const w of LEVEL1_NAMES) VOCAB.set(w, 'level1');
for (const w of LEVEL2_NAMES) VOCAB.set(w, 'level2');
for (const w of HEADERS) VOCAB.set(w, 'header');
VOCAB.set('成本指标', 'cost'); // 一级 in the 2021 framework, 二级 under 产出 in older forms
const PREFIXES = new Set<string>();
for (const w of VOCAB.keys()) for (let i = 1; i <= w.length; i++) PREFIXES.add(w.slice(0, i));

interface LabelItem {
  type: 'label';
  text: string;
  tokens: { token: Token; line: Line }[];
  lastLine: number;
  word: string | null;
}
interface RowItem {
  type: 'row';
  /** the row's text is `line.raw.slice(col, end)` */
  line: Line;
  col: number;
  end: number;
  /** name and value, once split */
  split?: { name: string; value: string | null };
}
type Item = LabelItem | RowItem;

/** Lines a label may wait for its next piece before it is taken for row text. */
const LABEL_PATIENCE = 3;

/** Phase one: tokens → label and row items, in reading order. */
export function scanTable(lines: readonly Line[]): Item[] {
  const items: Item[] = [];
  let open: LabelItem[] = [];
  let vIdx = 0;
  lines.forEach((line, lineIdx) => {
    // Labels that waited too long were row text after all (a name like 数量 that looked like a label).
    if (open.length > 0) {
      for (const b of open) if (lineIdx - b.lastLine > LABEL_PATIENCE) kill(b);
      open = open.filter((b) => b.word === null && b.type === 'label' && b.tokens.length > 0);
    }
    // Labels stand at the start of a line; from the first token that is no label on, the rest of
    // the line is the row (name and value), so only the leading tokens are looked at one by one.
    const raw = line.raw;
    TOKEN_RE.lastIndex = 0;
    for (let m = TOKEN_RE.exec(raw); m !== null; m = TOKEN_RE.exec(raw)) {
      const token: Token = { text: m[0], col: m.index };
      const ext = open.length === 0 ? undefined : open.find((b) => PREFIXES.has(b.text + token.text));
      if (ext) {
        ext.text += token.text;
        ext.tokens.push({ token, line });
        ext.lastLine = lineIdx;
        if (VOCAB.has(ext.text)) {
          ext.word = ext.text;
          open = open.filter((b) => b !== ext);
        }
        continue;
      }
      if (token.text.length === 1 && token.text === VERTICAL[vIdx]) {
        vIdx = (vIdx + 1) % VERTICAL.length;
        continue;
      }
      if (PREFIXES.has(token.text)) {
        const item: LabelItem = {
          type: 'label',
          text: token.text,
          tokens: [{ token, line }],
          lastLine: lineIdx,
          word: VOCAB.has(token.text) ? token.text : null,
        };
        items.push(item);
        if (item.word === null) open.push(item);
        continue;
      }
      items.push({ type: 'row', line, col: token.col, end: raw.length });
      break;
    }
  });
  for (const b of open) kill(b);
  return items.filter((it) => it.type === 'row' || it.tokens.length > 0);

  // A label that never completed becomes row text where it started: one row item per line it touched.
  function kill(b: LabelItem): void {
    const at = items.indexOf(b);
    const byLine = new Map<Line, { col: number; end: number }>();
    for (const { token, line } of b.tokens) {
      const span = byLine.get(line);
      const end = token.col + token.text.length;
      if (span) span.end = end;
      else byLine.set(line, { col: token.col, end });
    }
    const rows: RowItem[] = [...byLine].map(([line, span]) => ({ type: 'row', line, ...span }));
    items.splice(at, 1, ...rows);
    b.tokens = [];
  }
}

const TOKEN_RE = /\S+/g;
const LAST_GAP_RE = /\s+(\S+)$/;

/** Widths of the name pieces of a table (to learn how wide the name column is). */
export function namePieceWidths(items: readonly Item[]): number[] {
  const out: number[] = [];
  for (const it of items) {
    if (it.type !== 'row') continue;
    const { name, value } = splitRow(it);
    if (value === null && name !== '') out.push(displayWidth(name));
    else if (name !== '') out.push(displayWidth(name));
  }
  return out;
}

function splitRow(it: RowItem): { name: string; value: string | null } {
  if (it.split === undefined) it.split = splitRowUncached(it);
  return it.split;
}

function splitRowUncached(it: RowItem): { name: string; value: string | null } {
  const text = it.line.raw.slice(it.col, it.end);
  if (text === '') return { name: '', value: null };
  const tail = quantitativeTail(text);
  if (tail >= 0) return { name: text.slice(0, tail).trim(), value: text.slice(tail).trim() };
  const gap = LAST_GAP_RE.exec(text);
  if (gap) return { name: text.slice(0, gap.index).trim(), value: gap[1] ?? '' };
  return { name: text, value: isQuantitative(text) ? text : null };
}

interface PendingRow {
  name: string;
  value: string | null;
  lastFull: boolean;
  line: number;
}

/**
 * Phase two: items → indicators.
 * @param fullWidth a name piece at least this wide (half-width cells) filled its cell and wraps on
 */
export function assembleTable(
  items: readonly Item[],
  fullWidth: number,
  diagnostics: Diagnostic[],
  fieldPath: string,
): Indicator[] {
  const out: Indicator[] = [];
  let l1 = '';
  let l2 = '';
  let group: RowItem[] = [];
  let repeatedL1 = false;
  let l1Line = 0;
  let rowsSinceLabel = 0;
  const labels = items.filter((it): it is LabelItem => it.type === 'label' && it.word !== null);

  const flush = () => {
    if (group.length === 0) return;
    for (const r of assembleRows(group, fullWidth)) {
      if (r.value === null) {
        diagnostics.push({
          code: CODES.INDICATOR_UNREADABLE,
          severity: 'warning',
          message: `第${r.line}行：指标「${r.name}」没有读到指标值`,
          line: r.line,
          field: `${fieldPath}[${out.length}]`,
        });
      }
      if (l1 === '' || l2 === '') {
        diagnostics.push({
          code: CODES.INDICATOR_LEVEL_MISSING,
          severity: 'warning',
          message: `第${r.line}行：指标「${r.name}」前没有读到${l1 === '' ? '一级' : '二级'}指标`,
          line: r.line,
          field: `${fieldPath}[${out.length}]`,
        });
      }
      out.push(makeIndicator(l1, l2, r.name, r.value ?? ''));
      rowsSinceLabel++;
    }
    group = [];
  };

  for (const it of items) {
    if (it.type === 'row') {
      group.push(it);
      continue;
    }
    if (it.word === null) continue;
    const kind = VOCAB.get(it.word);
    if (kind === 'header') continue;
    flush();
    let level: 'level1' | 'level2' = kind === 'level2' ? 'level2' : 'level1';
    if (kind === 'cost') {
      // Older forms (2015 framework): 成本指标 is a 二级 under 产出指标. In the 2021 framework it is a 一级
      // and is followed by its own 二级 (经济成本指标 …).
      const next = labels[labels.indexOf(it) + 1];
      const nextIsLevel2 =
        next?.word !== undefined && next.word !== null && VOCAB.get(next.word) === 'level2';
      level = l1 === '产出指标' && !nextIsLevel2 ? 'level2' : 'level1';
    }
    const line = it.tokens[0]?.line.no ?? 0;
    if (level === 'level1') {
      repeatedL1 = it.word === l1 && rowsSinceLabel > 0;
      l1Line = line;
      l1 = it.word;
      l2 = '';
    } else {
      if (repeatedL1 && it.word === l2Previous(out, l1)) {
        diagnostics.push({
          code: CODES.HEADER_REPEATED,
          severity: 'info',
          message: `第${l1Line}行：一级/二级指标「${l1} / ${it.word}」的表头重复印了一次`,
          line: l1Line,
          field: fieldPath,
          ruleId: 'FMT-08',
        });
      }
      repeatedL1 = false;
      l2 = it.word;
    }
    rowsSinceLabel = 0;
  }
  flush();
  return out;
}

function l2Previous(out: readonly Indicator[], l1: string): string | undefined {
  for (let i = out.length - 1; i >= 0; i--) {
    const ind = out[i];
    if (ind && ind.level1 === l1) return ind.level2;
  }
  return undefined;
}

function assembleRows(group: readonly RowItem[], fullWidth: number): PendingRow[] {
  const rows: PendingRow[] = [];
  let cur: PendingRow | null = null;
  const isFull = (s: string) => displayWidth(s) >= fullWidth;
  const finish = () => {
    if (cur) rows.push(cur);
    cur = null;
  };
  for (const it of group) {
    const { name, value } = splitRow(it);
    const c = cur as PendingRow | null;
    if (value !== null) {
      if (c && c.value === null && (name === '' || c.lastFull)) {
        c.name += name;
        c.value = value;
        if (name !== '') c.lastFull = isFull(name);
      } else {
        finish();
        cur = { name, value, lastFull: isFull(name), line: it.line.no };
      }
    } else if (c?.lastFull) {
      // the previous piece filled the name cell: this one continues the name
      c.name += name;
      c.lastFull = isFull(name);
    } else if (c && c.value === null) {
      c.value = name; // a value on a line of its own, below a name that did not fill its cell
    } else {
      finish();
      cur = { name, value: null, lastFull: isFull(name), line: it.line.no };
    }
  }
  finish();
  return rows;
}
