/**
 * 绩效指标 as the paper form prints it: 一级 and 二级 cells spanning their rows, one row per 三级
 * indicator with its target. A table may hold a hundred rows, so a row is plain native controls
 * (no per-row antd machinery), memoised and addressed by key: typing in one row renders that row
 * only. The one heavier piece, changing a row's 一级/二级, is a single dialog for the table.
 */
import { PlusOutlined } from '@ant-design/icons';
import { LEVEL1_NAMES, LEVEL2_NAMES, OPERATORS } from '@jixiao/core';
import { AutoComplete, Button, Modal, Space } from 'antd';
import { type Dispatch, memo, useCallback, useMemo, useState } from 'react';
import { MarkList } from './Marks.tsx';
import { type DraftIndicator, LEVEL2_BY_LEVEL1 } from './model.ts';
import { NameSuggest } from './NameSuggest.tsx';
import type { Mark } from './review.ts';
import type { Action } from './state.ts';

const LEVEL1_OPTIONS = LEVEL1_NAMES.map((value) => ({ value }));
const level2Options = (level1: string) =>
  (LEVEL2_BY_LEVEL1[level1] ?? LEVEL2_NAMES).map((value) => ({ value }));

/** `≥4.00(次)` or the qualitative text, as the form prints it. */
const printed = (r: DraftIndicator) =>
  r.kind === 'quantitative' ? `${r.operator}${r.value}${r.unit ? `(${r.unit})` : ''}` : r.text;

/** 一级 and 二级 pickers: the usual names to choose from, any other may be typed. */
function LevelPickers({
  level1,
  level2,
  onChange,
  idPrefix,
}: {
  level1: string;
  level2: string;
  onChange: (level1: string, level2: string) => void;
  idPrefix: string;
}) {
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <label htmlFor={`${idPrefix}-l1`}>一级指标</label>
      <AutoComplete
        id={`${idPrefix}-l1`}
        value={level1}
        options={LEVEL1_OPTIONS}
        onChange={(v: string) => onChange(v, level2)}
        style={{ width: '100%' }}
      />
      <label htmlFor={`${idPrefix}-l2`}>二级指标</label>
      <AutoComplete
        id={`${idPrefix}-l2`}
        value={level2}
        options={level2Options(level1)}
        onChange={(v: string) => onChange(level1, v)}
        style={{ width: '100%' }}
      />
    </Space>
  );
}

interface RowProps {
  row: DraftIndicator;
  index: number;
  /** rows the 一级 / 二级 cell spans from this row; 0: covered by a cell above */
  span1: number;
  span2: number;
  /** for the first row of a 二级 run: the key of its last row (a new row goes after it) */
  groupEnd: string | undefined;
  first: boolean;
  last: boolean;
  marks: Mark[] | undefined;
  editable: boolean;
  autoFocus: boolean;
  dispatch: Dispatch<Action>;
  onEditLevels: (key: string) => void;
}

