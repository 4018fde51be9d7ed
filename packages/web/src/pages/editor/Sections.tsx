/**
 * 项目经费情况说明: the numbered sections (一 项目概述 … 七 绩效目标) — number, title, text — to
 * add, remove and reorder, and the 年度预算安排 amount checked against 年度资金申请总额.
 */
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Popconfirm, Typography } from 'antd';
import { type Dispatch, memo } from 'react';
import { MoneyInput, ReadText } from './fields.tsx';
import { MarkList, SeverityIcon } from './Marks.tsx';
import type { Draft, DraftSection } from './model.ts';
import { fenOf, showFen } from './money.ts';
import type { Mark } from './review.ts';
import type { Action } from './state.ts';

const SectionRow = memo(function SectionRow({
  section,
  first,
  last,
  marks,
  editable,
  autoFocus,
  dispatch,
}: {
  section: DraftSection;
  first: boolean;
  last: boolean;
  marks: Mark[] | undefined;
  editable: boolean;
  autoFocus: boolean;
  dispatch: Dispatch<Action>;
}) {
  const patch = (p: Partial<DraftSection>) => dispatch({ type: 'section', key: section.key, patch: p });
  if (!editable) {
    return (
      <div className="jx-section" data-anchor={`section:${section.key}`}>
        <Typography.Text strong>
          {section.number}
          {section.number && section.title ? '、' : ''}
          {section.title}
        </Typography.Text>
        <ReadText>{section.text}</ReadText>
        <MarkList marks={marks} />
      </div>
    );
  }
  return (
    <div className="jx-section" data-anchor={`section:${section.key}`}>
      <div className="jx-section-head">
        <Input
          aria-label="章节编号"
          value={section.number}
          onChange={(e) => patch({ number: e.target.value })}
          style={{ width: 64 }}
          autoFocus={autoFocus}
        />
        <Input
          aria-label="章节标题"
          value={section.title}
          onChange={(e) => patch({ title: e.target.value })}
          style={{ flex: 1 }}
        />
        <Button
          type="text"
          icon={<ArrowUpOutlined aria-hidden />}
          aria-label="前移章节"
          title="前移章节"
          disabled={first}
          onClick={() => dispatch({ type: 'moveSection', key: section.key, delta: -1 })}
        />
        <Button
          type="text"
          icon={<ArrowDownOutlined aria-hidden />}
          aria-label="后移章节"
          title="后移章节"
          disabled={last}
          onClick={() => dispatch({ type: 'moveSection', key: section.key, delta: 1 })}
        />
        <Button
          type="text"
          danger
          icon={<DeleteOutlined aria-hidden />}
          aria-label="删除章节"
          title="删除章节"
          onClick={() => dispatch({ type: 'removeSection', key: section.key })}
        />
      </div>
      <Input.TextArea
        aria-label={`章节内容：${section.number}${section.title}`}
        value={section.text}
        className="jx-grow"
        rows={2}
        onChange={(e) => patch({ text: e.target.value })}
      />
      <MarkList marks={marks} />
    </div>
  );
});

export const Sections = memo(function Sections({
  explanation,
  annualTotal,
  marks,
  editable,
  added,
  dispatch,
}: {
  explanation: Draft['explanation'];
  annualTotal: string;
  marks: Map<string, Mark[]>;
  editable: boolean;
  added: string | null;
  dispatch: Dispatch<Action>;
}) {
  if (!explanation) {
    return (
      <div data-anchor="explanation" className="jx-explanation-none">
        <Typography.Text type="secondary">本项目没有项目经费情况说明。</Typography.Text>{' '}
        {editable && (
          <Button
            icon={<PlusOutlined aria-hidden />}
            onClick={() => dispatch({ type: 'explanation', present: true })}
          >
            添加项目经费情况说明
          </Button>
        )}
        <MarkList marks={marks.get('explanation')} />
      </div>
    );
  }
  const { sections } = explanation;
  const budget = fenOf(explanation.budgetYuan);
  const annual = fenOf(annualTotal);
  const compare =
    explanation.budgetYuan.trim() !== '' && budget !== undefined && annual !== undefined
      ? budget - annual
      : null;
  return (
    <div data-anchor="explanation">
      <MarkList marks={marks.get('explanation')} />
      <div data-anchor="explanation.sections">
        <MarkList marks={marks.get('explanation.sections')} />
        {sections.map((s, i) => (
          <SectionRow
            key={s.key}
            section={s}
            first={i === 0}
            last={i === sections.length - 1}
            marks={marks.get(`section:${s.key}`)}
            editable={editable}
            autoFocus={added === s.key}
            dispatch={dispatch}
          />
        ))}
      </div>
      {editable && (
        <div className="jx-section-actions">
          <Button icon={<PlusOutlined aria-hidden />} onClick={() => dispatch({ type: 'addSection' })}>
            添加章节
          </Button>
          <Popconfirm
            title="删除整个项目经费情况说明？"
            description="各章节的内容将一并删除（保存前仍可撤销：不保存即可）。"
            okText="删除"
            cancelText="取消"
            onConfirm={() => dispatch({ type: 'explanation', present: false })}
          >
            <Button danger type="text">
              删除项目经费情况说明
            </Button>
          </Popconfirm>
        </div>
      )}
      <div className="jx-budget" data-anchor="explanation.budgetYuan">
        <label htmlFor="jx-explanation-budget">年度预算安排金额（元）</label>
        <div className="jx-budget-input">
          <MoneyInput
            id="jx-explanation-budget"
            value={explanation.budgetYuan}
            editable={editable}
            onChange={(value) => dispatch({ type: 'budgetYuan', value })}
          />
        </div>
        {compare !== null && (
          <span className={compare === 0n ? 'jx-sum jx-sum-ok' : 'jx-sum jx-sum-bad'}>
            {compare === 0n ? '✓ 与年度资金申请总额一致' : <SeverityIcon severity="error" />}
            {compare !== 0n &&
              ` 与年度资金申请总额相差 ${showFen(compare < 0n ? -compare : compare)} 元（说明${compare > 0n ? '多' : '少'}）`}
          </span>
        )}
        <MarkList marks={marks.get('explanation.budgetYuan')} />
      </div>
    </div>
  );
});
