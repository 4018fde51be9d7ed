/**
 * 项目资金（元） as the paper form lays it out — the whole project on the left, this year on the
 * right — with the sums worked out beside them as the user types. Exact: amounts are parsed into
 * integer fen and added as BigInt, so no sum is ever off by a float's rounding.
 */
import type { FundField } from '@jixiao/core';
import { type Dispatch, memo } from 'react';
import { MoneyInput } from './fields.tsx';
import { MarkList, SeverityIcon } from './Marks.tsx';
import type { DraftFunds } from './model.ts';
import { fenOf, showFen } from './money.ts';
import { FUND_LABELS, type Mark } from './review.ts';
import type { Action } from './state.ts';

/** A sum and its total, checked: `a + b = 5,850,000.00 元，与 X 一致` or the difference. */
export function SumCheck({
  parts,
  total,
  funds,
  relation = 'equal',
}: {
  parts: FundField[];
  total: FundField;
  funds: DraftFunds;
  /** `atMost`: the first part must not exceed the total (年度 ≤ 项目) */
  relation?: 'equal' | 'atMost';
}) {
  const values = parts.map((p) => fenOf(funds[p]));
  const t = fenOf(funds[total]);
  const blank = [...parts, total].every((p) => funds[p].trim() === '');
  if (blank) return null;
  if (t === undefined || values.some((v) => v === undefined)) {
    return <div className="jx-sum">金额格式有误，无法核对</div>;
  }
  const sum = (values as bigint[]).reduce((a, b) => a + b, 0n);
  const names = parts.map((p) => FUND_LABELS[p]).join(' + ');
  if (relation === 'atMost') {
    if (sum <= t) return null;
    return (
      <div className="jx-sum jx-sum-bad">
        <SeverityIcon severity="error" /> {names} {showFen(sum)} 元 超过 {FUND_LABELS[total]} {showFen(t)}{' '}
        元，超出 {showFen(sum - t)} 元
      </div>
    );
  }
  const diff = sum - t;
  return (
    <div className={diff === 0n ? 'jx-sum jx-sum-ok' : 'jx-sum jx-sum-bad'} data-testid={`sum-${total}`}>
      {diff === 0n ? '✓' : <SeverityIcon severity="error" />} {names} = {showFen(sum)} 元
      {diff === 0n
        ? `，与${FUND_LABELS[total]}一致`
        : `，${FUND_LABELS[total]}为 ${showFen(t)} 元，相差 ${showFen(diff < 0n ? -diff : diff)} 元（合计${diff > 0n ? '多' : '少'}）`}
    </div>
  );
}

export const Funds = memo(function Funds({
  funds,
  marks,
  editable,
  dispatch,
}: {
  funds: DraftFunds;
  marks: Map<string, Mark[]>;
  editable: boolean;
  dispatch: Dispatch<Action>;
}) {
  /** `label` as the form prints it; `hint` tells the two 其他资金 apart for screen readers */
  const cell = (field: FundField, label = FUND_LABELS[field], hint = '') => (
    <>
      <th scope="row">
        <label htmlFor={`jx-fund-${field}`}>
          {label}
          {hint && <span className="jx-sr-only">{hint}</span>}
        </label>
      </th>
      <td data-anchor={`form.funds.${field}`}>
        <MoneyInput
          id={`jx-fund-${field}`}
          value={funds[field]}
          editable={editable}
          onChange={(value) => dispatch({ type: 'fund', field, value })}
        />
        <MarkList marks={marks.get(`form.funds.${field}`)} />
      </td>
    </>
  );
  const anyAmount = Object.values(funds).some((v) => v.trim() !== '');
  return (
    <div data-anchor="form.funds">
      <table className="jx-grid jx-funds">
        <caption>项目资金（元）</caption>
        <colgroup>
          <col style={{ width: '14%' }} />
          <col style={{ width: '36%' }} />
          <col style={{ width: '14%' }} />
          <col style={{ width: '36%' }} />
        </colgroup>
        <tbody>
          <tr>
            {cell('total')}
            {cell('annualTotal')}
          </tr>
          <tr>
            {cell('fiscal', '其中：财政资金')}
            {cell('currentYearAppropriation', '其中：当年财政拨款')}
          </tr>
          <tr>
            {cell('other', '其他资金', '（项目资金）')}
            {cell('priorYearCarryover')}
          </tr>
          <tr>
            <td colSpan={2} />
            {cell('annualOther', '其他资金', '（年度资金）')}
          </tr>
          {anyAmount && (
            <tr className="jx-sums">
              <td colSpan={2} aria-live="polite">
                <SumCheck parts={['fiscal', 'other']} total="total" funds={funds} />
              </td>
              <td colSpan={2} aria-live="polite">
                <SumCheck
                  parts={['currentYearAppropriation', 'priorYearCarryover', 'annualOther']}
                  total="annualTotal"
                  funds={funds}
                />
                <SumCheck parts={['annualTotal']} total="total" funds={funds} relation="atMost" />
                <SumCheck
                  parts={['currentYearAppropriation']}
                  total="fiscal"
                  funds={funds}
                  relation="atMost"
                />
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <MarkList marks={marks.get('form.funds')} />
    </div>
  );
});
