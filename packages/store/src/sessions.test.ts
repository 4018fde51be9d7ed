import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './db.ts';
import { createOrganization, orgScope } from './orgs.ts';
import { sessions } from './schema.ts';
import {
  getSession,
  getSessionWithScope,
  LOGIN_WINDOW_MS,
  login,
  logout,
  MAX_FAILURES_PER_IP,
  MAX_FAILURES_PER_USERNAME,
  SESSION_TTL_MS,
} from './sessions.ts';
import { ON_POSTGRES, openTestDatabase } from './testing.ts';
import { createUser, setUserActive } from './users.ts';

describe(`sessions and logins (${ON_POSTGRES ? 'PostgreSQL' : 'PGlite'})`, () => {
  let database: Database;
  let userId: number;
  beforeAll(async () => {
    database = await openTestDatabase();
    const region = await createOrganization(database.db, { kind: 'region', name: '松江区' });
    for (const name of ['caizheng', 'lockme', 'iptest', 'gone']) {
      const u = await createUser(database.db, {
        username: name,
        displayName: name,
        password: 'demo1234',
        role: 'finance_reviewer',
        orgId: region.id,
      });
      if (name === 'caizheng') userId = u.id;
    }
  });
  afterAll(async () => {
    await database.close();
  });

  it('creates a session whose token is stored only as a hash', async () => {
    const { db } = database;
    const result = await login(db, { username: 'CaiZheng', password: 'demo1234', ip: '10.0.0.1' });
    if (!result.ok) throw new Error('login failed');
    const rows = await db.select().from(sessions).where(eq(sessions.userId, userId));
    expect(rows.map((r) => r.id)).not.toContain(result.token);
    expect(rows[0]?.id).toMatch(/^[0-9a-f]{64}$/);
    const session = await getSession(db, result.token);
    expect(session?.user.username).toBe('caizheng');
    expect(session?.csrfToken).toBe(result.session.csrfToken);
    await logout(db, result.token);
    expect(await getSession(db, result.token)).toBeNull();
  });

  it('expires sessions', async () => {
    const { db } = database;
    const result = await login(db, { username: 'caizheng', password: 'demo1234', ip: '10.0.0.1' });
    if (!result.ok) throw new Error('login failed');
    expect(await getSession(db, result.token, new Date(Date.now() + SESSION_TTL_MS + 1000))).toBeNull();
  });

  it('refuses a wrong password and an unknown user alike', async () => {
    const { db } = database;
    expect(await login(db, { username: 'caizheng', password: 'nope', ip: '10.0.0.2' })).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(await login(db, { username: 'nobody', password: 'demo1234', ip: '10.0.0.2' })).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  it('locks a username after repeated failures, even with the right password, until the window passes', async () => {
    const { db } = database;
    const now = new Date();
    for (let i = 0; i < MAX_FAILURES_PER_USERNAME; i++) {
      await login(db, { username: 'lockme', password: 'wrong', ip: `10.1.0.${i}`, now });
    }
    const locked = await login(db, { username: 'lockme', password: 'demo1234', ip: '10.1.1.1', now });
    expect(locked).toMatchObject({ ok: false, reason: 'rate_limited' });
    if (!locked.ok && locked.reason === 'rate_limited') {
      expect(locked.retryAfterSeconds).toBeGreaterThan(0);
      expect(locked.retryAfterSeconds).toBeLessThanOrEqual(LOGIN_WINDOW_MS / 1000);
    }
    const later = new Date(now.getTime() + LOGIN_WINDOW_MS + 1000);
    expect(
      await login(db, { username: 'lockme', password: 'demo1234', ip: '10.1.1.1', now: later }),
    ).toMatchObject({
      ok: true,
    });
  });

  it('limits one IP trying many usernames', async () => {
    const { db } = database;
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) {
      await login(db, { username: `guess${i}`, password: 'x', ip: '10.9.9.9' });
    }
    expect(await login(db, { username: 'iptest', password: 'demo1234', ip: '10.9.9.9' })).toMatchObject({
      reason: 'rate_limited',
    });
    expect(await login(db, { username: 'iptest', password: 'demo1234', ip: '10.9.9.8' })).toMatchObject({
      ok: true,
    });
  });

  it('ends the sessions of a deactivated user', async () => {
    const { db } = database;
    const result = await login(db, { username: 'gone', password: 'demo1234', ip: '10.0.0.3' });
    if (!result.ok) throw new Error('login failed');
    await setUserActive(db, { userId: result.session.user.id, active: false });
    expect(await getSession(db, result.token)).toBeNull();
    expect(await login(db, { username: 'gone', password: 'demo1234', ip: '10.0.0.3' })).toMatchObject({
      reason: 'invalid',
    });
  });

  it('loads a session with its scope in one query, as getSession and orgScope give them', async () => {
    const { db } = database;
    const region = await createOrganization(db, { kind: 'region', name: '青浦区' });
    const department = await createOrganization(db, {
      kind: 'department',
      name: '区政府办',
      parentId: region.id,
    });
    const unit = await createOrganization(db, { kind: 'unit', name: '区档案馆', parentId: department.id });
    const cases = [
      ['scope-region', region.id, 'finance_reviewer'],
      ['scope-dept', department.id, 'department_reviewer'],
      ['scope-unit', unit.id, 'preparer'],
    ] as const;
    for (const [username, orgId, role] of cases) {
      await createUser(db, { username, displayName: username, password: 'demo1234', role, orgId });
      const result = await login(db, { username, password: 'demo1234', ip: '10.0.0.4' });
      if (!result.ok) throw new Error('login failed');
      const found = await getSessionWithScope(db, result.token);
      expect(found?.session).toEqual(await getSession(db, result.token));
      expect(found?.scope).toEqual(await orgScope(db, orgId));
      const later = new Date(Date.now() + SESSION_TTL_MS + 1000);
      expect(await getSessionWithScope(db, result.token, later)).toBeNull();
      expect(await getSessionWithScope(db, `${result.token}x`)).toBeNull();
      expect(await getSessionWithScope(db, '')).toBeNull();
      await setUserActive(db, { userId: result.session.user.id, active: false });
      expect(await getSessionWithScope(db, result.token)).toBeNull();
    }
  });
});
