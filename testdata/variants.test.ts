/**
 * The text importer over the whole variant corpus (`variants/README.md`): for the fixture and for
 * every variant, `importDisclosureText` must give the expected JSON — text compared without
 * whitespace, numbers, dates and money exactly — and report no error. The corpus on disk must be
 * what `variants/generate.ts` produces.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type Diagnostic,
  type DisclosureJson,
  decodeDisclosure,
  encodeDisclosure,
  importDisclosureText,
} from '../packages/core/src/index.ts';
import { generateVariants, readFixture, variantFiles } from './variants/generate.ts';
import { schemaErrors } from './variants/schema-check.ts';

const VARIANTS = new URL('./variants/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, VARIANTS), 'utf8');

interface Case {
  name: string;
  txt: string;
  expected: DisclosureJson;
}

const fixture = readFixture();
const variantNames = readdirSync(VARIANTS)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.slice(0, -'.txt'.length))
  .sort();
const cases: Case[] = [
  { name: 'fixture', txt: fixture.text, expected: fixture.json },
  ...variantNames.map((name) => ({
    name,
    txt: read(`${name}.txt`),
    expected: JSON.parse(read(`${name}.json`)) as DisclosureJson,
  })),
];

/** The same value with all whitespace removed from every string (keys and non-strings untouched). */
function withoutWhitespace<T>(value: T): T {
  if (typeof value === 'string') return value.replace(/\s+/g, '') as T;
  if (Array.isArray(value)) return value.map(withoutWhitespace) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutWhitespace(v)])) as T;
  }
  return value;
}

const describeDiagnostics = (ds: readonly Diagnostic[]) =>
  ds.map((d) => `${d.severity} ${d.code}${d.line ? ` 第${d.line}行` : ''}: ${d.message}`).join('\n');

describe.each(cases)('$name', ({ name, txt, expected }) => {
  it('has an expected JSON that is valid against the schema and the model', () => {
    expect(schemaErrors(expected)).toEqual([]);
    expect(() => decodeDisclosure(expected)).not.toThrow();
  });

  it('imports into the expected disclosure (text compared without whitespace)', () => {
    const { disclosure, diagnostics } = importDisclosureText(txt, { source: `${name}.txt` });
    if (!disclosure) throw new Error(`no disclosure read; diagnostics:\n${describeDiagnostics(diagnostics)}`);
    const { projects: actualProjects, ...actualTop } = withoutWhitespace(encodeDisclosure(disclosure));
    const { projects: expectedProjects, ...expectedTop } = withoutWhitespace(expected);
    expect(actualTop).toEqual(expectedTop);
    expect(actualProjects.map((p) => p.form.name)).toEqual(expectedProjects.map((p) => p.form.name));
    expectedProjects.forEach((p, k) => {
      expect.soft(actualProjects[k], `project ${k + 1}: ${p.form.name}`).toEqual(p);
    });
  });

  it('reports no error diagnostics', () => {
    const { diagnostics } = importDisclosureText(txt, { source: `${name}.txt` });
    const errors = diagnostics.filter((d) => d.severity === 'error');
    expect(errors, describeDiagnostics(errors)).toEqual([]);
  });
});

describe('the variant corpus', () => {
  it('is what generate.ts produces (after a change, run `npx tsx testdata/variants/generate.ts`)', () => {
    const files = variantFiles(generateVariants(fixture.text, fixture.json));
    const onDisk = readdirSync(VARIANTS).filter((f) => /\.(txt|json)$/.test(f));
    expect(onDisk.sort()).toEqual([...files.keys()].sort());
    const stale = [...files].filter(([file, content]) => read(file) !== content).map(([file]) => file);
    expect(stale).toEqual([]);
  });

  it('lists every variant in its README', () => {
    const readme = read('README.md');
    expect(variantNames.filter((name) => !readme.includes(`\`${name}\``))).toEqual([]);
  });
});
