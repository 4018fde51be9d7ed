import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeDisclosure } from '@jixiao/core';
import { writeDisclosure } from '@jixiao/formats';
import { afterAll, describe, expect, it } from 'vitest';
import {
  FIXTURE_JSON,
  FIXTURE_TXT,
  fixtureJson,
  formatBuilt,
  jixiao,
  STACK_FRAME,
  tempDir,
} from './testing.ts';

const tmp = tempDir();
afterAll(() => tmp.remove());
const file = tmp.file;
const fixture = fixtureJson();

describe.concurrent('jixiao import', () => {
  it('prints a canonical JSON file unchanged', async () => {
    const r = await jixiao(['import', FIXTURE_JSON]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(fixture.text);
  });

  it('normalises JSON: key order and layout come out canonical', async () => {
    const { projects, ...rest } = fixture.json;
    const reordered = JSON.stringify({ projects, ...Object.fromEntries(Object.entries(rest).reverse()) });
    const r = await jixiao(['import', file('reordered.json', reordered)]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(fixture.text);
  });

  it('reads the text fixture into its hand-checked transcription', async () => {
    const r = await jixiao(['import', FIXTURE_TXT]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(fixture.json);
  });

  it('writes -o OUT through a temporary file and prints nothing', async () => {
    mkdirSync(join(tmp.dir, 'out'));
    const out = join(tmp.dir, 'out', 'x.json');
    const r = await jixiao(['import', FIXTURE_JSON, '-o', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(fixture.text);
    expect(readdirSync(join(tmp.dir, 'out'))).toEqual(['x.json']);
  });

  it('exits 2 when -o cannot be written, leaving nothing behind', async () => {
    const out = join(tmp.dir, 'no-such-dir', 'x.json');
    const r = await jixiao(['import', FIXTURE_JSON, '-o', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('OUTPUT_WRITE_FAILED');
    expect(r.stderr).toContain(`无法写入 ${out}`);
  });

  it('exits 2 naming a missing file', async () => {
    const r = await jixiao(['import', 'testdata/no-such-file.txt']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('INPUT_NOT_FOUND');
    expect(r.stderr).toContain('找不到文件：testdata/no-such-file.txt');
  });

  it('exits 2 on binary garbage, naming the line, without a stack trace', async () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
    const r = await jixiao(['import', file('garbage.txt', bytes)]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('INPUT_NOT_TEXT');
    expect(r.stderr).toMatch(/第\d+行含有 NUL 字节：这是二进制文件/);
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  it('exits 2 on text that is not UTF-8 (GBK), naming the line and how to convert', async () => {
    const gbk = Uint8Array.from([...Buffer.from('第一行\n第二行\n'), 0xd6, 0xd0, 0xce, 0xc4, 0x0a]);
    const r = await jixiao(['import', file('gbk.txt', gbk)]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('第3行含有无法按 UTF-8 解码的字节');
    expect(r.stderr).toContain('iconv -f GBK -t UTF-8');
  });

  it('exits 2 on invalid JSON, naming line and column', async () => {
    const bad =
      '{\n  "format": "jixiao.disclosure/1",\n  "year": 2024,\n  "department": "x"\n  "summary": null\n}\n';
    const r = await jixiao(['import', file('bad.json', bad)]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('JSON_SYNTAX');
    expect(r.stderr).toContain('第5行第3列：JSON 语法错误：属性值后面应为逗号或 }');
  });

  it('exits 2 on JSON that fails the schema, naming each path and its line', async () => {
    const json = structuredClone(fixture.json) as {
      projects: { form: { funds: Record<string, unknown>; name?: string } }[];
    };
    json.projects[0]!.form.funds.annualTotal = 5850000;
    delete json.projects[1]!.form.name;
    const r = await jixiao(['import', file('schema.json', JSON.stringify(json, null, 2))]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('JSON_SCHEMA');
    expect(r.stderr).toContain('不符合 jixiao.disclosure/1 格式（2 处）');
    expect(r.stderr).toMatch(
      /projects\[0\]\.form\.funds\.annualTotal（第\d+行）：应为两位小数的元金额字符串.*实际为数字 5850000/,
    );
    expect(r.stderr).toMatch(/projects\[1\]\.form\.name（第\d+行）：缺少必填字段/);
  });

  it('exits 2 on JSON that is not a disclosure at all', async () => {
    const r = await jixiao(['import', 'package.json']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('JSON_NOT_DISCLOSURE');
  });

  it('exits 2 on a file type it cannot read, listing the ones it can', async () => {
    const r = await jixiao(['import', file('report.docx', 'PK')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('INPUT_TYPE_UNKNOWN');
    expect(r.stderr).toContain('无法识别的文件类型「.docx」');
    expect(r.stderr).toContain('.pdf（公开的 PDF 文件）和 .xlsx（Excel 工作簿）');
  });

  it('names a binary file given as .txt and says PDF and Excel files are read directly', async () => {
    const r = await jixiao([
      'import',
      file('report.txt', Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x0a, 0, 1])),
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('第2行含有 NUL 字节');
    expect(r.stderr).toContain('请使用 .pdf 或 .xlsx 扩展名');
  });

  it.for(['pdf', 'xlsx'] as const)('reads .%s into the canonical JSON', async (format, ctx) => {
    ctx.skip(!formatBuilt(format), 'not built yet');
    const { bytes } = await writeDisclosure(decodeDisclosure(fixture.json), format);
    const r = await jixiao(['import', file(`fixture.${format}`, bytes)]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(fixture.text);
  });

  it.for(['pdf', 'xlsx'] as const)(
    'exits 2 on a broken .%s, naming the file, without a stack trace',
    async (format, ctx) => {
      ctx.skip(!formatBuilt(format), 'not built yet');
      const r = await jixiao(['import', file(`broken.${format}`, 'not really')]);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(new RegExp(`^jixiao: IMPORT_[A-Z_]+: .*broken\\.${format}`));
      // the PDF reader leaves the file name to the CLI, which names it once
      if (format === 'pdf') expect(r.stderr.split('broken.pdf').length - 1).toBe(1);
      expect(r.stderr).not.toMatch(STACK_FRAME);
    },
  );

  it('exits 2 on a directory', async () => {
    const r = await jixiao(['import', 'testdata']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('INPUT_IS_DIRECTORY');
  });

  it('exits 2 when the importer reports an error, naming the first line', async () => {
    const text = readFileSync(FIXTURE_TXT, 'utf8').replace('5,850,000.00', '5,85O,000.00');
    const r = await jixiao(['import', file('amount.txt', text)]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/jixiao: IMPORT_[A-Z_]+: .*amount\.txt：第\d+行/);
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  it('exits 2 on text with no declaration form', async () => {
    const r = await jixiao(['import', file('empty.txt', '')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('IMPORT_NO_FORMS');
  });
});
