import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Disclosure, encodeDisclosure } from '../../model/schema.ts';
import { importDisclosureText } from './importer.ts';

const FIXTURE_TXT = readFileSync(
  join(import.meta.dirname, '../../../../../testdata/songjiang-zfw-2024.txt'),
  'utf8',
);
const LINES = FIXTURE_TXT.split('\n');

/** Pieces real documents are made of, to make mutations that look like near-misses, not only noise. */
const PIECES = [
  '项目名称',
  '其他资金',
  '≥',
  '(次)',
  '万元',
  '项目经费情况说明',
  '财政项目支出绩效目标申报表',
  '指标',
  '绩',
  '一、',
  '\f',
  '\r',
  '（2024 年度）',
  '5,850,000.00',
  '   ',
];

type Mutation =
  | { op: 'delete'; at: number; count: number }
  | { op: 'duplicate'; at: number; count: number }
  | { op: 'swap'; a: number; b: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'replaceChar'; at: number; col: number; ch: string }
  | { op: 'truncate'; at: number };

const index = fc.nat({ max: LINES.length - 1 });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: index, count: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant('duplicate' as const), at: index, count: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant('swap' as const), a: index, b: index }),
  fc.record({
    op: fc.constant('insert' as const),
    at: index,
    text: fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom(...PIECES),
      fc.string({ unit: 'binary', maxLength: 20 }),
    ),
  }),
  fc.record({
    op: fc.constant('replaceChar' as const),
    at: index,
    col: fc.nat({ max: 40 }),
    ch: fc.oneof(
      fc.string({ minLength: 1, maxLength: 1 }),
      fc.constantFrom('O', '，', '.', ' ', '\t', '≤', '表'),
    ),
  }),
  fc.record({ op: fc.constant('truncate' as const), at: index }),
);

function apply(lines: string[], m: Mutation): string[] {
  const out = [...lines];
  switch (m.op) {
    case 'delete':
      out.splice(m.at, m.count);
      break;
    case 'duplicate':
      out.splice(m.at, 0, ...out.slice(m.at, m.at + m.count));
      break;
    case 'swap': {
      const a = out[m.a] ?? '';
      out[m.a] = out[m.b] ?? '';
      out[m.b] = a;
      break;
    }
    case 'insert':
      out.splice(m.at, 0, m.text);
      break;
    case 'replaceChar': {
      const l = out[m.at] ?? '';
      out[m.at] = l.slice(0, m.col) + m.ch + l.slice(m.col + 1);
      break;
    }
    case 'truncate':
      out.length = m.at;
      break;
  }
  return out;
}

describe('importDisclosureText on mutated documents (property)', () => {
  it('never throws, always explains itself, and returns only schema-valid disclosures (10,000 mutations)', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        const text = mutations.reduce(apply, LINES).join('\n');
        const r = importDisclosureText(text);
        for (const d of r.diagnostics) {
          expect(d.code).toMatch(/^IMPORT_[A-Z_]+$/);
          expect(d.message).toMatch(/\p{Script=Han}/u);
          if (d.line !== undefined) expect(d.line).toBeGreaterThan(0);
        }
        if (r.disclosure === null) {
          expect(r.diagnostics.some((d) => d.severity === 'error')).toBe(true);
        } else {
          const check = Disclosure.safeParse(encodeDisclosure(r.disclosure));
          expect(check.success, JSON.stringify(check.error?.issues.slice(0, 3))).toBe(true);
        }
      }),
      { numRuns: 10_000, seed: 20241125 },
    );
  }, 300_000);
});
