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

/** A template split once into literal text and placeholder names: `['a ', 'x', ' b']` (odd = keys). */
const compiled = new Map<string, string[]>();

export function compileTemplate(template: string): string[] {
  let parts = compiled.get(template);
  if (parts === undefined) {
    parts = template.split(/\{(\w+)\}/);
    compiled.set(template, parts);
  }
  return parts;
}

/**
 * Fills `{key}` placeholders of a message template from a finding's data; unknown keys stay as written.
 * The pieces are joined once: `join` writes one flat string where `+=` would leave a chain of
 * partial strings, and a finding's message lives as long as the findings do (fewer objects for
 * the garbage collector to copy).
 */
export function renderMessage(template: string, data: Record<string, unknown>): string {
  return renderParts(compileTemplate(template), data);
}

/** `renderMessage` for a template already split by `compileTemplate`. */
export function renderParts(parts: readonly string[], data: Record<string, unknown>): string {
  if (parts.length === 1) return parts[0] ?? '';
  const pieces = parts.slice(); // literal text stays, each key (odd index) becomes its value
  for (let i = 1; i < pieces.length; i += 2) {
    const key = pieces[i] ?? '';
    const v = data[key];
    pieces[i] =
      v === undefined || v === null
        ? `{${key}}`
        : typeof v === 'string'
          ? v
          : Array.isArray(v)
            ? v.join('、')
            : String(v);
  }
  return pieces.join('');
}

export type { Rule };
