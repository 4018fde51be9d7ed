import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIXTURE_JSON, fixture } from '../../../../testdata/fixture.ts';
import { jsonReader, TEXT_CODES, textReader } from './read.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const FIXTURE_TEXT = JSON.stringify(FIXTURE_JSON, null, 2);

describe('jsonReader', () => {
  it('reads the canonical JSON into the model', async () => {
    const r = await jsonReader.read(utf8(FIXTURE_TEXT));
    expect(r.diagnostics).toEqual([]);
    expect(r.disclosure).toEqual(fixture);
  });

  it('tolerates a byte-order mark', async () => {
    const r = await jsonReader.read(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(FIXTURE_TEXT)]));
    expect(r.disclosure).toEqual(fixture);
  });

  it('names line and column of a syntax error', async () => {
    const r = await jsonReader.read(utf8('{\n  "format": "jixiao.disclosure/1"\n  "year": 2024\n}'));
    expect(r.disclosure).toBeNull();
    expect(r.diagnostics).toEqual([
      {
        code: TEXT_CODES.JSON_SYNTAX,
        severity: 'error',
        message: '第3行第3列：JSON 语法错误：属性值后面应为逗号或 }',
        line: 3,
      },
    ]);
  });

  it('says when the JSON is some other document', async () => {
    const r = await jsonReader.read(utf8('{"name": "x"}'));
    expect(r.diagnostics.map((d) => d.code)).toEqual([TEXT_CODES.JSON_NOT_DISCLOSURE]);
  });

  it('gives one diagnostic per schema issue with its field path and line', async () => {
    const json = structuredClone(FIXTURE_JSON) as {
      projects: { form: { funds: Record<string, unknown>; name?: string } }[];
    };
    json.projects[0]!.form.funds.annualTotal = 5850000;
    delete json.projects[1]!.form.name;
    const text = JSON.stringify(json, null, 2);
    const r = await jsonReader.read(utf8(text));
    expect(r.disclosure).toBeNull();
    const byField = new Map(r.diagnostics.map((d) => [d.field, d]));
    expect([...byField.keys()].sort()).toEqual([
      'projects[0].form.funds.annualTotal',
      'projects[1].form.name',
    ]);
    const money = byField.get('projects[0].form.funds.annualTotal')!;
    expect(money.code).toBe(TEXT_CODES.JSON_SCHEMA);
    expect(text.split('\n')[money.line! - 1]).toContain('"annualTotal": 5850000');
    expect(money.message).toMatch(
      /^projects\[0\]\.form\.funds\.annualTotal（第\d+行）：应为两位小数的元金额/,
    );
    expect(byField.get('projects[1].form.name')!.message).toContain('缺少必填字段');
  });

  it('names binary and non-UTF-8 input with its line', async () => {
    const binary = await jsonReader.read(Uint8Array.from([...utf8('{\n'), 0, 1]));
    expect(binary.diagnostics).toMatchObject([{ code: TEXT_CODES.BINARY, line: 2 }]);
    const gbk = await jsonReader.read(Uint8Array.from([...utf8('\n\n'), 0xd6, 0xd0]));
    expect(gbk.diagnostics).toMatchObject([{ code: TEXT_CODES.NOT_UTF8, line: 3 }]);
  });
});

describe('textReader', () => {
  it('reads the disclosure text into the fixture', async () => {
    const bytes = readFileSync(new URL('../../../../testdata/songjiang-zfw-2024.txt', import.meta.url));
    const r = await textReader.read(bytes, { source: 'songjiang-zfw-2024.txt' });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.disclosure).toEqual(fixture);
  });

  it('refuses GBK text, naming the line', async () => {
    const r = await textReader.read(Uint8Array.from([...utf8('一\n二\n'), 0xd6, 0xd0, 0xce, 0xc4]));
    expect(r.disclosure).toBeNull();
    expect(r.diagnostics).toMatchObject([{ code: TEXT_CODES.NOT_UTF8, severity: 'error', line: 3 }]);
  });

  it('passes the importer’s own diagnostics through', async () => {
    const r = await textReader.read(utf8(''));
    expect(r.disclosure).toBeNull();
    expect(r.diagnostics.map((d) => d.code)).toContain('IMPORT_NO_FORMS');
  });
});
