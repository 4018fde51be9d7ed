import type { Disclosure, Project } from '../model/schema.ts';
import { compileTemplate, renderMessage, renderParts } from './define-rule.ts';
import { enterProject } from './project-view.ts';
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
import { projectPrefix } from './util.ts';

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warn: 1, info: 2 };

/** How one of a rule's messages is emitted in a review. */
interface Outlet {
  ruleId: string;
  severity: Severity | 'off';
  /** the template split by `compileTemplate` */
  parts: readonly string[];
}

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

  /**
   * Each rule's messages resolved once for this review — severity with the profile applied, and the
   * template split — so a finding costs one map lookup (rules are objects of many shapes: reading
   * their fields per finding is slow). A message id not declared goes through `emit` as above.
   */
  const outletsOf = (rule: Rule): Map<string, Outlet> => {
    const outlets = new Map<string, Outlet>();
    for (const id of Object.keys(rule.messages)) {
      const template = rule.messages[id];
      if (template === undefined) continue;
      outlets.set(id, { ruleId: rule.id, severity: severityOf(rule, id), parts: compileTemplate(template) });
    }
    return outlets;
  };
  const emitTo = (
    outlets: Map<string, Outlet>,
    rule: Rule,
    messageId: string,
    data: FindingData,
    path: string,
  ) => {
    const o = outlets.get(messageId);
    if (o === undefined) return emit(rule, messageId, data, path);
    if (o.severity === 'off') return;
    findings.push({
      ruleId: o.ruleId,
      severity: o.severity,
      message: renderParts(o.parts, data),
      path,
      data,
    });
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
  const projectOutlets = projectRules.map(outletsOf);
  let rule: Rule = projectRules[0] as Rule;
  let outlets = projectOutlets[0] as Map<string, Outlet>;
  let base = '';
  let prefix = ''; // `projects[3].`, shared: one concatenation per finding path
  const ctx: ProjectContext = {
    disclosure,
    project: disclosure.projects[0] as Project,
    index: 0,
    options,
    report: (messageId, data, path = '') =>
      emitTo(outlets, rule, messageId, data, path ? prefix + path : base),
  };
  try {
    for (let index = 0; index < disclosure.projects.length; index++) {
      ctx.project = disclosure.projects[index] as Project;
      ctx.index = index;
      base = `projects[${index}]`;
      prefix = projectPrefix(index);
      enterProject(ctx.project); // facts several rules share are computed once for this project
      for (let k = 0; k < projectRules.length; k++) {
        const r = projectRules[k] as ProjectRule;
        rule = r;
        outlets = projectOutlets[k] as Map<string, Outlet>;
        try {
          r.check(ctx);
        } catch (e) {
          engineFailure(r, base, e);
        }
      }
    }
  } finally {
    enterProject(null);
  }
  for (const r of rules) {
    if (r.scope !== 'disclosure') continue;
    const own = outletsOf(r);
    try {
      r.check({
        disclosure,
        options,
        report: (messageId, data, path) => emitTo(own, r, messageId, data, path),
      });
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
