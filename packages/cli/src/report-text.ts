/**
 * The linter-style text report of `check`, in Chinese, grouped by project:
 *
 * ```
 * P01 平安维稳
 *   错误  FUND-02  projects[0].form.funds.annualTotal  年度资金申请总额 … 元 ≠ … 元。
 *
 * ✖ 1 个错误，0 个警告，0 个提示（10 个项目）
 * ```
 */
import { countBySeverity, type Disclosure, type Finding, type Severity, sortFindings } from '@jixiao/core';
import { type Style, style } from './style.ts';

/** The findings of one file. */
export interface FileReport {
  file: string;
  disclosure: Disclosure;
  findings: readonly Finding[];
}

export interface TextReportOptions {
  color: boolean;
  /** print a header line per file (`check DIR`) */
  showFiles: boolean;
}

const LABELS: Record<Severity, string> = { error: '错误', warn: '警告', info: '提示' };

/** Renders the report for one or more files, ending with the tally line. */
export function renderTextReport(reports: readonly FileReport[], options: TextReportOptions): string {
  const s = style(options.color);
  const rows = reports.map((r) => ({ report: r, groups: groupByProject(r.disclosure, r.findings) }));
  const all = reports.flatMap((r) => r.findings);
  const ruleWidth = Math.max(0, ...all.map((f) => f.ruleId.length));
  const pathWidth = Math.min(48, Math.max(0, ...all.map((f) => displayWidth(where(f)))));

  const out: string[] = [];
  for (const { report, groups } of rows) {
    if (groups.length === 0) continue;
    if (options.showFiles) out.push(s.underline(report.file), '');
    for (const group of groups) {
      out.push(s.bold(group.title));
      for (const f of group.findings) {
        const label = paint(s, f.severity, LABELS[f.severity]);
        const place = s.dim(padEnd(where(f), pathWidth));
        out.push(`  ${label}  ${f.ruleId.padEnd(ruleWidth)}  ${place}  ${f.message}`);
      }
      out.push('');
    }
  }
  out.push(tally(s, all, reports));
  return `${out.join('\n')}\n`;
}

/** `✖ 12 个错误，30 个警告，15 个提示（10 个项目）`, or `✔ 没有发现问题（10 个项目）`. */
function tally(s: Style, findings: readonly Finding[], reports: readonly FileReport[]): string {
  const projects = reports.reduce((n, r) => n + r.disclosure.projects.length, 0);
  const scope =
    reports.length === 1 ? `（${projects} 个项目）` : `（${reports.length} 个文件，${projects} 个项目）`;
  if (findings.length === 0) return `${s.green('✔ 没有发现问题')}${scope}`;
  const c = countBySeverity(findings);
  const line = `✖ ${c.error} 个错误，${c.warn} 个警告，${c.info} 个提示`;
  return `${c.error > 0 ? s.red(s.bold(line)) : s.yellow(s.bold(line))}${scope}`;
}

interface Group {
  title: string;
  findings: Finding[];
}

/** Groups findings by project in document order; disclosure-wide ones under 全文. */
function groupByProject(disclosure: Disclosure, findings: readonly Finding[]): Group[] {
  const groups = new Map<number, Group>();
  for (const f of sortFindings(findings)) {
    const index = projectIndex(f.path);
    let group = groups.get(index);
    if (!group) {
      group = { title: projectTitle(disclosure, index), findings: [] };
      groups.set(index, group);
    }
    group.findings.push(f);
  }
  return [...groups.values()];
}

function projectIndex(path: string): number {
  const m = /^projects\[(\d+)\]/.exec(path);
  return m ? Number(m[1]) : -1;
}

/** `P01 平安维稳`: the project's number in the document and its name. */
export function projectTitle(disclosure: Disclosure, index: number): string {
  if (index < 0) return '全文';
  const name = disclosure.projects[index]?.form.name ?? '';
  return `P${String(index + 1).padStart(2, '0')} ${name}`.trimEnd();
}

/** Where a finding points: its path, else the importer's line, else the whole document. */
function where(f: Finding): string {
  if (f.path) return f.path;
  const line = f.data.line;
  return typeof line === 'number' ? `第${line}行` : '（全文）';
}

function paint(s: Style, severity: Severity, text: string): string {
  if (severity === 'error') return s.red(text);
  if (severity === 'warn') return s.yellow(text);
  return s.cyan(text);
}

/** Terminal columns: CJK and full-width characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text)
    width += /[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1;
  return width;
}

function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}
