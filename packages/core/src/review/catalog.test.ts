import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderCatalogPage } from './catalog-page.ts';
import { RULES } from './registry.ts';
import { type CaseInput, runRule } from './testing.ts';

const RULES_DIR = join(import.meta.dirname, 'rules');
const DOCS_DIR = join(import.meta.dirname, '../../../../docs/rules');

/** Rule files: everything in rules/ but tests, catalog lists and shared helpers (`_x.ts`). */
const ruleFiles = readdirSync(RULES_DIR).filter(
  (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.startsWith('catalog-') && !f.startsWith('_'),
);

/** Examples in a doc page: ```json valid / ```json invalid blocks, each a CaseInput. */
function examples(md: string): { kind: 'valid' | 'invalid'; input: CaseInput; text: string }[] {
  const out: { kind: 'valid' | 'invalid'; input: CaseInput; text: string }[] = [];
  for (const m of md.matchAll(/```json (valid|invalid)\n([\s\S]*?)```/g)) {
    out.push({
      kind: m[1] as 'valid' | 'invalid',
      input: JSON.parse(m[2] ?? '{}') as CaseInput,
      text: m[2] ?? '',
    });
  }
  return out;
}

describe('the rule catalogue', () => {
  it('has unique ids and slugs', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    expect(new Set(RULES.map((r) => r.slug)).size).toBe(RULES.length);
  });

  it('registers every rule file', async () => {
    const registered = new Set(RULES.map((r) => `${r.slug}.ts`));
    expect(ruleFiles.filter((f) => !registered.has(f))).toEqual([]);
    for (const file of ruleFiles) {
      const mod = (await import(join(RULES_DIR, file))) as { default: unknown };
      expect(RULES, `${file} default export is registered`).toContain(mod.default);
    }
  });

  it('keeps docs/rules/README.md generated from the registry (npm run docs)', () => {
    expect(readFileSync(join(DOCS_DIR, 'README.md'), 'utf8')).toBe(renderCatalogPage());
  });

  describe.each(RULES.map((r) => [r.id, r] as const))('%s', (id, rule) => {
    it('has its test file beside it', () => {
      expect(existsSync(join(RULES_DIR, `${rule.slug}.test.ts`))).toBe(true);
    });

    it('has a doc page with valid and invalid examples that behave as shown', () => {
      const path = join(DOCS_DIR, `${rule.slug}.md`);
      expect(existsSync(path), path).toBe(true);
      const md = readFileSync(path, 'utf8');
      expect(md.split('\n')[0]).toContain(id);
      const ex = examples(md);
      expect(ex.some((e) => e.kind === 'valid')).toBe(true);
      expect(ex.some((e) => e.kind === 'invalid')).toBe(true);
      for (const e of ex) {
        const found = runRule(rule, e.input).filter((f) => f.ruleId === id);
        if (e.kind === 'valid') expect(found, `valid example should pass:\n${e.text}`).toEqual([]);
        else expect(found.length, `invalid example should fail:\n${e.text}`).toBeGreaterThan(0);
      }
    });

    it('has Chinese messages and a description', () => {
      expect(rule.description).toMatch(/\p{Script=Han}/u);
      for (const m of Object.values(rule.messages)) expect(m).toMatch(/\p{Script=Han}/u);
    });
  });
});
