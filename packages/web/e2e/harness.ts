/**
 * End-to-end harness: the real server (with the built web app) over a fresh embedded database with
 * the demo loaded, on a free localhost port; and Debian's Chromium driven by playwright-core,
 * with every console error and failed request of every page collected so a test can assert none.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp } from '@jixiao/server';
import { openDatabase, seedDemo } from '@jixiao/store';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** The built app: `dist/`, or `JIXIAO_WEB_ROOT` (a build made with `JIXIAO_WEB_OUT`). */
export const WEB_ROOT =
  process.env.JIXIAO_WEB_ROOT ?? join(dirname(fileURLToPath(import.meta.url)), '../dist');
export const RESULTS = join(dirname(fileURLToPath(import.meta.url)), '../../../test-results');
export const CHROMIUM = process.env.JIXIAO_CHROMIUM ?? '/usr/bin/chromium';
export const DEMO_PASSWORD = 'demo1234';

export interface RunningApp {
  url: string;
  close(): Promise<void>;
}

/** The server with the demo data and the built web app. @throws when the app has not been built */
export async function startApp(): Promise<RunningApp> {
  if (!existsSync(join(WEB_ROOT, 'index.html'))) {
    throw new Error(`网页端尚未构建（${WEB_ROOT}）：请先运行 npm run build -w @jixiao/web`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-e2e-'));
  const database = await openDatabase({ dataDir: join(dir, 'data') });
  await seedDemo(database.db);
  const app = createApp(database, { webRoot: WEB_ROOT });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Whether the browser the tests need is here (CI installs it; see .ci/run). */
export const HAVE_CHROMIUM = existsSync(CHROMIUM);

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Problems a page reported: console errors, uncaught exceptions, failed requests, 5xx answers. */
export interface PageProblems {
  problems: string[];
}

/** A new signed-out browser context whose pages record their problems into `problems`. */
export async function newContext(browser: Browser, problems: string[]): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
  context.on('page', (page) => watch(page, problems));
  return context;
}

function watch(page: Page, problems: string[]): void {
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()} (${page.url()})`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message} (${page.url()})`));
  page.on('requestfailed', (r) => {
    // a navigation away cancels requests still in flight; that is not a failure of the app
    if (r.failure()?.errorText !== 'net::ERR_ABORTED')
      problems.push(`requestfailed: ${r.url()} ${r.failure()?.errorText}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 500) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
}

/** Signs in through the login page. */
export async function signIn(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByTestId('whoami').waitFor();
}

/** Saves a full-page screenshot under test-results/ and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS, { recursive: true });
  const path = join(RESULTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** The API as a signed-in user, for a test's setup and checks (not for what the test is about). */
export async function apiAs(baseUrl: string, username: string) {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!login.ok) throw new Error(`login ${username}: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        cookie,
        origin: baseUrl,
        ...(method === 'GET' ? {} : { 'x-csrf-token': csrfToken }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
}
