/**
 * The web app's budgets (issue: first route ≤ 400 kB of gzipped JavaScript; the editor opens in
 * < 1 s on localhost for a project with 100 indicators), each beside a baseline from the same run:
 *
 * - first-route JavaScript: the heaviest page's first visit (entry + page chunk + their static
 *   imports, gzipped as the server sends them), beside the app shell alone (the entry chunk);
 * - editor open: from navigation to the editor showing all 100 indicator rows ready to type in,
 *   beside opening the workspace page (`/`) in the same browser, median of 7 after 2 warm-ups.
 *
 * Builds the app when it has not been built. Needs Debian's chromium (`/usr/bin/chromium`);
 * reports, and exits 0, without it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { FIRST_ROUTE_BUDGET_BYTES, routeWeights } from '../packages/web/e2e/bundle.ts';
import {
  apiAs,
  HAVE_CHROMIUM,
  launchBrowser,
  newContext,
  signIn,
  startApp,
  WEB_ROOT,
} from '../packages/web/e2e/harness.ts';
import { fmt, printTable, type Row, ratio } from './report.ts';

const EDITOR_BUDGET_MS = 1000;
const INDICATORS = 100;
const SAMPLES = 7;
const WARMUP = 2;

const kb = (bytes: number) => `${fmt(bytes / 1000)} kB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

export async function runWebBench(): Promise<void> {
  console.log(
    `\njixiao web bench — the built app (${WEB_ROOT}) in Debian chromium, headless, server and browser on ${cpuList()}`,
  );
  if (!existsSync(join(WEB_ROOT, '.vite/manifest.json'))) {
    const built = spawnSync('npm', ['run', 'build', '-w', '@jixiao/web'], { stdio: 'ignore' });
    if (built.status !== 0) return console.log('web bench could not run: the app did not build');
  }
  const rows: Row[] = [];
  const { shell: shellWeight, pages } = routeWeights(WEB_ROOT);
  const heaviest = pages[0];
  if (heaviest) {
    const shell = shellWeight.gzipBytes;
    rows.push({
      what: `first route JS (gzip), heaviest: ${heaviest.page.replace('src/pages/', '')}`,
      figure: kb(heaviest.gzipBytes),
      baseline: `${kb(shell)} app shell alone`,
      ratio: ratio(heaviest.gzipBytes, shell),
      target: `≤ ${kb(FIRST_ROUTE_BUDGET_BYTES)}`,
      verdict: heaviest.gzipBytes <= FIRST_ROUTE_BUDGET_BYTES ? 'PASS' : 'FAIL',
    });
  }
  if (!HAVE_CHROMIUM) {
    printTable(rows);
    return console.log('note: no /usr/bin/chromium: the editor timing was not measured');
  }
  const app = await startApp();
  const browser = await launchBrowser();
  try {
    const id = await hundredIndicatorProject(app.url);
    const problems: string[] = [];
    const context = await newContext(browser, problems);
    const page = await context.newPage();
    await signIn(page, app.url, 'tianbao');
    const time = async (path: string, ready: () => Promise<unknown>) => {
      const t = performance.now();
      await page.goto(`${app.url}${path}`);
      await ready();
      return performance.now() - t;
    };
    const editorReady = async () => {
      const names = page.getByLabel('指标名称', { exact: true });
      await names.nth(INDICATORS - 1).waitFor();
      const count = await names.count();
      if (count !== INDICATORS)
        throw new Error(`the editor shows ${count} indicator rows, not ${INDICATORS}`);
      await names.nth(INDICATORS - 1).isEditable();
    };
    // the workspace is ready when its first card (the preparer's drafts, with their count) shows
    const workspaceReady = () =>
      page
        .getByRole('region', { name: /待填报/ })
        .getByText(/个项目/)
        .waitFor();
    const editor: number[] = [];
    const workspace: number[] = [];
    for (let i = 0; i < WARMUP + SAMPLES; i++) {
      const e = await time(`/projects/${id}`, editorReady);
      const w = await time('/', workspaceReady);
      if (i >= WARMUP) {
        editor.push(e);
        workspace.push(w);
      }
    }
    const ms = median(editor);
    const base = median(workspace);
    rows.push({
      what: `editor open, ${INDICATORS} indicators`,
      figure: `${fmt(ms)} ms`,
      baseline: `${fmt(base)} ms workspace page`,
      ratio: ratio(ms, base),
      target: `< ${fmt(EDITOR_BUDGET_MS)} ms`,
      verdict: ms < EDITOR_BUDGET_MS ? 'PASS' : 'FAIL',
    });
    printTable(rows);
    console.log(`note: editor samples ${editor.map((x) => fmt(x)).join(', ')} ms`);
    for (const p of problems) console.log(`note: page problem: ${p}`);
  } catch (e) {
    printTable(rows);
    console.log(
      `web bench: the editor could not be timed: ${e instanceof Error ? e.message.split('\n')[0] : e}`,
    );
  } finally {
    await browser.close();
    await app.close();
  }
}

/** A draft of tianbao's unit with 100 indicators (the fixture's first project's, repeated). */
async function hundredIndicatorProject(url: string): Promise<number> {
  const call = await apiAs(url, 'tianbao');
  const list = await call<{ items: { id: number }[] }>('GET', '/api/projects?pageSize=1&sort=name');
  const first = list.items[0];
  if (!first) throw new Error('the demo has no project for tianbao');
  const detail = await call<{ year: number; project: { form: { indicators: unknown[] } } }>(
    'GET',
    `/api/projects/${first.id}`,
  );
  const source = detail.project.form.indicators;
  const indicators = Array.from({ length: INDICATORS }, (_, i) => source[i % source.length]);
  const project = {
    ...detail.project,
    form: { ...detail.project.form, name: `百项指标测试项目`, indicators },
  };
  const created = await call<{ id: number }>('POST', '/api/projects', { year: detail.year, project });
  return created.id;
}

/** The cores this process may run on (`taskset -p`), or how many there are. */
function cpuList(): string {
  const out = spawnSync('taskset', ['-cp', String(process.pid)], { encoding: 'utf8' });
  const list = out.stdout?.split(':')[1]?.trim();
  return list ? `cores ${list}` : `${os.cpus().length} cores`;
}

if (import.meta.url === `file://${process.argv[1]}`) await runWebBench();
