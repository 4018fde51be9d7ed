/**
 * One test file's world: the app on a fresh demo database and Debian's Chromium, started before
 * the file's tests and closed after, and the problems (console errors, page errors, failed
 * requests, 5xx) its pages reported.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, type RunningApp, startApp } from './harness.ts';

export interface World {
  app: RunningApp;
  browser: Browser;
  problems: string[];
}

export function useWorld(): World {
  const world = { problems: [] as string[] } as World;
  beforeAll(async () => {
    world.app = await startApp();
    world.browser = await launchBrowser();
  });
  afterAll(async () => {
    await world.browser?.close();
    await world.app?.close();
  });
  return world;
}
