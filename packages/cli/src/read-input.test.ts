import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeDisclosure } from '@jixiao/core';
import { writeDisclosure } from '@jixiao/formats';
import { afterAll, describe, expect, it } from 'vitest';
import { CliError } from './errors.ts';
import { INPUT_EXTENSIONS, readInput, withLine } from './read-input.ts';
import { FIXTURE_JSON, FIXTURE_TXT, fixtureJson, formatBuilt, jixiao, ROOT, tempDir } from './testing.ts';

const tmp = tempDir();
afterAll(() => tmp.remove());
const fixture = fixtureJson();
const model = decodeDisclosure(fixture.json);
const file = tmp.file;
const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a CliError');
    },
    (e: unknown) => {
      if (!(e instanceof CliError)) throw e;
      return e;
    },
  );

describe('readInput', () => {
  it('takes every format @jixiao/formats reads', () => {
    expect(INPUT_EXTENSIONS).toEqual(['.pdf', '.xlsx', '.json', '.txt']);
  });

  it('reads text and JSON into the same model', async () => {
    const [txt, json] = await Promise.all([
      readInput(join(ROOT, FIXTURE_TXT)),
      readInput(join(ROOT, FIXTURE_JSON)),
    ]);
    expect(txt.kind).toBe('txt');
    expect(json.kind).toBe('json');
    expect(txt.disclosure).toEqual(model);
    expect(json.disclosure).toEqual(model);
    expect(json.diagnostics).toEqual([]);
  });

  it('gathers all schema issues of a JSON file into one JSON_SCHEMA error', async () => {
    const json = structuredClone(fixture.json) as { year: unknown; department: unknown };
    json.year = '2024';
    json.department = '';
    const e = await failure(readInput(file('schema.json', JSON.stringify(json, null, 2))));
    expect(e.code).toBe('JSON_SCHEMA');
    expect(e.message).toMatch(
      /不符合 jixiao\.disclosure\/1 格式（2 处）：year（第3行）：应为数字，实际为字符串 "2024"/,
    );
    expect(e.details).toEqual([expect.stringMatching(/^department（第4行）：不能为空/)]);
  });

  it('names the line and column of a JSON syntax error', async () => {
    const e = await failure(readInput(file('syntax.json', '{\n  "a": 1,\n}')));
    expect(e.code).toBe('JSON_SYNTAX');
    expect(e.message).toMatch(/syntax\.json 第3行第1列：JSON 语法错误：最后一个属性后面多了逗号$/);
  });

  it('reports the importer’s first error with its line and the others as details', async () => {
    const text = readFileSync(join(ROOT, FIXTURE_TXT), 'utf8').replaceAll('5,850,000.00', '5,85O,000.00');
    const e = await failure(readInput(file('amount.txt', text)));
    expect(e.code).toMatch(/^IMPORT_/);
    expect(e.message).toMatch(/amount\.txt：第\d+行/);
    expect(e.details.length).toBeGreaterThan(0);
  });
});

describe('withLine', () => {
  it('puts the line in front unless the message names it', () => {
    expect(withLine({ code: 'X', severity: 'error', message: '坏了', line: 3 })).toBe('第3行：坏了');
    expect(withLine({ code: 'X', severity: 'error', message: '第3行坏了', line: 3 })).toBe('第3行坏了');
    expect(withLine({ code: 'X', severity: 'error', message: '工作表「指标」第2行坏了' })).toBe(
      '工作表「指标」第2行坏了',
    );
  });
});

describe.concurrent('check and summary read .pdf and .xlsx like the JSON', () => {
  it.for(['pdf', 'xlsx'] as const)('check and summary of .%s', async (format, ctx) => {
    ctx.skip(!formatBuilt(format), 'not built yet');
    const path = file(`fixture-check.${format}`, (await writeDisclosure(model, format)).bytes);
    const [check, checkJson, summary, summaryJson] = await Promise.all([
      jixiao(['check', path, '--format', 'json']),
      jixiao(['check', FIXTURE_JSON, '--format', 'json']),
      jixiao(['summary', path]),
      jixiao(['summary', FIXTURE_JSON]),
    ]);
    expect(check.stdout).toBe(checkJson.stdout);
    expect(check.status).toBe(checkJson.status);
    expect(summary.status).toBe(0);
    expect(summary.stdout).toBe(summaryJson.stdout);
  });
});
