import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeDisclosure, summarizeDisclosure } from '@jixiao/core';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURE_JSON, FIXTURE_TXT, fixtureJson, jixiao, tempDir } from './testing.ts';

const tmp = tempDir();
afterAll(() => tmp.remove());
const fixture = fixtureJson();

describe.concurrent('jixiao summary', () => {
  it('prints the computed figures, the sentence and whether the stated summary agrees', async () => {
    const expected = summarizeDisclosure(decodeDisclosure(fixture.json));
    const r = await jixiao(['summary', FIXTURE_JSON]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`项目数：${expected.computed.projectCount}`);
    expect(r.stdout).toContain(`项目预算资金（万元）：${expected.computed.totalWan}`);
    expect(r.stdout).toContain(expected.sentence);
    if (expected.differences.length === 0) expect(r.stdout).toContain('✔ 文中所述与计算一致。');
  });

  it('prints the same for the text fixture as for its transcription', async () => {
    const [txt, json] = await Promise.all([
      jixiao(['summary', FIXTURE_TXT]),
      jixiao(['summary', FIXTURE_JSON]),
    ]);
    expect(txt.status).toBe(0);
    expect(txt.stdout).toBe(json.stdout);
  });

  it('prints the summary as JSON with --format json', async () => {
    const r = await jixiao(['summary', FIXTURE_JSON, '--format', 'json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(summarizeDisclosure(decodeDisclosure(fixture.json)));
  });

  it('lists where the stated summary disagrees with the forms', async () => {
    const json = structuredClone(fixture.json) as { summary: Record<string, unknown> };
    json.summary.totalWan = '9999.99';
    const file = join(tmp.dir, 'stated.json');
    writeFileSync(file, JSON.stringify(json));
    const computed = summarizeDisclosure(decodeDisclosure(fixture.json)).computed;
    const r = await jixiao(['summary', file]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('✖ 1 处不一致：');
    expect(r.stdout).toContain(`项目预算资金（万元）：文中 9999.99，计算 ${computed.totalWan}`);
  });

  it('exits 2 on a missing file', async () => {
    const r = await jixiao(['summary', 'nope.txt']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('找不到文件：nope.txt');
  });
});
