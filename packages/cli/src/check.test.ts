import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { countBySeverity, decodeDisclosure, type Finding, getProfile, reviewDisclosure } from '@jixiao/core';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURE_JSON, FIXTURE_TXT, fixtureJson, jixiao, ROOT, STACK_FRAME, tempDir } from './testing.ts';

const tmp = tempDir();
afterAll(() => tmp.remove());
const fixture = fixtureJson();
const FINDING_KEYS = ['data', 'message', 'path', 'ruleId', 'severity'];

const parseFindings = (stdout: string): Finding[] => {
  const out = JSON.parse(stdout) as { findings: Finding[] };
  expect(Object.keys(out)).toEqual(['findings']);
  return out.findings;
};
const expectedExit = (findings: readonly { severity: string }[]) =>
  findings.some((f) => f.severity === 'error') ? 1 : 0;

describe.concurrent('jixiao check FILE', () => {
  it('prints exactly {"findings":[…]} for a JSON file: the review of the disclosure', async () => {
    const r = await jixiao(['check', FIXTURE_JSON, '--format', 'json']);
    const findings = parseFindings(r.stdout);
    for (const f of findings) expect(Object.keys(f).sort()).toEqual(FINDING_KEYS);
    expect(findings).toEqual(
      expect.arrayContaining(reviewDisclosure(decodeDisclosure(fixture.json)) as unknown as Finding[]),
    );
    expect(r.status).toBe(expectedExit(findings));
  });

  it('exits 1 exactly when some finding is at error level, else 0', async () => {
    const r = await jixiao(['check', FIXTURE_JSON, '--format', 'json']);
    const findings = parseFindings(r.stdout);
    expect([0, 1]).toContain(r.status);
    expect(r.status).toBe(expectedExit(findings));
  });

  it('reviews the text fixture like its transcription, adding the importer’s FMT-08 findings', async () => {
    const [txt, json] = await Promise.all([
      jixiao(['check', FIXTURE_TXT, '--format', 'json']),
      jixiao(['check', FIXTURE_JSON, '--format', 'json']),
    ]);
    const fromText = parseFindings(txt.stdout);
    const fromJson = parseFindings(json.stdout);
    expect(fromText.filter((f) => f.ruleId !== 'FMT-08')).toEqual(
      fromJson.filter((f) => f.ruleId !== 'FMT-08'),
    );
    const fmt08 = fromText.filter((f) => f.ruleId === 'FMT-08');
    expect(fmt08.length).toBeGreaterThan(0);
    for (const f of fmt08) expect(f.data.line).toEqual(expect.any(Number));
    expect(txt.status).toBe(expectedExit(fromText));
  });

  it('prints a linter-style report grouped by project, in Chinese, with a tally', async () => {
    const [text, json] = await Promise.all([
      jixiao(['check', FIXTURE_JSON]),
      jixiao(['check', FIXTURE_JSON, '--format', 'json']),
    ]);
    const findings = parseFindings(json.stdout);
    expect(text.status).toBe(json.status);
    expect(text.stdout).not.toContain('\x1b['); // not a terminal: no color
    const lines = text.stdout.trimEnd().split('\n');
    const c = countBySeverity(findings);
    const tally =
      findings.length === 0
        ? '✔ 没有发现问题（10 个项目）'
        : `✖ ${c.error} 个错误，${c.warn} 个警告，${c.info} 个提示（10 个项目）`;
    expect(lines.at(-1)).toBe(tally);
    const rows = lines.filter((l) => /^ {2}(错误|警告|提示) {2}/.test(l));
    expect(rows).toHaveLength(findings.length);
    for (const f of findings) {
      const label = { error: '错误', warn: '警告', info: '提示' }[f.severity];
      expect(rows.some((l) => l.startsWith(`  ${label}  ${f.ruleId} `) && l.endsWith(f.message))).toBe(true);
    }
    const projectIndexes = new Set(
      findings.map((f) => /^projects\[(\d+)\]/.exec(f.path)?.[1]).filter(Boolean),
    );
    for (const i of projectIndexes) {
      const name = (fixture.json.projects as { form: { name: string } }[])[Number(i)]!.form.name;
      expect(lines).toContain(`P${String(Number(i) + 1).padStart(2, '0')} ${name}`);
    }
  });

  it('applies a review profile’s severities', async () => {
    const finance = getProfile('finance')!;
    const r = await jixiao(['check', FIXTURE_JSON, '--format', 'json', '--profile', 'finance']);
    const findings = parseFindings(r.stdout);
    for (const f of findings) {
      const override = finance.severities?.[f.ruleId];
      if (override) expect(f.severity).toBe(override);
    }
    expect(r.status).toBe(expectedExit(findings));
  });

  it('exits 2 on an unknown profile, naming the known ones', async () => {
    const r = await jixiao(['check', FIXTURE_JSON, '--profile', 'strict']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('PROFILE_UNKNOWN');
    expect(r.stderr).toContain('未知的审核配置「strict」。可用的配置：default、department、finance');
  });

  it('exits 2 on a missing file', async () => {
    const r = await jixiao(['check', 'nope.json', '--format', 'json']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('找不到文件：nope.json');
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });
});

describe('jixiao check DIR', () => {
  const dir = join(tmp.dir, 'disclosures');
  mkdirSync(join(dir, 'sub'), { recursive: true });
  copyFileSync(join(ROOT, FIXTURE_JSON), join(dir, 'a.json'));
  copyFileSync(join(ROOT, FIXTURE_TXT), join(dir, 'sub', 'b.txt'));
  writeFileSync(join(dir, 'sub', 'settings.json'), '{"name": "not a disclosure"}');
  writeFileSync(join(dir, 'notes.md'), '# ignored');

  it('walks .txt and .json files recursively and tags each finding with its file', async () => {
    const r = await jixiao(['check', dir, '--format', 'json']);
    const out = JSON.parse(r.stdout) as { findings: (Finding & { file: string })[] };
    expect(Object.keys(out)).toEqual(['findings']);
    for (const f of out.findings) expect(Object.keys(f)[0]).toBe('file');
    const files = new Set(out.findings.map((f) => f.file));
    expect([...files].every((f) => f === join(dir, 'a.json') || f === join(dir, 'sub', 'b.txt'))).toBe(true);
    expect(files.has(join(dir, 'sub', 'b.txt'))).toBe(true); // at least its FMT-08 findings
    expect(r.stderr).toContain('跳过 1 个不是公开文件的文件');
    expect(r.stderr).not.toContain('检查中'); // progress only on a terminal
    expect(r.status).toBe(expectedExit(out.findings));
  });

  it('prints one section per file and a tally over all of them', async () => {
    const r = await jixiao(['check', dir]);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toContain(join(dir, 'sub', 'b.txt'));
    expect(lines.at(-1)).toMatch(/（2 个文件，20 个项目）$/);
  });

  it('exits 2 when a file cannot be read, still reporting the others', async () => {
    const broken = join(tmp.dir, 'with-broken');
    mkdirSync(broken);
    copyFileSync(join(ROOT, FIXTURE_JSON), join(broken, 'a.json'));
    writeFileSync(join(broken, 'b.json'), readFileSync(join(ROOT, FIXTURE_JSON), 'utf8').slice(0, 500));
    const r = await jixiao(['check', broken, '--format', 'json']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`JSON_SYNTAX: ${join(broken, 'b.json')} 第`);
    const out = JSON.parse(r.stdout) as { findings: { file: string }[] };
    expect(out.findings.every((f) => f.file === join(broken, 'a.json'))).toBe(true);
  });

  it('exits 2 on a directory with nothing to check', async () => {
    const empty = join(tmp.dir, 'empty');
    mkdirSync(empty);
    const r = await jixiao(['check', empty]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('INPUT_NO_FILES');
  });
});
