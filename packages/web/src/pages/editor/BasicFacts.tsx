/** The head of the 申报表: 项目名称 … 计划完成日期, as the paper form lays them out, and the goals. */
import { AutoComplete, DatePicker, Input } from 'antd';
import dayjs from 'dayjs';
import { type Dispatch, memo } from 'react';
import { ReadText } from './fields.tsx';
import { MarkList } from './Marks.tsx';
import type { DraftForm, FormTextField } from './model.ts';
import type { Mark } from './review.ts';
import type { Action } from './state.ts';

const NATURES = ['一次性项目', '经常性项目', '阶段性项目', '其他经常性项目'];
const CATEGORIES = ['人员类', '公用经费', '其他运转类', '特定目标类'];
const toOptions = (list: string[]) => list.map((value) => ({ value }));

interface Props {
  form: DraftForm;
  marks: Map<string, Mark[]>;
  editable: boolean;
  dispatch: Dispatch<Action>;
}

/** One labelled cell: `<th><label>` and `<td>` with the field and its marks. */
function Cell({
  field,
  label,
  marks,
  children,
  span = 1,
}: {
  field: string;
  label: string;
  marks: Map<string, Mark[]>;
  children: React.ReactNode;
  span?: number;
}) {
  return (
    <>
      <th scope="row">
        <label htmlFor={`jx-${field}`}>{label}</label>
      </th>
      <td colSpan={span} data-anchor={field}>
        {children}
        <MarkList marks={marks.get(field)} />
      </td>
    </>
  );
}

export const BasicFacts = memo(function BasicFacts({ form, marks, editable, dispatch }: Props) {
  const set = (field: FormTextField) => (value: string) => dispatch({ type: 'form', field, value });
  const text = (field: FormTextField) =>
    editable ? (
      <Input id={`jx-form.${field}`} value={form[field]} onChange={(e) => set(field)(e.target.value)} />
    ) : (
      <ReadText id={`jx-form.${field}`}>{form[field]}</ReadText>
    );
  const choice = (field: FormTextField, options: string[]) =>
    editable ? (
      <AutoComplete
        id={`jx-form.${field}`}
        value={form[field]}
        options={toOptions(options)}
        onChange={set(field)}
        style={{ width: '100%' }}
      />
    ) : (
      <ReadText id={`jx-form.${field}`}>{form[field]}</ReadText>
    );
  const date = (field: 'startDate' | 'endDate') => {
    const value = form[field];
    const d = /^\d{4}-\d{2}-\d{2}$/.test(value) ? dayjs(value) : null;
    return editable ? (
      <DatePicker
        id={`jx-form.${field}`}
        value={d?.isValid() ? d : null}
        onChange={(v) => set(field)(v ? v.format('YYYY-MM-DD') : '')}
        style={{ width: '100%' }}
      />
    ) : (
      <ReadText id={`jx-form.${field}`}>{value}</ReadText>
    );
  };
  return (
    <table className="jx-grid">
      <colgroup>
        <col style={{ width: '14%' }} />
        <col style={{ width: '36%' }} />
        <col style={{ width: '14%' }} />
        <col style={{ width: '36%' }} />
      </colgroup>
      <tbody>
        <tr>
          <Cell field="form.name" label="项目名称" marks={marks} span={3}>
            {text('name')}
          </Cell>
        </tr>
        <tr>
          <Cell field="form.nature" label="项目性质" marks={marks}>
            {choice('nature', NATURES)}
          </Cell>
          <Cell field="form.category" label="项目类别" marks={marks}>
            {choice('category', CATEGORIES)}
          </Cell>
        </tr>
        <tr>
          <Cell field="form.competentDepartment" label="主管部门" marks={marks}>
            {text('competentDepartment')}
          </Cell>
          <Cell field="form.implementingUnit" label="实施单位" marks={marks}>
            {text('implementingUnit')}
          </Cell>
        </tr>
        <tr>
          <Cell field="form.startDate" label="计划开始日期" marks={marks}>
            {date('startDate')}
          </Cell>
          <Cell field="form.endDate" label="计划完成日期" marks={marks}>
            {date('endDate')}
          </Cell>
        </tr>
      </tbody>
    </table>
  );
});

/** 总体目标 (项目总目标, for projects over several years) and 年度目标 (年度总体目标). */
export const Goals = memo(function Goals({ form, marks, editable, dispatch }: Props) {
  const goal = (field: 'overallGoal' | 'annualGoal') =>
    editable ? (
      <Input.TextArea
        id={`jx-form.${field}`}
        value={form[field]}
        className={field === 'annualGoal' ? 'jx-grow jx-grow-4' : 'jx-grow'}
        rows={field === 'annualGoal' ? 4 : 2}
        onChange={(e) => dispatch({ type: 'form', field, value: e.target.value })}
      />
    ) : (
      <ReadText id={`jx-form.${field}`}>{form[field]}</ReadText>
    );
  return (
    <table className="jx-grid">
      <colgroup>
        <col style={{ width: '14%' }} />
        <col />
      </colgroup>
      <tbody>
        <tr>
          <Cell field="form.overallGoal" label="总体目标" marks={marks}>
            {goal('overallGoal')}
          </Cell>
        </tr>
        <tr>
          <Cell field="form.annualGoal" label="年度目标" marks={marks}>
            {goal('annualGoal')}
          </Cell>
        </tr>
      </tbody>
    </table>
  );
});
