import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  FIXTURE_JSON,
  FIXTURE_TXT,
  fixtureJson,
  formatBuilt,
  inProcess,
  jixiao,
  STACK_FRAME,
  tempDir,
} from './testing.ts';

const tmp = tempDir();
afterAll(() => tmp.remove());
const fixture = fixtureJson();

describe.concurrent('jixiao export', () => {
  it('prints canonical JSON for --format json, the same as import', async () => {
    const r = await jixiao(['export', FIXTURE_TXT, '--format', 'json']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(fixture.text);
  });

  it('prints CSV with its BOM and CRLF lines: a header and one row per indicator', async () => {
    const r = await jixiao(['export', FIXTURE_JSON, '-f', 'csv']);
    expect(r.status).toBe(0);
    expect(r.stdout.startsWith('\uFEFF部门,年度,项目序号,项目名称')).toBe(true);
    expect(r.stdout.split('\r\n')).toHaveLength(1 + 94 + 1);
  });

  it('writes -o OUT atomically and prints nothing', async () => {
    const dir = join(tmp.dir, 'html');
    mkdirSync(dir);
    const r = await jixiao(['export', FIXTURE_JSON, '--format', 'html', '-o', join(dir, 'x.html')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    const html = readFileSync(join(dir, 'x.html'), 'utf8');
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true);
    expect(readdirSync(dir)).toEqual(['x.html']);
  });

  it('takes the format from the output file’s extension', async () => {
    const out = join(tmp.dir, '绩效目标.docx');
    const r = await jixiao(['export', FIXTURE_JSON, '-o', out]);
    expect(r.status).toBe(0);
    expect([...readFileSync(out).subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]); // a zip
  });

  it('notes an output extension that does not match --format, and writes anyway', async () => {
    const out = join(tmp.dir, 'indicators.txt');
    const r = await jixiao(['export', FIXTURE_JSON, '--format', 'csv', '-o', out]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('扩展名与导出格式 csv（.csv）不一致');
    expect(readFileSync(out, 'utf8').startsWith('\uFEFF部门')).toBe(true);
  });

  it('shows Chinese help', async () => {
    const r = await jixiao(['export', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^用法：jixiao export 文件 --format pdf\|xlsx\|docx\|csv\|html\|json/);
    expect(r.stdout).toContain('二进制格式，必须给出');
  });

  it.for(['pdf', 'xlsx'] as const)(
    'writes %s that import reads back into the same disclosure',
    async (format, ctx) => {
      ctx.skip(!formatBuilt(format), 'not built yet');
      const out = join(tmp.dir, `roundtrip.${format}`);
      const w = await jixiao(['export', FIXTURE_JSON, '--format', format, '-o', out]);
      expect(w.stderr).toBe('');
      expect(w.status).toBe(0);
      const r = await jixiao(['import', out]);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(fixture.text);
    },
  );
});

describe('jixiao export (arguments, in process)', () => {
  it('refuses an unknown format with exit 2, listing the formats', async () => {
    const r = await inProcess(['export', FIXTURE_JSON, '--format', 'xml']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('EXPORT_FORMAT_UNKNOWN');
    expect(r.stderr).toContain('无法导出为「xml」格式。可用的格式：pdf、xlsx、docx、csv、html、json');
  });

  it.each(['pdf', 'xlsx', 'docx'])('refuses to write binary %s to stdout', async (format) => {
    const r = await inProcess(['export', FIXTURE_JSON, '--format', format]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('EXPORT_OUTPUT_REQUIRED');
    expect(r.stderr).toContain(`${format} 是二进制格式，不能写到标准输出：请用 -o 指定输出文件`);
  });

  it('asks for a format when neither --format nor a known -o extension gives one', async () => {
    for (const args of [[], ['-o', join(tmp.dir, 'out.txt')]]) {
      const r = await inProcess(['export', FIXTURE_JSON, ...args]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('EXPORT_FORMAT_MISSING');
    }
  });

  it('names a missing input file', async () => {
    const r = await inProcess(['export', 'testdata/no-such-file.json', '--format', 'json']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('找不到文件：testdata/no-such-file.json');
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  it('exits 2 when -o cannot be written', async () => {
    const out = join(tmp.dir, 'no-such-dir', 'x.csv');
    const r = await inProcess(['export', FIXTURE_JSON, '-o', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`OUTPUT_WRITE_FAILED: 无法写入 ${out}`);
  });
});