const IndicatorRow = memo(function IndicatorRow({
  row,
  index,
  span1,
  span2,
  groupEnd,
  first,
  last,
  marks,
  editable,
  autoFocus,
  dispatch,
  onEditLevels,
}: RowProps) {
  const patch = (p: Partial<DraftIndicator>) => dispatch({ type: 'indicator', key: row.key, patch: p });
  const severity = marks?.[0]?.severity;
  const heading = `${row.level1 || '（未填一级）'}/${row.level2 || '（未填二级）'}`;
  return (
    <tr data-anchor={`row:${row.key}`} className={severity ? `jx-row-${severity}` : undefined}>
      {span1 > 0 && (
        <th scope="rowgroup" rowSpan={span1} className="jx-level1">
          {row.level1 || <span className="jx-empty">（未填一级）</span>}
        </th>
      )}
      {span2 > 0 && (
        <th scope="rowgroup" rowSpan={span2} className="jx-level2">
          <div>{row.level2 || <span className="jx-empty">（未填二级）</span>}</div>
          {editable && (
            <button
              type="button"
              className="jx-add-btn"
              aria-label={`添加指标：${heading}`}
              title="在此二级指标下添加一行"
              onClick={() =>
                dispatch({ type: 'addIndicator', level1: row.level1, level2: row.level2, after: groupEnd })
              }
            >
              <span aria-hidden>＋</span> 添加
            </button>
          )}
        </th>
      )}
      <td className="jx-ind-name-cell">
        <span className="jx-rownum" aria-hidden>
          {index + 1}
        </span>
        {editable ? <NameSuggest row={row} dispatch={dispatch} autoFocus={autoFocus} /> : row.name}
        <MarkList marks={marks} />
      </td>
      <td className="jx-ind-value-cell">
        {!editable ? (
          printed(row)
        ) : (
          <div className="jx-ind-value">
            <select
              className="jx-in jx-kind"
              aria-label="指标类型"
              value={row.kind}
              onChange={(e) => patch({ kind: e.target.value as DraftIndicator['kind'] })}
            >
              <option value="quantitative">定量</option>
              <option value="qualitative">定性</option>
            </select>
            {row.kind === 'quantitative' ? (
              <>
                <select
                  className="jx-in jx-op"
                  aria-label="比较符"
                  value={row.operator}
                  onChange={(e) => patch({ operator: e.target.value })}
                >
                  {!(OPERATORS as readonly string[]).includes(row.operator) && (
                    <option value={row.operator}>{row.operator || '—'}</option>
                  )}
                  {OPERATORS.map((o) => (
                    <option key={o} value={o}>
                      {o}
                    </option>
                  ))}
                </select>
                <input
                  className="jx-in jx-num"
                  aria-label="指标值"
                  inputMode="decimal"
                  autoComplete="off"
                  value={row.value}
                  onChange={(e) => patch({ value: e.target.value })}
                />
                <input
                  className="jx-in jx-unit"
                  aria-label="计量单位"
                  placeholder="单位"
                  autoComplete="off"
                  value={row.unit}
                  onChange={(e) => patch({ unit: e.target.value })}
                />
              </>
            ) : (
              <input
                className="jx-in jx-text"
                aria-label="指标值"
                placeholder="如：完成、达标"
                autoComplete="off"
                value={row.text}
                onChange={(e) => patch({ text: e.target.value })}
              />
            )}
          </div>
        )}
      </td>
      {editable && (
        <td className="jx-ind-actions">
          <button
            type="button"
            className="jx-icon-btn"
            aria-label="上移"
            title="上移"
            disabled={first}
            onClick={() => dispatch({ type: 'moveIndicator', key: row.key, delta: -1 })}
          >
            ↑
          </button>
          <button
            type="button"
            className="jx-icon-btn"
            aria-label="下移"
            title="下移"
            disabled={last}
            onClick={() => dispatch({ type: 'moveIndicator', key: row.key, delta: 1 })}
          >
            ↓
          </button>
          <button
            type="button"
            className="jx-icon-btn"
            aria-label="调整分类"
            title="调整一级/二级指标"
            onClick={() => onEditLevels(row.key)}
          >
            ⋯
          </button>
          <button
            type="button"
            className="jx-icon-btn jx-danger"
            aria-label="删除指标"
            title="删除指标"
            onClick={(e) => {
              // the cursor goes to the next row (or the one before, or 添加指标), not to the page
              const tr = e.currentTarget.closest('tr');
              const near = (tr?.nextElementSibling ?? tr?.previousElementSibling) as HTMLElement | null;
              const table = tr?.closest('.jx-indicators');
              dispatch({ type: 'removeIndicator', key: row.key });
              requestAnimationFrame(() => {
                const target =
                  near?.querySelector<HTMLElement>('[aria-label="删除指标"]') ??
                  table?.querySelector<HTMLElement>('button[aria-label="添加指标"]');
                target?.focus();
              });
            }}
          >
            ✕
          </button>
        </td>
      )}
    </tr>
  );
});

/** How many rows each 一级/二级 cell spans: runs of equal levels, as the form prints them. */
function spans(rows: DraftIndicator[]): { span1: number[]; span2: number[] } {
  const span1 = rows.map(() => 0);
  const span2 = rows.map(() => 0);
  let start1 = 0;
  let start2 = 0;
  rows.forEach((r, i) => {
    const prev = rows[i - 1];
    if (i === 0 || prev?.level1 !== r.level1) {
      start1 = i;
      start2 = i;
    } else if (prev?.level2 !== r.level2) {
      start2 = i;
    }
    span1[start1] = (span1[start1] ?? 0) + 1;
    span2[start2] = (span2[start2] ?? 0) + 1;
  });
  return { span1, span2 };
}

