import { statSync } from 'node:fs';
import {
  type Diagnostic,
  type Disclosure,
  type Finding,
  getProfile,
  PROFILES,
  type ReviewProfile,
  reviewDisclosure,
  sortFindings,
} from '@jixiao/core';
import { CliError, EXIT, errors, NOT_A_DISCLOSURE, reportError } from '../errors.ts';
import { type Io, useColor } from '../io.ts';
import { type Input, readInput, withLine } from '../read-input.ts';
import { type FileReport, renderTextReport } from '../report-text.ts';
import { findInputFiles } from '../walk.ts';

export interface CheckArgs {
  /** a file, or a directory walked for the files `readInput` takes (`.txt`, `.json`, `.pdf`, `.xlsx`) */
  target: string;
  format: 'text' | 'json';
  profile: string;
}

/**
 * `jixiao check FILE|DIR`: reviews each disclosure and prints the findings. Returns 1 when any
 * finding is at error level, 2 when an input could not be read (the others are still checked), else 0.
 */
export async function runCheck(args: CheckArgs, io: Io): Promise<number> {
  const profile = getProfile(args.profile);
  if (!profile) throw errors.profileUnknown(args.profile, Object.keys(PROFILES));
  const isDir = isDirectory(args.target);
  if (!isDir) {
    const { report, notes } = checkInput(await readInput(args.target), profile);
    for (const note of notes) io.stderr(note);
    print([report], false, args.format, io);
    return exitFor(report.findings);
  }

  const files = findInputFiles(args.target);
  const reports: FileReport[] = [];
  const skipped: string[] = [];
  let unreadable = 0;
  const progress = io.stderrIsTTY ? (text: string) => io.stderr(`\r\x1b[K${text}`) : () => {};
  for (const [i, file] of files.entries()) {
    progress(`检查中 ${i + 1}/${files.length} ${file}`);
    try {
      const { report, notes } = checkInput(await readInput(file), profile);
      if (notes.length > 0) progress('');
      for (const note of notes) io.stderr(note);
      reports.push(report);
    } catch (e) {
      if (!(e instanceof CliError)) throw e;
      if (NOT_A_DISCLOSURE.has(e.code)) {
        skipped.push(file);
        continue;
      }
      progress('');
      reportError(e, io);
      unreadable++;
    }
  }
  progress('');
  if (skipped.length > 0) {
    io.stderr(`跳过 ${skipped.length} 个不是公开文件的文件：${skipped.join('、')}\n`);
  }
  if (reports.length === 0 && unreadable === 0) throw errors.noInputFiles(args.target);
  print(reports, true, args.format, io);
  if (unreadable > 0) {
    io.stderr(`jixiao: ${unreadable} 个文件无法读取，见上文。\n`);
    return EXIT.CANNOT_RUN;
  }
  return exitFor(reports.flatMap((r) => r.findings));
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false; // readInput names what is wrong with it
  }
}

/**
 * Reviews one input. For a `.txt`, importer diagnostics that are review findings (FMT-08) join the
 * findings; the importer's other warnings come back as notes for stderr.
 */
function checkInput(input: Input, profile: ReviewProfile): { report: FileReport; notes: string[] } {
  const findings = reviewDisclosure(input.disclosure, profile);
  const notes: string[] = [];
  for (const d of input.diagnostics) {
    if (d.ruleId) {
      const finding = diagnosticFinding(d, d.ruleId, profile, input.disclosure);
      if (finding) findings.push(finding);
    } else {
      notes.push(`导入${d.severity === 'info' ? '提示' : '警告'} ${d.code}: ${input.file}：${withLine(d)}\n`);
    }
  }
  return {
    report: { file: input.file, disclosure: input.disclosure, findings: sortFindings(findings) },
    notes,
  };
}

function diagnosticFinding(
  d: Diagnostic,
  ruleId: string,
  profile: ReviewProfile,
  disclosure: Disclosure,
): Finding | null {
  const severity = profile.severities?.[ruleId] ?? (d.severity === 'warning' ? 'warn' : d.severity);
  if (severity === 'off') return null;
  // `field` is a model path or a printed label; only a path that exists in the model is kept as path.
  const isPath = d.field !== undefined && /^(projects\[(\d+)\]|summary\b)/.test(d.field);
  const index = d.field ? /^projects\[(\d+)\]/.exec(d.field)?.[1] : undefined;
  const pathOk = isPath && (index === undefined || Number(index) < disclosure.projects.length);
  return {
    ruleId,
    severity,
    message: d.message,
    path: pathOk ? (d.field ?? '') : '',
    data: { code: d.code, line: d.line ?? null, field: d.field ?? null },
  };
}

function print(reports: readonly FileReport[], isDir: boolean, format: 'text' | 'json', io: Io): void {
  if (format === 'json') {
    const findings = isDir
      ? reports.flatMap((r) => r.findings.map((f) => ({ file: r.file, ...f })))
      : (reports[0]?.findings ?? []);
    io.stdout(`${JSON.stringify({ findings }, null, 2)}\n`);
    return;
  }
  io.stdout(renderTextReport(reports, { color: useColor(io.stdoutIsTTY, io.env), showFiles: isDir }));
}

function exitFor(findings: readonly Finding[]): number {
  return findings.some((f) => f.severity === 'error') ? EXIT.FINDINGS : EXIT.OK;
}
