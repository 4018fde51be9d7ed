import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Disclosure, encodeDisclosure } from '../../model/schema.ts';
import { importDisclosureText } from './importer.ts';

const DATA = join(import.meta.dirname, '../../../../../testdata');
const FIXTURE_TXT = readFileSync(join(DATA, 'songjiang-zfw-2024.txt'), 'utf8');
const FIXTURE_JSON = JSON.parse(readFileSync(join(DATA, 'songjiang-zfw-2024.json'), 'utf8')) as unknown;

/** Strings compared without whitespace; numbers, dates and money exactly (spec README). */
function noWs(v: unknown): unknown {
  if (typeof v === 'string') return v.replace(/\s+/g, '');
  if (Array.isArray(v)) return v.map(noWs);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, noWs(x)]));
  return v;
}

function importJson(text: string) {
  const r = importDisclosureText(text);
  return { json: r.disclosure ? encodeDisclosure(r.disclosure) : null, diagnostics: r.diagnostics };
}

/** The fixture with one edit applied to its text. */
function edited(from: string, to: string): string {
  expect(FIXTURE_TXT).toContain(from);
  return FIXTURE_TXT.replace(from, to);
}

describe('importDisclosureText on the Songjiang fixture', () => {
  it('reproduces the hand-checked transcription', () => {
    const { json, diagnostics } = importJson(FIXTURE_TXT);
    expect(noWs(json)).toEqual(noWs(FIXTURE_JSON));
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('reports the repeated 满意度 header blocks of P07–P09 as FMT-08 with their lines', () => {
    const fmt08 = importJson(FIXTURE_TXT).diagnostics.filter((d) => d.ruleId === 'FMT-08');
    expect(fmt08.map((d) => d.field)).toEqual([
      'projects[6].form.indicators',
      'projects[7].form.indicators',
      'projects[8].form.indicators',
    ]);
    for (const d of fmt08) {
      expect(d.line).toBeGreaterThan(0);
      expect(FIXTURE_TXT.split('\n')[(d.line ?? 0) - 1]).toMatch(/满意/);
      expect(d.message).toContain(`第${d.line}行`);
    }
  });
});

describe('importDisclosureText on bad input', () => {
  it('names the line and field of a money cell it cannot read', () => {
    const text = edited('项目资金总额 5,850,000.00 ', '项目资金总额 5,85O,000.00 ');
    const { diagnostics } = importJson(text);
    const line = text.split('\n').findIndex((l) => l.includes('5,85O,000.00')) + 1;
    expect(diagnostics).toContainEqual(
      expect.objectContaining({
        code: 'IMPORT_AMOUNT_INVALID',
        severity: 'error',
        line,
        field: 'projects[0].form.funds.total',
        message: `第${line}行「项目资金总额」金额格式不正确：5,85O,000.00`,
      }),
    );
  });

  it('names an unreadable date', () => {
    const { json, diagnostics } = importJson(
      edited('2024-01-01 计划完成日期 2024-12-31', '2024-13-01 计划完成日期 2024-12-31'),
    );
    expect(diagnostics).toContainEqual(
      expect.objectContaining({
        code: 'IMPORT_DATE_INVALID',
        severity: 'error',
        field: 'projects[0].form.startDate',
      }),
    );
    expect(Disclosure.safeParse(json).success).toBe(true);
  });

  it.each([
    ['an empty file', ''],
    ['blank lines only', '\n\n \r\n\f\n'],
    ['a text that is not a disclosure', '部门主要职能\n一、负责全区政法工作。\n'],
    ['binary noise', '\u0000\u0001\uFFFD\u0007PK\u0003\u0004'.repeat(50)],
  ])('returns no disclosure and a Chinese error for %s', (_name, text) => {
    const r = importDisclosureText(text);
    expect(r.disclosure).toBeNull();
    expect(r.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'IMPORT_NO_FORMS', severity: 'error' }),
    );
    expect(r.diagnostics[0]?.message).toMatch(/申报表/);
  });

  it('says when the summary sentence cannot be read', () => {
    const { json, diagnostics } = importJson(edited('本部门1个预', '本部门若干个预'));
    expect((json as { summary: unknown }).summary).toBeNull();
    expect(diagnostics).toContainEqual(
      expect.objectContaining({ code: 'IMPORT_SUMMARY_UNREADABLE', line: 2 }),
    );
  });
});
