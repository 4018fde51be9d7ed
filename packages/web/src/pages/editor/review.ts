/**
 * Live findings: the working copy is decoded with core's `Project` schema (as the server will) and,
 * when it decodes, reviewed with core's rules as a one-project disclosure. Each finding, schema
 * issue or server field error becomes a mark anchored where the editor shows it: a field
 * (`form.funds.other`), an indicator row (`row:<key>`) or a section (`section:<key>`).
 */
import { FORMAT, FUND_FIELD_LABELS, Project, reviewDisclosure, type Severity } from '@jixiao/core';
import { useEffect, useRef, useState } from 'react';
import type { Finding } from '../../api.ts';
import { type Draft, toWire } from './model.ts';

export interface Mark {
  severity: Severity;
  message: string;
  /** the rule (`COST-01`), or `格式` for a schema issue, `服务器` for a server field error */
  ruleId: string;
  /** the path relative to the project: `form.indicators[3]` */
  path: string;
  /** where the editor shows it (see module doc) */
  anchor: string;
  /** where it is, in words: `绩效指标 第 4 行「城市污水采样检测」` */
  where: string;
}

export const FUND_LABELS = FUND_FIELD_LABELS;

export const FIELD_LABELS: Record<string, string> = {
  form: '申报表',
  'form.title': '表头',
  'form.year': '年度',
  'form.name': '项目名称',
  'form.nature': '项目性质',
  'form.category': '项目类别',
  'form.competentDepartment': '主管部门',
  'form.implementingUnit': '实施单位',
  'form.startDate': '计划开始日期',
  'form.endDate': '计划完成日期',
  'form.funds': '项目资金',
  'form.overallGoal': '总体目标',
  'form.annualGoal': '年度目标',
  'form.indicators': '绩效指标表',
  explanation: '项目经费情况说明',
  'explanation.sections': '项目经费情况说明的章节',
  'explanation.budgetYuan': '说明中的年度预算金额',
  ...Object.fromEntries(Object.entries(FUND_LABELS).map(([k, v]) => [`form.funds.${k}`, v])),
};

/** `projects[0].form.x`, `project.form.x` (a 400 on a save) and `form.x` → `form.x`. */
export function relativePath(path: string): string {
  return path.replace(/^projects\[\d+\]\.?/, '').replace(/^project\.?/, '');
}

/** Where the editor shows a path, and the words for it. */
export function locate(path: string, draft: Draft): { anchor: string; where: string } {
  const row = /^form\.indicators\[(\d+)\]/.exec(path);
  if (row) {
    const i = Number(row[1]);
    const ind = draft.indicators[i];
    if (ind) {
      const name = ind.name.trim() ? `「${ind.name.trim()}」` : '';
      return { anchor: `row:${ind.key}`, where: `绩效指标 第 ${i + 1} 行${name}` };
    }
    return { anchor: 'form.indicators', where: FIELD_LABELS['form.indicators'] as string };
  }
  const sec = /^explanation\.sections\[(\d+)\]/.exec(path);
  if (sec) {
    const s = draft.explanation?.sections[Number(sec[1])];
    if (s) return { anchor: `section:${s.key}`, where: `说明 ${s.number}${s.title ? `、${s.title}` : ''}` };
    return { anchor: 'explanation.sections', where: FIELD_LABELS['explanation.sections'] as string };
  }
  // the longest known field the path is in
  for (let p = path; p !== ''; p = p.replace(/(\.[^.[\]]*|\[\d+\])$/, '')) {
    const label = FIELD_LABELS[p];
    if (label) return { anchor: p, where: label };
    if (!/(\.[^.[\]]*|\[\d+\])$/.test(p)) break;
  }
  return { anchor: 'form', where: '申报表' };
}

/** A schema issue in words a preparer understands, by the field it is on. */
function issueMessage(path: string, code: string, fallback: string): string {
  if (/funds\.|budgetYuan/.test(path))
    return '金额格式不正确：应为数字，最多两位小数（如 5850000.00），不填则留空';
  if (/\.value$/.test(path)) return '指标值应为数字（如 4.00 或 95）';
  if (/\.operator$/.test(path)) return '请选择比较符（≥ ≤ = > <）';
  if (/Date$/.test(path)) return '请选择日期';
  if (code === 'invalid_type') return '必填';
  return fallback;
}

const ORDER: Record<Severity, number> = { error: 0, warn: 1, info: 2 };
export const sortMarks = (marks: Mark[]) =>
  marks.slice().sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);

export interface LiveReview {
  marks: Mark[];
  /** false: the working copy does not pass the schema (it cannot be saved as is) */
  valid: boolean;
}

/** Decodes and reviews a working copy (synchronously: a few milliseconds for 100 indicators). */
export function review(draft: Draft, ctx: { year: number; department: string }): LiveReview {
  const parsed = Project.safeParse(toWire(draft));
  if (!parsed.success) {
    const marks = parsed.error.issues.map((issue): Mark => {
      const path = issue.path
        .map((seg, i) => (typeof seg === 'number' ? `[${seg}]` : `${i === 0 ? '' : '.'}${String(seg)}`))
        .join('');
      return {
        severity: 'error',
        message: issueMessage(path, issue.code, issue.message),
        ruleId: '格式',
        path,
        ...locate(path, draft),
      };
    });
    return { marks, valid: false };
  }
  const findings = reviewDisclosure({
    format: FORMAT,
    year: ctx.year,
    department: ctx.department || '（主管部门）',
    summary: null,
    projects: [parsed.data],
  });
  return { marks: sortMarks(findings.map((f) => findingMark(f, draft))), valid: true };
}

export function findingMark(
  f: Pick<Finding, 'ruleId' | 'severity' | 'message' | 'path'>,
  draft: Draft,
): Mark {
  const path = relativePath(f.path);
  return { severity: f.severity, message: f.message, ruleId: f.ruleId, path, ...locate(path, draft) };
}

/**
 * The live review of `draft`, run `delay` ms after the last change (at once the first time);
 * `enabled: false` keeps it off (read-only views show the server's findings instead).
 */
export function useLiveReview(
  draft: Draft,
  ctx: { year: number; department: string },
  enabled: boolean,
  delay = 200,
): LiveReview & { pending: boolean } {
  const [result, setResult] = useState<LiveReview & { of: Draft | null }>({
    marks: [],
    valid: true,
    of: null,
  });
  const first = useRef(true);
  const { year, department } = ctx;
  useEffect(() => {
    if (!enabled) return;
    const run = () => setResult({ ...review(draft, { year, department }), of: draft });
    if (first.current) {
      first.current = false;
      run();
      return;
    }
    const t = setTimeout(run, delay);
    return () => clearTimeout(t);
  }, [draft, year, department, enabled, delay]);
  return { marks: result.marks, valid: result.valid, pending: enabled && result.of !== draft };
}

/**
 * Marks by anchor. Arrays equal to the previous ones are reused, so a memoised row whose marks did
 * not change is not rendered again.
 */
export function groupMarks(marks: Mark[], previous: Map<string, Mark[]>): Map<string, Mark[]> {
  const by = new Map<string, Mark[]>();
  for (const m of marks) {
    const list = by.get(m.anchor);
    if (list) list.push(m);
    else by.set(m.anchor, [m]);
  }
  const sig = (list: Mark[]) => list.map((m) => `${m.severity}|${m.ruleId}|${m.message}`).join('\n');
  for (const [anchor, list] of by) {
    const old = previous.get(anchor);
    if (old && sig(old) === sig(list)) by.set(anchor, old);
  }
  return by;
}
