import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CliError, reportError } from './errors.ts';
import { captureIo, inProcess, jixiao, ROOT, STACK_FRAME } from './testing.ts';

describe.concurrent('jixiao (arguments)', () => {
  it('prints Chinese help listing the commands and exits 0', async () => {
    const r = await jixiao(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('用法：');
    for (const c of ['jixiao import', 'jixiao export', 'jixiao check', 'jixiao summary']) {
      expect(r.stdout).toContain(c);
    }
    expect(r.stdout).toContain('退出码');
  });

  it('prints a command’s own help', async () => {
    const r = await jixiao(['check', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^用法：jixiao check/);
    expect(r.stdout).toContain('--profile');
  });

  it('prints the version from the package', async () => {
    const pkg = JSON.parse(readFileSync(`${ROOT}packages/cli/package.json`, 'utf8')) as { version: string };
    const r = await jixiao(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(`jixiao ${pkg.version}`);
  });
});

describe('jixiao (arguments, in process)', () => {
  it('shows usage on stderr and exits 2 when run without arguments', async () => {
    const r = await inProcess([]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('用法：');
  });

  it('refuses an unknown command with exit 2', async () => {
    const r = await inProcess(['frob', 'x.txt']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('CLI_USAGE');
    expect(r.stderr).toContain('未知命令「frob」');
  });

  it('refuses an unknown option with exit 2', async () => {
    const r = await inProcess(['check', 'x.json', '--bogus']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('未知选项 --bogus');
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  it('refuses an option without its value', async () => {
    const r = await inProcess(['import', 'x.json', '-o']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('选项 --output 需要一个值');
  });

  it('refuses a format other than text or json', async () => {
    const r = await inProcess(['check', 'x.json', '--format', 'xml']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--format 只能是 text 或 json');
  });

  it('asks for the file when it is missing', async () => {
    const r = await inProcess(['import']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('缺少要处理的文件');
  });

  it('refuses extra arguments', async () => {
    const r = await inProcess(['summary', 'a.json', 'b.json']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('多余的参数：b.json');
  });
});

describe('reportError', () => {
  const capture = (env: Record<string, string> = {}) => {
    const { io, stderr } = captureIo(env);
    return { io, text: stderr };
  };

  it('shows a CliError as code, message and details, with its exit code', () => {
    const { io, text } = capture();
    const code = reportError(new CliError('INPUT_NOT_FOUND', '找不到文件：x.txt', ['细节']), io);
    expect(code).toBe(2);
    expect(text()).toBe('jixiao: INPUT_NOT_FOUND: 找不到文件：x.txt\n  细节\n');
  });

  it('turns an unexpected error into a generic Chinese message without a stack trace', () => {
    const { io, text } = capture();
    expect(reportError(new TypeError('boom'), io)).toBe(2);
    expect(text()).toContain('内部错误');
    expect(text()).not.toContain('boom');
    expect(text()).not.toMatch(STACK_FRAME);
  });

  it('shows the stack of an unexpected error only with JIXIAO_DEBUG=1', () => {
    const { io, text } = capture({ JIXIAO_DEBUG: '1' });
    reportError(new TypeError('boom'), io);
    expect(text()).toContain('TypeError: boom');
    expect(text()).toMatch(STACK_FRAME);
  });
});
