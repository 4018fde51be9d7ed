import { ON_POSTGRES } from '@jixiao/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, call, login, type World } from './testing.ts';

describe(`sessions, cookies and CSRF (${ON_POSTGRES ? 'PostgreSQL' : 'PGlite'})`, () => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld();
  });
  afterAll(async () => {
    await w.close();
  });

  it('logs in with an HttpOnly, SameSite=Lax session cookie and tells who is logged in', async () => {
    const res = await w.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'prepa1', password: 'demo1234' }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^jixiao_session=[A-Za-z0-9_-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\/api/);
    const body = (await res.json()) as { user: { username: string; role: string }; csrfToken: string };
    expect(body.user).toMatchObject({ username: 'prepa1', role: 'preparer' });
    expect(JSON.stringify(body)).not.toMatch(/password/i);

    const session = { cookie: cookie.split(';')[0] ?? '', csrf: body.csrfToken };
    const me = await call(w.app, session, 'GET', '/api/auth/me');
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({
      user: { username: 'prepa1' },
      scope: { unitId: w.org.unitA1, departmentId: w.org.deptA1, regionId: w.org.regionA },
      csrfToken: body.csrfToken,
    });
  });

  it('marks the cookie Secure over https', async () => {
    const res = await w.app.request('https://jixiao.example/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'prepa1', password: 'demo1234' }),
    });
    expect(res.headers.get('set-cookie')).toMatch(/Secure/);
  });

  it('logs out: the cookie is cleared and the session no longer works', async () => {
    const s = await login(w.app, 'reva1');
    const out = await call(w.app, s, 'POST', '/api/auth/logout');
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/jixiao_session=;.*Max-Age=0/);
    expect((await call(w.app, s, 'GET', '/api/auth/me')).status).toBe(401);
  });

  it('refuses a wrong password with a Chinese message and no hint which part was wrong', async () => {
    for (const [username, password] of [
      ['prepa1', 'wrong-password'],
      ['nobody', 'demo1234'],
    ]) {
      const res = await call(w.app, null, 'POST', '/api/auth/login', { username, password });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({
        error: { code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' },
      });
    }
  });

  it('tells the session without a 401: me when signed in, null when not', async () => {
    const none = await call(w.app, null, 'GET', '/api/auth/session');
    expect(none.status).toBe(200);
    expect(await none.json()).toEqual({ me: null });
    const s = await login(w.app, 'prepa1');
    const some = await call(w.app, s, 'GET', '/api/auth/session');
    expect(some.status).toBe(200);
    const body = (await some.json()) as { me: { user: { username: string }; csrfToken: string } };
    expect(body.me.user.username).toBe('prepa1');
    expect(body.me.csrfToken).toBe(s.csrf);
  });

  it('answers 401 without a session', async () => {
    const res = await call(w.app, null, 'GET', '/api/auth/me');
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: '请先登录' } });
  });

  it('refuses a write with the session cookie but without the CSRF token, or with a wrong one', async () => {
    const s = await login(w.app, 'prepa1');
    const path = `/api/projects/${w.project.a1}/comments`;
    const body = JSON.stringify({ path: '', body: '测试' });
    const without = await w.app.request(path, {
      method: 'POST',
      headers: { cookie: s.cookie, 'content-type': 'application/json' },
      body,
    });
    expect(without.status).toBe(403);
    expect(((await without.json()) as { error: { code: string } }).error.code).toBe('CSRF_FAILED');
    const wrong = await w.app.request(path, {
      method: 'POST',
      headers: { cookie: s.cookie, 'content-type': 'application/json', 'x-csrf-token': `${s.csrf}x` },
      body,
    });
    expect(wrong.status).toBe(403);
    const right = await call(w.app, s, 'POST', path, { path: '', body: '测试' });
    expect(right.status).toBe(201);
  });

  it('refuses writes from another origin, even with the right token', async () => {
    const s = await login(w.app, 'prepa1');
    const res = await w.app.request(`http://localhost/api/projects/${w.project.a1}/comments`, {
      method: 'POST',
      headers: {
        cookie: s.cookie,
        'content-type': 'application/json',
        'x-csrf-token': s.csrf,
        origin: 'https://evil.example',
      },
      body: JSON.stringify({ path: '', body: 'x' }),
    });
    expect(res.status).toBe(403);
    const login2 = await w.app.request('http://localhost/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ username: 'prepa1', password: 'demo1234' }),
    });
    expect(login2.status).toBe(403);
    const same = await w.app.request('http://localhost/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost' },
      body: JSON.stringify({ username: 'prepa1', password: 'demo1234' }),
    });
    expect(same.status).toBe(200);
  });

  it('rate-limits logins: after 5 failures for a username, 429 with Retry-After, even with the right password', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await call(w.app, null, 'POST', '/api/auth/login', {
        username: 'finb',
        password: `bad${i}`,
      });
      expect(res.status).toBe(401);
    }
    const res = await w.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.7' },
      body: JSON.stringify({ username: 'finb', password: 'demo1234' }),
    });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('RATE_LIMITED');
    expect(body.error.message).toMatch(/登录尝试过于频繁，请 \d+ 秒后再试/);
  });

  it('rate-limits one IP trying many usernames', async () => {
    const ip = '203.0.113.9';
    for (let i = 0; i < 20; i++) {
      await w.app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
        body: JSON.stringify({ username: `guess${i}`, password: 'x' }),
      });
    }
    await expect(login(w.app, 'adminb', 'demo1234', ip)).rejects.toThrow(/429/);
    await expect(login(w.app, 'adminb', 'demo1234', '203.0.113.10')).resolves.toMatchObject({});
  });
});
