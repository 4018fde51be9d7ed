/** Small field pieces shared by the editor's blocks: money as typed, and a value that settles. */
import { formatYuan, parseYuan } from '@jixiao/core';
import { Input } from 'antd';
import { memo, type ReactNode, useEffect, useState } from 'react';

/** `value`, once it has stopped changing for `ms`. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}

/** Money as the form prints it: `5850000` → `5,850,000.00`; other text is left for the check to name. */
export function tidyMoney(text: string): string {
  const fen = parseYuan(text.trim());
  return fen === null ? text.trim() : formatYuan(fen);
}

/** A money cell in 元: typed freely, tidied on leaving; read-only shows the amount or `—`. */
export const MoneyInput = memo(function MoneyInput({
  id,
  value,
  editable,
  onChange,
}: {
  id: string;
  value: string;
  editable: boolean;
  onChange: (value: string) => void;
}) {
  if (!editable) {
    return (
      <span id={id} className="jx-money-text jx-readonly">
        {value.trim() === '' ? '—' : tidyMoney(value)}
      </span>
    );
  }
  return (
    <Input
      id={id}
      className="jx-money"
      value={value}
      inputMode="decimal"
      placeholder="不填则留空"
      suffix="元"
      autoComplete="off"
      onChange={(e) => onChange(e.target.value)}
      onBlur={() => {
        const tidy = tidyMoney(value);
        if (tidy !== value) onChange(tidy);
      }}
    />
  );
});

/** Text shown in place of an input when the editor is read-only (keeps line breaks). */
export function ReadText({ id, children }: { id?: string; children: ReactNode }) {
  const empty = children === '' || children === null || children === undefined;
  return (
    <div id={id} className="jx-readonly">
      {empty ? <span className="jx-empty">（空）</span> : children}
    </div>
  );
}
