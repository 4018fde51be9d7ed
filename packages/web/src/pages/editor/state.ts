/**
 * Every change to the working copy is one action through one reducer: rows are addressed by their
 * key (not their position, which moves), and untouched rows keep their identity, so memoised rows
 * do not render again when another row changes.
 */
import type { FundField } from '@jixiao/core';
import {
  blankExplanation,
  blankIndicator,
  type Draft,
  type DraftIndicator,
  type DraftSection,
  type FormTextField,
  levelOrder,
  newKey,
} from './model.ts';

export type Action =
  | { type: 'form'; field: FormTextField; value: string }
  | { type: 'fund'; field: FundField; value: string }
  | { type: 'indicator'; key: string; patch: Partial<Omit<DraftIndicator, 'key'>> }
  | { type: 'addIndicator'; level1: string; level2: string; after?: string }
  | { type: 'removeIndicator'; key: string }
  | { type: 'moveIndicator'; key: string; delta: -1 | 1 }
  | { type: 'section'; key: string; patch: Partial<Omit<DraftSection, 'key'>> }
  | { type: 'addSection' }
  | { type: 'removeSection'; key: string }
  | { type: 'moveSection'; key: string; delta: -1 | 1 }
  | { type: 'budgetYuan'; value: string }
  | { type: 'explanation'; present: boolean }
  /** replace the whole working copy (a restored draft, the newest version from the server) */
  | { type: 'load'; draft: Draft };

export interface EditorState {
  draft: Draft;
  /** the key of the row just added (to focus its name) */
  added: string | null;
}

function move<T extends { key: string }>(list: T[], key: string, delta: -1 | 1): T[] {
  const i = list.findIndex((x) => x.key === key);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= list.length) return list;
  const out = list.slice();
  [out[i], out[j]] = [out[j] as T, out[i] as T];
  return out;
}

/**
 * Where a new row under (level1, level2) goes: after `after`; else after the last row of that
 * heading; else before the first row of a later heading in the usual order; else at the end.
 */
function insertAt(rows: DraftIndicator[], level1: string, level2: string, after?: string): number {
  if (after !== undefined) {
    const i = rows.findIndex((r) => r.key === after);
    if (i >= 0) return i + 1;
  }
  let last = -1;
  rows.forEach((r, i) => {
    if (r.level1 === level1 && r.level2 === level2) last = i;
  });
  if (last >= 0) return last + 1;
  const [a, b] = levelOrder(level1, level2);
  const later = rows.findIndex((r) => {
    const [x, y] = levelOrder(r.level1, r.level2);
    return x > a || (x === a && y > b);
  });
  return later >= 0 ? later : rows.length;
}

export function reduce(state: EditorState, action: Action): EditorState {
  const d = state.draft;
  const next = (draft: Draft, added: string | null = null): EditorState => ({ draft, added });
  switch (action.type) {
    case 'form':
      return next({ ...d, form: { ...d.form, [action.field]: action.value } });
    case 'fund':
      return next({ ...d, form: { ...d.form, funds: { ...d.form.funds, [action.field]: action.value } } });
    case 'indicator':
      return next({
        ...d,
        indicators: d.indicators.map((i) => (i.key === action.key ? { ...i, ...action.patch } : i)),
      });
    case 'addIndicator': {
      const row = blankIndicator(action.level1, action.level2);
      const at = insertAt(d.indicators, action.level1, action.level2, action.after);
      const indicators = d.indicators.slice();
      indicators.splice(at, 0, row);
      return next({ ...d, indicators }, row.key);
    }
    case 'removeIndicator':
      return next({ ...d, indicators: d.indicators.filter((i) => i.key !== action.key) });
    case 'moveIndicator':
      return next({ ...d, indicators: move(d.indicators, action.key, action.delta) });
    case 'budgetYuan':
    case 'section':
    case 'addSection':
    case 'removeSection':
    case 'moveSection': {
      const e = d.explanation ?? blankExplanation();
      let explanation = e;
      let added: string | null = null;
      if (action.type === 'budgetYuan') explanation = { ...e, budgetYuan: action.value };
      else if (action.type === 'section')
        explanation = {
          ...e,
          sections: e.sections.map((s) => (s.key === action.key ? { ...s, ...action.patch } : s)),
        };
      else if (action.type === 'addSection') {
        const s = { key: newKey('s'), number: '', title: '', text: '' };
        added = s.key;
        explanation = { ...e, sections: [...e.sections, s] };
      } else if (action.type === 'removeSection')
        explanation = { ...e, sections: e.sections.filter((s) => s.key !== action.key) };
      else explanation = { ...e, sections: move(e.sections, action.key, action.delta) };
      return next({ ...d, explanation }, added);
    }
    case 'load':
      return next(action.draft);
    case 'explanation':
      return next({ ...d, explanation: action.present ? (d.explanation ?? blankExplanation()) : null });
  }
}
