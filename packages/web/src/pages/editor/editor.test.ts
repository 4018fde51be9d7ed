/** The editor's working copy, its reducer and its live review, without a browser. */
import { describe, expect, it } from 'vitest';
import songjiang from '../../../../../testdata/songjiang-zfw-2024.json';
import type { ProjectJson } from '../../api.ts';
import { blankDraft, fromWire, toWire } from './model.ts';
import { fenOf, showFen } from './money.ts';
import { review } from './review.ts';
import { type EditorState, reduce } from './state.ts';

const fixture = songjiang as unknown as { projects: ProjectJson[] };
const ctx = { year: 2024, department: '中共上海市松江区委政法委员会' };
const start = (p: ProjectJson): EditorState => ({ draft: fromWire(p), added: null });

describe('the working copy', () => {
  it('gives back exactly the project it was made from (every fixture project)', () => {
    for (const p of fixture.projects) expect(toWire(fromWire(p))).toEqual(p);
  });

  it('shows money as the form prints it and sends it canonical, blank as null', () => {
    const d = fromWire(fixture.projects[0] as ProjectJson);
    expect(d.form.funds.total).toBe('5,850,000.00');
    expect(d.form.funds.other).toBe('');
    const typed = reduce({ draft: d, added: null }, { type: 'fund', field: 'other', value: ' 1200.5 ' });
    expect(toWire(typed.draft).form.funds.other).toBe('1200.50');
    const bad = reduce({ draft: d, added: null }, { type: 'fund', field: 'other', value: '12万' });
    expect(toWire(bad.draft).form.funds.other).toBe('12万');
  });

  it('adds up money exactly, in fen', () => {
    const sum = (['0.10', '0.20', '90,071,992,547,409.91'].map(fenOf) as bigint[]).reduce((a, b) => a + b);
    expect(showFen(sum)).toBe('90,071,992,547,410.21');
    expect(fenOf('')).toBe(0n);
    expect(fenOf('abc')).toBeUndefined();
    expect(showFen(-5n)).toBe('-0.05');
  });

  it('keeps both kinds of value on a row: switching 定量/定性 loses nothing', () => {
    let s = start(fixture.projects[0] as ProjectJson);
    const key = s.draft.indicators[1]?.key as string;
    s = reduce(s, { type: 'indicator', key, patch: { kind: 'qualitative', text: '完成' } });
    s = reduce(s, { type: 'indicator', key, patch: { kind: 'quantitative' } });
    expect(toWire(s.draft).form.indicators[1]).toMatchObject({ operator: '≥', value: '4.00', unit: '次' });
  });
});

describe('the reducer', () => {
  it('adds a row after the last row of its heading, or where forms print a new heading', () => {
    let s = start(fixture.projects[0] as ProjectJson);
    const levels = () => s.draft.indicators.map((i) => `${i.level1}/${i.level2}`);
    const lastQuality = levels().lastIndexOf('产出指标/质量指标');
    s = reduce(s, { type: 'addIndicator', level1: '产出指标', level2: '时效指标' });
    // 时效 comes after 质量 (the last 产出 heading present) and before 效益
    expect(levels()[lastQuality + 1]).toBe('产出指标/时效指标');
    expect(s.added).toBe(s.draft.indicators[lastQuality + 1]?.key);
    expect(s.draft.indicators[lastQuality + 1]).toMatchObject({ name: '', operator: '≥', unit: '' });
    s = reduce(s, { type: 'addIndicator', level1: '成本指标', level2: '经济成本指标' });
    expect(s.draft.indicators[1]).toMatchObject({ level2: '经济成本指标', operator: '≤', unit: '元' });
  });

  it('moves and removes rows by key, leaving the other rows as they were', () => {
    const s = start(fixture.projects[0] as ProjectJson);
    const [a, b] = s.draft.indicators;
    const moved = reduce(s, { type: 'moveIndicator', key: b?.key as string, delta: -1 });
    expect(moved.draft.indicators.slice(0, 2)).toEqual([b, a]);
    expect(moved.draft.indicators[5]).toBe(s.draft.indicators[5]); // same object: a memoised row skips
    expect(reduce(s, { type: 'moveIndicator', key: a?.key as string, delta: -1 })).toEqual(s);
    const removed = reduce(s, { type: 'removeIndicator', key: a?.key as string });
    expect(removed.draft.indicators).toHaveLength(s.draft.indicators.length - 1);
  });
});

describe('the live review', () => {
  it('puts each finding where the editor shows it', () => {
    const d = fromWire(fixture.projects[0] as ProjectJson);
    const { marks, valid } = review(d, ctx);
    expect(valid).toBe(true);
    const cost = marks.find((m) => m.ruleId === 'COST-01');
    expect(cost).toMatchObject({
      severity: 'error',
      path: 'form.indicators[0]',
      anchor: `row:${d.indicators[0]?.key}`,
      where: '绩效指标 第 1 行「项目成本」',
    });
    expect(marks.find((m) => m.ruleId === 'FUND-08')?.anchor).toBe('form.funds.other');
    expect(marks.find((m) => m.ruleId === 'COMP-03')?.anchor).toBe('form.indicators');
    // errors first
    expect(marks[0]?.severity).toBe('error');
  });

  it('names the fields a half-typed form cannot be saved with, instead of reviewing it', () => {
    let s = start(fixture.projects[0] as ProjectJson);
    s = reduce(s, { type: 'addIndicator', level1: '产出指标', level2: '时效指标' });
    const added = s.added;
    s = reduce(s, { type: 'fund', field: 'total', value: '5,850,000.001' });
    s = reduce(s, { type: 'form', field: 'startDate', value: '' });
    const { marks, valid } = review(s.draft, ctx);
    expect(valid).toBe(false);
    expect(marks.map((m) => [m.anchor, m.ruleId, m.message])).toEqual([
      ['form.startDate', '格式', '请选择日期'],
      ['form.funds.total', '格式', expect.stringContaining('金额格式不正确')],
      [`row:${added}`, '格式', '指标值应为数字（如 4.00 或 95）'],
    ]);
  });

  it('reviews a blank new project: it lacks every required part', () => {
    const d = blankDraft({ year: 2025, unitName: '某单位', departmentName: '某部门' });
    const { marks, valid } = review(d, { year: 2025, department: '某部门' });
    expect(valid).toBe(true);
    expect(marks.map((m) => m.ruleId)).toEqual(expect.arrayContaining(['COST-04', 'COMP-01', 'COMP-04']));
    expect(toWire(d).explanation?.sections.map((s) => s.title)).toEqual([
      '项目概述',
      '立项依据',
      '实施主体',
      '实施方案',
      '实施周期',
      '年度预算安排',
      '绩效目标',
    ]);
  });
});
