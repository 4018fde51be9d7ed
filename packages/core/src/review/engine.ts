import type { Disclosure, Project } from '../model/schema.ts';
import { renderMessage } from './define-rule.ts';
import { RULES } from './registry.ts';
import {
  DEFAULT_OPTIONS,
  type Finding,
  type FindingData,
  type ProjectContext,
  type ProjectRule,
  type ReviewOptions,
  type ReviewProfile,
  type Rule,
  type Severity,
} from './types.ts';

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warn: 1, info: 2 };

/**
 * Reviews a disclosure with every rule of the catalogue (domain.md §3).
 * Findings come project by project in document order, then disclosure-wide ones; a rule never
 * throws on a strange document — if one does, that is reported as an `ENGINE` finding, not raised.
 *
 * @param profile optional severity overrides and thresholds (a department's or finance bureau's)
 */
export function reviewDisclosure(
  disclosure: Disclosure,
  profile?: ReviewProfile,
  rules: readonly Rule[] = RULES,
): Finding[] {
  const options: ReviewOptions = { ...DEFAULT_OPTIONS, ...profile?.options };
  const findings: Finding[] = [];
  const severityOf = (rule: Rule, messageId: string): Severity | 'off' =>
    profile?.severities?.[rule.id] ?? rule.messageSeverity?.[messageId] ?? rule.severity;

  const emit = (rule: Rule, messageId: string, data: FindingData, path: string) => {
    const severity = severityOf(rule, messageId);
    if (severity === 'off') return;
    const template = rule.messages[messageId];
    if (template === undefined) throw new Error(`rule ${rule.id} has no message '${messageId}'`);
    findings.push({ ruleId: rule.id, severity, message: renderMessage(template, data), path, data });
  };

  const engineFailure = (rule: Rule, path: string, e: unknown) => {
    findings.push({
      ruleId: 'ENGINE',
      severity: 'error',
      message: `规则 ${rule.id} 无法检查此处：${e instanceof Error ? e.message : String(e)}`,
      path,
      data: { rule: rule.id },
    });
  };

  // One context per project, reused by every rule (the review runs on thousands of projects a second).
  const projectRules = rules.filter((r): r is ProjectRule => r.scope === 'project');
  let rule: Rule = projectRules[0] as Rule;
  let base = '';
  const ctx: ProjectContext = {
    disclosure,
    project: disclosure.projects[0] as Project,
    index: 0,
    options,
    report: (messageId, data, path = '') => emit(rule, messageId, data, path ? `${base}.${path}` : base),
  };
  for (let index = 0; index < disclosure.projects.length; index++) {
    ctx.project = disclosure.projects[index] as Project;
    ctx.index = index;
    base = `projects[${index}]`;
    for (const r of projectRules) {
      rule = r;
      try {
        r.check(ctx);
      } catch (e) {
        engineFailure(r, base, e);
      }
    }
  }
  for (const r of rules) {
    if (r.scope !== 'disclosure') continue;
    try {
      r.check({ disclosure, options, report: (messageId, data, path) => emit(r, messageId, data, path) });
    } catch (e) {
      engineFailure(r, '', e);
    }
  }
  return findings;
}

/** Counts findings by severity. */
export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warn: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** Sorts findings: by project, then severity, keeping rule order otherwise. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const projectOf = (f: Finding) => {
    const m = /^projects\[(\d+)\]/.exec(f.path);
    return m ? Number(m[1]) : -1;
  };
  return [...findings].sort(
    (a, b) => projectOf(a) - projectOf(b) || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );
}
