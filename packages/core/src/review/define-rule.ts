import type { DisclosureRule, ProjectRule, Rule } from './types.ts';

type WithoutScope<R> = Omit<R, 'scope'> & { scope?: R extends ProjectRule ? 'project' : 'disclosure' };

/** Declares a rule that looks at one project at a time (the usual case). */
export function defineRule(rule: WithoutScope<ProjectRule>): ProjectRule {
  return { ...rule, scope: 'project' };
}

/** Declares a rule that needs the whole disclosure (summary, cross-project comparisons). */
export function defineDisclosureRule(rule: Omit<DisclosureRule, 'scope'>): DisclosureRule {
  return { ...rule, scope: 'disclosure' };
}

/** Fills `{key}` placeholders of a message template from a finding's data. */
export function renderMessage(template: string, data: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const v = data[key];
    if (v === undefined || v === null) return whole;
    return Array.isArray(v) ? v.join('、') : String(v);
  });
}

export type { Rule };
