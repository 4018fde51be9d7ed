/**
 * Sessions in the database, so any server process can serve any request. The cookie carries a
 * random token; the database keeps only its sha256, so a leaked table cannot be replayed. Each
 * session has its own CSRF token. Logins are rate-limited from `login_attempts`.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, count, desc, eq, gt, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { recordAudit } from './audit.ts';
import type { Db } from './db.ts';
import { notFound } from './errors.ts';
import type { OrgScope } from './orgs.ts';
import { dummyPasswordHash, verifyPassword } from './passwords.ts';
import { loginAttempts, organizations, sessions, users } from './schema.ts';
import { findUserForLogin, USER_COLUMNS, type User } from './users.ts';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
/** failures per username (since its last success) in the window before logins are refused */
export const MAX_FAILURES_PER_USERNAME = 5;
/** failures per IP in the window before logins are refused */
export const MAX_FAILURES_PER_IP = 20;

export interface Session {
  user: User;
  csrfToken: string;
  expiresAt: Date;
}

export type LoginResult =
  | { ok: true; token: string; session: Session }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'rate_limited'; retryAfterSeconds: number };

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

/**
 * Logs in: refused without checking the password once the username or the IP has too many recent
 * failures; otherwise checks the password (in constant time, also for unknown users) and on
 * success creates a session. Every attempt is recorded.
 */
export async function login(
  db: Db,
  input: { username: string; password: string; ip: string; now?: Date },
): Promise<LoginResult> {
  const now = input.now ?? new Date();
  const username = input.username.trim().toLowerCase();
  const limited = await rateLimit(db, username, input.ip, now);
  if (limited !== null) return { ok: false, reason: 'rate_limited', retryAfterSeconds: limited };

  const user = await findUserForLogin(db, username);
  const passwordOk = await verifyPassword(input.password, user?.passwordHash ?? (await dummyPasswordHash()));
  const success = Boolean(user?.active) && passwordOk;
  await db.insert(loginAttempts).values({ username, ip: input.ip, success, at: now });
  if (!success || !user) return { ok: false, reason: 'invalid' };

  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await db.transaction(async (tx) => {
    await tx
      .insert(sessions)
      .values({ id: sha256(token), userId: user.id, csrfToken, createdAt: now, expiresAt });
    await recordAudit(tx, { userId: user.id, role: user.role }, 'auth.login', 'user', user.id, {
      ip: input.ip,
    });
  });
  const { passwordHash: _hash, ...publicUser } = user;
  return { ok: true, token, session: { user: publicUser, csrfToken, expiresAt } };
}

/**
 * Seconds until a login may be tried again, or null when it may be tried now. Failures of a
 * username count from its last success, so a user who got in is not locked by older typos.
 */
async function rateLimit(db: Db, username: string, ip: string, now: Date): Promise<number | null> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const [lastSuccess] = await db
    .select({ at: loginAttempts.at })
    .from(loginAttempts)
    .where(
      and(eq(loginAttempts.username, username), eq(loginAttempts.success, true), gt(loginAttempts.at, since)),
    )
    .orderBy(desc(loginAttempts.at))
    .limit(1);
  const userSince = lastSuccess && lastSuccess.at > since ? lastSuccess.at : since;
  const failures = async (where: ReturnType<typeof and>) => {
    const rows = await db
      .select({ at: loginAttempts.at })
      .from(loginAttempts)
      .where(where)
      .orderBy(desc(loginAttempts.at));
    return rows.map((r) => r.at);
  };
  const byUser = await failures(
    and(
      eq(loginAttempts.username, username),
      eq(loginAttempts.success, false),
      gt(loginAttempts.at, userSince),
    ),
  );
  const byIp = await failures(
    and(eq(loginAttempts.ip, ip), eq(loginAttempts.success, false), gt(loginAttempts.at, since)),
  );
  const waits: number[] = [];
  // Refused until the oldest failure that still counts leaves the window.
  const wait = (ats: Date[], max: number) => {
    const oldestCounted = ats[max - 1];
    if (ats.length >= max && oldestCounted) {
      waits.push(Math.ceil((oldestCounted.getTime() + LOGIN_WINDOW_MS - now.getTime()) / 1000));
    }
  };
  wait(byUser, MAX_FAILURES_PER_USERNAME);
  wait(byIp, MAX_FAILURES_PER_IP);
  return waits.length === 0 ? null : Math.max(1, ...waits);
}

