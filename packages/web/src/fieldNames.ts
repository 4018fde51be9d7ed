/**
 * Field paths of a project (`form.indicators[3].value`, `explanation.sections[1]`, `form.funds.other`)
 * as the paper form names them (`指标「用户满意率」· 指标值`), for findings, comments and diffs; and
 * the fields a comment can be anchored to.
 */
import {
  FORM_FIELD_LABELS as FORM_LABELS,
  FUND_FIELD_LABELS as FUND_LABELS,
  INDICATOR_FIELD_LABELS as INDICATOR_LABELS,
  SECTION_FIELD_LABELS as SECTION_LABELS,
} from '@jixiao/core';
import type { ProjectJson } from './api.ts';

export type RowLike = { name?: unknown; title?: unknown; number?: unknown } | null | undefined;

/** How a path's row is named: the indicator's or section's name in `project` (or `fallback`). */
function rowName(
  kind: 'indicators' | 'sections',
  index: number,
  project?: ProjectJson | null,
  fallback?: RowLike,
) {
  const row: RowLike =
    kind === 'indicators'
      ? (project?.form.indicators[index] as RowLike)
      : (project?.explanation?.sections[index] as RowLike);
  const r = row ?? fallback;
  if (kind === 'indicators') {
    const name = typeof r?.name === 'string' && r.name !== '' ? r.name : null;
    return name ? `指标「${name}」` : `第 ${index + 1} 项指标`;
  }
  const title = typeof r?.title === 'string' && r.title !== '' ? r.title : null;
  const number = typeof r?.number === 'string' ? r.number : '';
  return title ? `说明「${number ? `${number}、` : ''}${title}」` : `说明第 ${index + 1} 部分`;
}

/**
 * A path in Chinese. `project` names the rows (indicator and section indexes refer to it);
 * `fallback` names a row that is not in it (a removed row in a diff).
 */
export function fieldLabel(path: string, project?: ProjectJson | null, fallback?: RowLike): string {
  if (path === '') return '项目整体';
  let m = /^form\.indicators\[(\d+)\](?:\.(\w+))?$/.exec(path);
  if (m) {
    const row = rowName('indicators', Number(m[1]), project, fallback);
    return m[2] ? `${row} · ${INDICATOR_LABELS[m[2]] ?? m[2]}` : row;
  }
  m = /^explanation\.sections\[(\d+)\](?:\.(\w+))?$/.exec(path);
  if (m) {
    const row = rowName('sections', Number(m[1]), project, fallback);
    return m[2] ? `${row} · ${SECTION_LABELS[m[2]] ?? m[2]}` : row;
  }
  m = /^form\.funds\.(\w+)$/.exec(path);
  if (m) return `项目资金 · ${(FUND_LABELS as Record<string, string>)[m[1] ?? ''] ?? m[1]}`;
  m = /^form\.(\w+)$/.exec(path);
  if (m) return FORM_LABELS[m[1] ?? ''] ?? path;
  if (path === 'form') return '申报表';
  if (path === 'explanation') return '项目经费情况说明';
  if (path === 'explanation.sections') return '项目经费情况说明';
  if (path === 'explanation.budgetYuan') return '项目经费情况说明 · 年度预算（元）';
  return path;
}

export interface FieldOption {
  value: string;
  label: string;
}

export interface FieldGroup {
  label: string;
  options: FieldOption[];
}

/** The fields a comment can be about, grouped as on the form. */
export function fieldOptions(project: ProjectJson): FieldGroup[] {
  const opt = (value: string): FieldOption => ({ value, label: fieldLabel(value, project) });
  const indicators = project.form.indicators.map((ind, i) => ({
    value: `form.indicators[${i}]`,
    label: `${fieldLabel(`form.indicators[${i}]`, project)}（${ind.level2 || ind.level1}）`,
  }));
  const groups: FieldGroup[] = [
    { label: '整体', options: [opt('')] },
    {
      label: '基本信息',
      options: [
        'form.name',
        'form.nature',
        'form.category',
        'form.competentDepartment',
        'form.implementingUnit',
        'form.startDate',
        'form.endDate',
      ].map(opt),
    },
    {
      label: '项目资金',
      options: [opt('form.funds'), ...Object.keys(FUND_LABELS).map((k) => opt(`form.funds.${k}`))],
    },
    { label: '目标', options: [opt('form.overallGoal'), opt('form.annualGoal')] },
    { label: '绩效指标', options: [opt('form.indicators'), ...indicators] },
  ];
  const sections = project.explanation?.sections ?? [];
  if (sections.length > 0) {
    groups.push({
      label: '项目经费情况说明',
      options: sections.map((_, i) => opt(`explanation.sections[${i}]`)),
    });
  }
  return groups;
}

/** A changed value as text: an indicator or section row in one line, money as yuan, blank as —. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('level1' in v && 'name' in v) {
      const shown =
        v.kind === 'qualitative'
          ? String(v.text ?? '')
          : `${v.operator ?? ''}${v.value ?? ''}${v.unit ? `(${v.unit})` : ''}`;
      return `${v.level1} / ${v.level2} / ${v.name}：${shown}`;
    }
    if ('title' in v && 'text' in v) return `${v.number ?? ''}、${v.title}：${v.text}`;
    if ('sections' in v && Array.isArray(v.sections)) {
      return (v.sections as Record<string, unknown>[]).map((s) => `${s.number}、${s.title}`).join('；');
    }
  }
  return JSON.stringify(value);
}