/** The bar under the table: add a row under any 一级/二级 (a new heading goes where forms print it). */
function AddBar({ dispatch }: { dispatch: Dispatch<Action> }) {
  const [level1, setLevel1] = useState('产出指标');
  const [level2, setLevel2] = useState('数量指标');
  return (
    <div className="jx-addbar">
      <span aria-hidden>新指标：</span>
      <label className="jx-sr-only" htmlFor="jx-add-level1">
        新指标的一级指标
      </label>
      <AutoComplete
        id="jx-add-level1"
        value={level1}
        options={LEVEL1_OPTIONS}
        onChange={(v: string) => {
          setLevel1(v);
          const children = LEVEL2_BY_LEVEL1[v];
          if (children && !children.includes(level2)) setLevel2(children[0] ?? '');
        }}
        style={{ width: 150 }}
      />
      <label className="jx-sr-only" htmlFor="jx-add-level2">
        新指标的二级指标
      </label>
      <AutoComplete
        id="jx-add-level2"
        value={level2}
        options={level2Options(level1)}
        onChange={(v: string) => setLevel2(v)}
        style={{ width: 210 }}
      />
      <Button
        icon={<PlusOutlined aria-hidden />}
        aria-label="添加指标"
        autoInsertSpace={false}
        disabled={level1.trim() === '' || level2.trim() === ''}
        onClick={() => dispatch({ type: 'addIndicator', level1: level1.trim(), level2: level2.trim() })}
      >
        添加指标
      </Button>
    </div>
  );
}

export const IndicatorTable = memo(function IndicatorTable({
  rows,
  marks,
  editable,
  added,
  dispatch,
}: {
  rows: DraftIndicator[];
  marks: Map<string, Mark[]>;
  editable: boolean;
  added: string | null;
  dispatch: Dispatch<Action>;
}) {
  const { span1, span2 } = useMemo(() => spans(rows), [rows]);
  const [levelsOf, setLevelsOf] = useState<string | null>(null);
  const onEditLevels = useCallback((key: string) => setLevelsOf(key), []);
  const editing = levelsOf === null ? undefined : rows.find((r) => r.key === levelsOf);
  const editingIndex = editing ? rows.indexOf(editing) : -1;
  return (
    <div data-anchor="form.indicators" className="jx-indicators">
      <MarkList marks={marks.get('form.indicators')} />
      <table className="jx-grid jx-ind-table" aria-label="绩效指标">
        <colgroup>
          <col style={{ width: '11%' }} />
          <col style={{ width: '13%' }} />
          <col />
          <col style={{ width: editable ? 316 : '24%' }} />
          {editable && <col style={{ width: 124 }} />}
        </colgroup>
        <thead>
          <tr>
            <th scope="col">一级指标</th>
            <th scope="col">二级指标</th>
            <th scope="col">三级指标</th>
            <th scope="col">指标值</th>
            {editable && <th scope="col">操作</th>}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={editable ? 5 : 4} className="jx-empty-row">
                尚无绩效指标{editable ? '：在下方选择一级、二级指标后点“添加指标”。' : '。'}
              </td>
            </tr>
          )}
          {rows.map((row, i) => (
            <IndicatorRow
              key={row.key}
              row={row}
              index={i}
              span1={span1[i] ?? 0}
              span2={span2[i] ?? 0}
              groupEnd={span2[i] ? rows[i + (span2[i] ?? 1) - 1]?.key : undefined}
              first={i === 0}
              last={i === rows.length - 1}
              marks={marks.get(`row:${row.key}`)}
              editable={editable}
              autoFocus={added === row.key}
              dispatch={dispatch}
              onEditLevels={onEditLevels}
            />
          ))}
        </tbody>
      </table>
      {editable && <AddBar dispatch={dispatch} />}
      {editable && (
        <Modal
          open={editing !== undefined}
          title={`调整第 ${editingIndex + 1} 行「${editing?.name || '（未填名称）'}」的分类`}
          onCancel={() => setLevelsOf(null)}
          onOk={() => setLevelsOf(null)}
          okText="完成"
          cancelButtonProps={{ style: { display: 'none' } }}
          destroyOnHidden
        >
          {editing && (
            <LevelPickers
              idPrefix="jx-row-levels"
              level1={editing.level1}
              level2={editing.level2}
              onChange={(level1, level2) =>
                dispatch({ type: 'indicator', key: editing.key, patch: { level1, level2 } })
              }
            />
          )}
        </Modal>
      )}
    </div>
  );
});
