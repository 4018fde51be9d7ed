import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Database } from '@jixiao/store';
import { openTestDatabase } from '@jixiao/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.ts';

describe('the web app at /', () => {
  let database: Database;
  let root: string;
  const script = 'console.log("jixiao");'.repeat(50);

  beforeAll(async () => {
    database = await openTestDatabase();
    root = mkdtempSync(join(tmpdir(), 'jixiao-web-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(root, 'assets', 'index-abc.js'), script);
    writeFileSync(join(root, 'assets', 'index-abc.js.gz'), gzipSync(script));
  });
  afterAll(async () => {
    await database.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('answers every page path with index.html, uncached, under a script-only-from-self policy', async () => {
    const app = createApp(database, { webRoot: root });
    for (const path of ['/', '/projects/12', '/public/3?x=1', '/login']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await res.text()).toContain('<div id="root">');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('sends hashed assets compressed when the browser accepts it, cached for a year', async () => {
    const app = createApp(database, { webRoot: root });
    const res = await app.request('/assets/index-abc.js', {
      headers: { 'accept-encoding': 'gzip, deflate' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('cache-control')).toContain('immutable');
    expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString()).toBe(script);
    const plain = await app.request('/assets/index-abc.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(script);
  });

  it('leaves the API alone: an unknown API path is still a JSON 404, a missing asset a 404', async () => {
    const app = createApp(database, { webRoot: root });
    const api = await app.request('/api/nothing-here');
    expect(api.status).toBe(404);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    expect((await app.request('/assets/missing.js')).status).toBe(404);
  });

  it('says how to build the app when it has not been built, and the API still runs', async () => {
    const app = createApp(database, { webRoot: join(root, 'not-built') });
    const res = await app.request('/');
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm run build -w @jixiao/web');
    expect((await app.request('/api/health')).status).toBe(200);
  });
});
