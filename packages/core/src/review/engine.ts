import type { Disclosure } from '../model/schema.ts';
import { renderMessage } from './define-rule.ts';
import { RULES } from './registry.ts';
import {
  DEFAULT_OPTIONS,
  type Finding,
  type FindingData,
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

  const guarded = (rule: Rule, path: string, run: () => void) => {
    try {
      run();
    } catch (e) {
      findings.push({
        ruleId: 'ENGINE',
        severity: 'error',
        message: `规则 ${rule.id} 无法检查此处：${e instanceof Error ? e.message : String(e)}`,
        path,
        data: { rule: rule.id },
      });
    }
  };

  const projectRules = rules.filter((r) => r.scope === 'project');
  disclosure.projects.forEach((project, index) => {
    const base = `projects[${index}]`;
    for (const rule of projectRules) {
      guarded(rule, base, () =>
        rule.check({
          disclosure,
          project,
          index,
          options,
          report: (messageId, data, path = '') =>
            emit(rule, messageId, data, path ? `${base}.${path}` : base),
        }),
      );
    }
  });
  for (const rule of rules) {
    if (rule.scope !== 'disclosure') continue;
    guarded(rule, '', () =>
      rule.check({
        disclosure,
        options,
        report: (messageId, data, path) => emit(rule, messageId, data, path),
      }),
    );
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
