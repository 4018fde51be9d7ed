/** Findings where they apply (a small coloured line under a field or row), and the summary panel. */
import type { Severity } from '@jixiao/core';
import { Empty, Typography } from 'antd';
import { memo } from 'react';
import type { Mark } from './review.ts';

export const SEVERITY_NAMES: Record<Severity, string> = { error: '错误', warn: '警告', info: '提示' };

const GLYPHS: Record<Severity, string> = { error: '×', warn: '!', info: 'i' };

/**
 * A small coloured disc (red ×, orange !, grey i). Plain text, not an icon component: a table of
 * 100 indicators may show hundreds, and each antd icon costs a style check when it mounts.
 */
export function SeverityIcon({ severity }: { severity: Severity }) {
  return (
    <span className={`jx-sev jx-sev-${severity}`} role="img" aria-label={SEVERITY_NAMES[severity]}>
      {GLYPHS[severity]}
    </span>
  );
}

/** The marks of one field or row; nothing when there are none. */
export const MarkList = memo(function MarkList({ marks }: { marks: Mark[] | undefined }) {
  if (!marks || marks.length === 0) return null;
  return (
    <ul className="jx-marks">
      {marks.map((m, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a list rebuilt whole, never reordered in place
        <li key={i} className={`jx-mark jx-mark-${m.severity}`}>
          <SeverityIcon severity={m.severity} /> <span>{m.message}</span>{' '}
          <span className="jx-mark-rule">{m.ruleId}</span>
        </li>
      ))}
    </ul>
  );
});

/** Every mark, most severe first; choosing one takes the cursor to its field. */
export const FindingsPanel = memo(function FindingsPanel({
  marks,
  title,
  pending,
  onGo,
}: {
  marks: Mark[];
  title: string;
  pending: boolean;
  onGo: (anchor: string) => void;
}) {
  const counts = { error: 0, warn: 0, info: 0 };
  for (const m of marks) counts[m.severity]++;
  return (
    <section className="jx-findings" aria-label="检查结果">
      <div className="jx-findings-head">
        <Typography.Text strong>{title}</Typography.Text>
        <span className="jx-findings-counts" aria-live="polite">
          {(['error', 'warn', 'info'] as const).map((s) => (
            <span key={s} className={`jx-count jx-count-${s}`}>
              <SeverityIcon severity={s} /> {SEVERITY_NAMES[s]} {counts[s]}
            </span>
          ))}
          {pending && <Typography.Text type="secondary">检查中…</Typography.Text>}
        </span>
      </div>
      {marks.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未发现问题" />
      ) : (
        <ol className="jx-findings-list">
          {marks.map((m, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is rebuilt whole on every review
            <li key={i}>
              <button
                type="button"
                className={`jx-finding jx-mark-${m.severity}`}
                onClick={() => onGo(m.anchor)}
              >
                <SeverityIcon severity={m.severity} />
                <span className="jx-finding-text">
                  <span className="jx-finding-where">
                    {m.where} · {m.ruleId}
                  </span>
                  <span>{m.message}</span>
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
});
