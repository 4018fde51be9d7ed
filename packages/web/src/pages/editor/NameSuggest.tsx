/**
 * The indicator name cell: a light combobox (a native input; the list and its query exist only
 * while the cell has the focus, so a table of 100 rows stays quick). Typing suggests names already
 * used (GET /api/indicator-suggestions, debounced, cached by react-query); choosing one fills the
 * name and, when the row has no target yet, its unit and typical target. Keyboard: ↓/↑ to move,
 * Enter to choose, Esc to close.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type Dispatch, type KeyboardEvent, memo, useEffect, useState } from 'react';
import { api, type IndicatorSuggestion } from '../../api.ts';
import { useDebounced } from './fields.tsx';
import { type DraftIndicator, targetIsEmpty } from './model.ts';
import type { Action } from './state.ts';

const targetText = (s: IndicatorSuggestion) => {
  const t = s.targets[0];
  if (!t) return '';
  return t.kind === 'quantitative' ? `${t.operator}${t.value}${t.unit ? `(${t.unit})` : ''}` : t.text;
};

/** What choosing `s` changes in `row`: the name, and the target only while the row has none. */
export function patchFor(s: IndicatorSuggestion, row: DraftIndicator): Partial<DraftIndicator> {
  const patch: Partial<DraftIndicator> = { name: s.name };
  if (!targetIsEmpty(row)) return patch;
  const t = s.targets[0];
  if (t?.kind === 'quantitative') {
    Object.assign(patch, { kind: 'quantitative', operator: t.operator, value: t.value, unit: t.unit });
  } else if (t?.kind === 'qualitative') {
    Object.assign(patch, { kind: 'qualitative', text: t.text });
  } else if (s.unit) {
    patch.unit = s.unit;
  }
  return patch;
}

/** The suggestions for the focused cell: fetched (debounced) and reported up, listed below it. */
function SuggestionList({
  id,
  row,
  active,
  onItems,
  onPick,
}: {
  id: string;
  row: DraftIndicator;
  active: number;
  onItems: (items: IndicatorSuggestion[]) => void;
  onPick: (s: IndicatorSuggestion) => void;
}) {
  const q = useDebounced(row.name.trim(), 250);
  const { data } = useQuery({
    placeholderData: keepPreviousData,
    queryKey: ['indicator-suggestions', q, row.level1, row.level2],
    queryFn: () =>
      api.get<{ items: IndicatorSuggestion[] }>('/api/indicator-suggestions', {
        q,
        level1: row.level1,
        level2: row.level2,
        limit: 8,
      }),
    staleTime: 60_000,
  });
  const name = row.name;
  // while the next answer is on its way, the last one narrowed to what is typed now
  const typed = name.trim().toLowerCase();
  const items = (data?.items ?? []).filter(
    (s) => s.name !== name && (q === name.trim() || s.name.toLowerCase().includes(typed)),
  );
  const signature = items.map((s) => s.name).join('\n');
  // biome-ignore lint/correctness/useExhaustiveDependencies: report when the list itself changes
  useEffect(() => onItems(items), [signature]);
  if (items.length === 0) return null;
  return (
    <div className="jx-listbox" id={id} role="listbox" aria-label="可选的名称">
      {items.map((s, i) => (
        // the keyboard chooses through the input (↓ ↑ Enter, aria-activedescendant)
        <div
          key={s.name}
          tabIndex={-1}
          id={`${id}-${i}`}
          role="option"
          aria-selected={i === active}
          className={i === active ? 'jx-option jx-option-active' : 'jx-option'}
          // mousedown, not click: the input keeps the focus
          onMouseDown={(e) => {
            e.preventDefault();
            onPick(s);
          }}
        >
          <span>{s.name}</span>
          <span className="jx-suggestion-meta">
            {targetText(s)}
            {targetText(s) ? ' · ' : ''}
            {s.projectCount} 个项目
          </span>
        </div>
      ))}
    </div>
  );
}

export const NameSuggest = memo(function NameSuggest({
  row,
  dispatch,
  autoFocus,
}: {
  row: DraftIndicator;
  dispatch: Dispatch<Action>;
  autoFocus: boolean;
}) {
  const [focused, setFocused] = useState(false);
  const [closed, setClosed] = useState(false);
  const [items, setItems] = useState<IndicatorSuggestion[]>([]);
  const [active, setActive] = useState(-1);
  const listId = `jx-suggest-${row.key}`;
  const open = focused && !closed && items.length > 0;
  const pick = (s: IndicatorSuggestion) => {
    dispatch({ type: 'indicator', key: row.key, patch: patchFor(s, row) });
    setClosed(true);
    setActive(-1);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (items.length === 0) return;
      e.preventDefault();
      setClosed(false);
      const n = items.length;
      setActive((a) => (e.key === 'ArrowDown' ? (a + 1) % n : (a - 1 + n) % n));
    } else if (e.key === 'Enter' && open && active >= 0 && items[active]) {
      e.preventDefault();
      pick(items[active]);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      setClosed(true);
    }
  };
  return (
    <div className="jx-combo">
      <input
        className="jx-in"
        role="combobox"
        aria-label="指标名称"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
        autoComplete="off"
        // biome-ignore lint/a11y/noAutofocus: a row just added takes the cursor to its name
        autoFocus={autoFocus}
        value={row.name}
        onChange={(e) => {
          setClosed(false);
          setActive(-1);
          dispatch({ type: 'indicator', key: row.key, patch: { name: e.target.value } });
        }}
        onFocus={() => {
          setFocused(true);
          setClosed(false);
        }}
        onBlur={() => {
          setFocused(false);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
      />
      {focused && !closed && (
        <SuggestionList id={listId} row={row} active={active} onItems={setItems} onPick={pick} />
      )}
    </div>
  );
});