/** The session of a cookie token, or null when unknown, expired or the user is deactivated. */
export async function getSession(db: Db, token: string, now: Date = new Date()): Promise<Session | null> {
  return (await getSessionWithScope(db, token, now))?.session ?? null;
}

const parentOrg = alias(organizations, 'parent_org');

function sessionScopeQuery(db: Db) {
  return db
    .select({
      csrfToken: sessions.csrfToken,
      expiresAt: sessions.expiresAt,
      ...USER_COLUMNS,
      orgKind: organizations.kind,
      orgParentId: organizations.parentId,
      parentId: parentOrg.id,
      parentParentId: parentOrg.parentId,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(organizations, eq(organizations.id, users.orgId))
    .leftJoin(parentOrg, eq(parentOrg.id, organizations.parentId))
    .where(
      and(
        eq(sessions.id, sql.placeholder('id')),
        gt(sessions.expiresAt, sql`${sql.placeholder('now')}::timestamptz`),
      ),
    )
    .prepare('jixiao_session_scope');
}

/** One prepared statement per database: the SQL is built once, PostgreSQL plans it once per connection. */
const sessionScopeQueries = new WeakMap<Db, ReturnType<typeof sessionScopeQuery>>();

/**
 * The session of a cookie token with its user's organisation scope (as `orgScope` gives it), in
 * one prepared query; null when unknown, expired or the user is deactivated.
 *
 * @throws StoreError NOT_FOUND when the user's organisation (or the parent it needs) is missing
 */
export async function getSessionWithScope(
  db: Db,
  token: string,
  now: Date = new Date(),
): Promise<{ session: Session; scope: OrgScope } | null> {
  if (token === '') return null;
  let query = sessionScopeQueries.get(db);
  if (!query) {
    query = sessionScopeQuery(db);
    sessionScopeQueries.set(db, query);
  }
  const [row] = await query.execute({ id: sha256(token), now: now.toISOString() });
  if (!row?.active) return null;
  const { csrfToken, expiresAt, orgKind, orgParentId, parentId, parentParentId, ...user } = row;
  const session: Session = { user, csrfToken, expiresAt };
  const orgId = user.orgId;
  if (orgKind === null) throw notFound('组织', orgId);
  if (orgKind === 'region') {
    return { session, scope: { orgId, kind: 'region', regionId: orgId, departmentId: null, unitId: null } };
  }
  if (parentId === null) throw notFound('组织', orgParentId ?? 0);
  if (orgKind === 'department') {
    return {
      session,
      scope: { orgId, kind: 'department', regionId: parentId, departmentId: orgId, unitId: null },
    };
  }
  return {
    session,
    scope: { orgId, kind: 'unit', regionId: parentParentId ?? 0, departmentId: parentId, unitId: orgId },
  };
}

/** Ends a session (no error when there is none). */
export async function logout(db: Db, token: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ userId: sessions.userId, role: users.role })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(sessions.id, sha256(token)));
    if (!row) return;
    await tx.delete(sessions).where(eq(sessions.id, sha256(token)));
    await recordAudit(tx, row, 'auth.logout', 'user', row.userId);
  });
}

/** Deletes expired sessions and login attempts older than a day; returns how many sessions went. */
export async function pruneSessions(db: Db, now: Date = new Date()): Promise<number> {
  const gone = await db.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ id: sessions.id });
  await db.delete(loginAttempts).where(lt(loginAttempts.at, new Date(now.getTime() - 24 * 60 * 60 * 1000)));
  return gone.length;
}

/** Number of live sessions of a user (for tests and the admin view). */
export async function countSessions(db: Db, userId: number, now: Date = new Date()): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now)));
  return row?.n ?? 0;
}
