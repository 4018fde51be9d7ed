/** The error catalogue as clients see it. */

import { ON_POSTGRES } from '@jixiao/store/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ERRORS } from './errors.ts';
import { buildWorld, call, login, type Session, type World } from './testing.ts';

describe(`errors (${ON_POSTGRES ? 'PostgreSQL' : 'PGlite'})`, () => {
  let w: World;
  let prep: Session;
  beforeAll(async () => {
    w = await buildWorld();
    w.app.get('/api/test-only/boom', () => {
      throw new Error('secret: password=hunter2 at /srv/jixiao/internal.ts:12');
    });
    prep = await login(w.app, 'prepa1');
  });
  afterAll(async () => {
    await w.close();
  });

  it('has a Chinese message for every code', () => {
    for (const [code, e] of Object.entries(ERRORS)) {
      expect(code).toMatch(/^[A-Z_]+$/);
      expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('turns an unknown error into a 500 with no internals', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const res = await call(w.app, prep, 'GET', '/api/test-only/boom');
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: { code: 'INTERNAL', message: '服务器内部错误，请稍后重试' } });
    expect(text).not.toMatch(/secret|hunter2|internal\.ts|at /);
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });

  it('refuses a body over 1 MB with 413 and the catalogue message', async () => {
    const res = await call(w.app, prep, 'POST', `/api/projects/${w.project.a1}/comments`, {
      path: '',
      body: '长'.repeat(400_000),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      error: { code: 'PAYLOAD_TOO_LARGE', message: '请求体过大（上限 1 MB）' },
    });
  });

  it('names the fields of invalid input', async () => {
    const res = await call(w.app, prep, 'POST', `/api/projects/${w.project.a1}/transitions`, {
      action: 'fly',
      baseVersion: -1,
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as {
      error: { code: string; message: string; fields: { path: string }[] };
    };
    expect(body.error.code).toBe('VALIDATION');
    expect(body.error.message).toBe(ERRORS.VALIDATION.message);
    expect(body.error.fields.map((f) => f.path).sort()).toEqual(['action', 'baseVersion']);
    expect(JSON.stringify(body)).toMatch(/[\u4e00-\u9fff]/);
  });

  it('names bad path and query parameters', async () => {
    const res = await call(w.app, prep, 'GET', '/api/projects/abc');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { fields: { path: string }[] } }).error.fields[0]?.path).toBe(
      'id',
    );
    const q = await call(w.app, prep, 'GET', '/api/projects?status=draft,nonsense');
    expect(q.status).toBe(400);
  });

  it('answers malformed JSON with 400 and other media types with 415', async () => {
    const bad = await call(w.app, prep, 'POST', `/api/projects/${w.project.a1}/comments`, '{"path":');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('BAD_JSON');
    const form = await w.app.request(`/api/projects/${w.project.a1}/comments`, {
      method: 'POST',
      headers: { cookie: prep.cookie, 'x-csrf-token': prep.csrf, 'content-type': 'text/plain' },
      body: 'hello',
    });
    expect(form.status).toBe(415);
  });

  it('answers an unknown route with a catalogue 404', async () => {
    const res = await call(w.app, prep, 'GET', '/api/nothing-here');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
  });

  it('answers a missing project with 404 and a missing revision too', async () => {
    expect((await call(w.app, prep, 'GET', '/api/projects/999999')).status).toBe(404);
    expect((await call(w.app, prep, 'GET', `/api/projects/${w.project.a1}?revision=9`)).status).toBe(404);
  });

  it('answers a project out of scope with the same 404 whether or not the revision exists', async () => {
    const plain = await call(w.app, prep, 'GET', `/api/projects/${w.project.b}`);
    const missing = await call(w.app, prep, 'GET', `/api/projects/${w.project.b}?revision=9`);
    expect(plain.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual(await plain.json());
  });
});
