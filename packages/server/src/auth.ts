/**
 * Sessions and request-forgery defence. The session cookie (HttpOnly, SameSite=Lax) carries a
 * random token; the session lives in the database. Every non-GET request must come from our own
 * origin, and one made with a session cookie must also carry the session's `X-CSRF-Token`.
 */
import { timingSafeEqual } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import { type Db, getSessionWithScope, type Session } from '@jixiao/store';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { ApiError } from './errors.ts';
import type { Principal } from './policies.ts';

export const SESSION_COOKIE = 'jixiao_session';
export const CSRF_HEADER = 'X-CSRF-Token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Login makes a new session: the Origin check guards it; an old cookie's token is not needed. */
const CSRF_TOKEN_EXEMPT = new Set(['/api/auth/login']);

export interface ServerOptions {
  /** take the client IP from `X-Forwarded-For` (behind a reverse proxy); default false */
  trustProxy?: boolean;
  /** origins besides the server's own that may write (`https://jixiao.example`) */
  allowedOrigins?: string[];
  /** send the cookie with `Secure`; default: when the request came over https */
  secureCookie?: boolean;
  /** serve the built web app from this folder at `/` (main.ts: packages/web/dist); default: API only */
  webRoot?: string;
}

export type AppEnv = {
  Variables: {
    principal: Principal | null;
    session: Session | null;
    sessionToken: string | null;
  };
};

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Refuses writes from another site: `Origin` must be ours (or allowed); browsers always send it. */
function checkOrigin(c: Context, options: ServerOptions): void {
  const origin = c.req.header('origin');
  if (origin === undefined) {
    // No Origin: not a browser's cross-site form or fetch, unless Fetch Metadata says so.
    if (c.req.header('sec-fetch-site') === 'cross-site') throw new ApiError('CSRF_FAILED');
    return;
  }
  const own = new URL(c.req.url);
  const forwardedHost = options.trustProxy ? c.req.header('x-forwarded-host') : undefined;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new ApiError('CSRF_FAILED');
  }
  if (host === own.host || host === forwardedHost) return;
  if (options.allowedOrigins?.includes(origin)) return;
  throw new ApiError('CSRF_FAILED');
}

/** Loads the session (if any) and enforces the origin and CSRF-token checks. */
export function sessionMiddleware(db: Db, options: ServerOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const write = !SAFE_METHODS.has(c.req.method);
    if (write) checkOrigin(c, options);
    const token = getCookie(c, SESSION_COOKIE) ?? null;
    const found = token ? await getSessionWithScope(db, token) : null;
    const session = found?.session ?? null;
    if (session && write && !CSRF_TOKEN_EXEMPT.has(c.req.path)) {
      if (!sameToken(c.req.header(CSRF_HEADER) ?? '', session.csrfToken)) throw new ApiError('CSRF_FAILED');
    }
    let principal: Principal | null = null;
    if (found && session) {
      const { scope } = found;
      principal = {
        userId: session.user.id,
        username: session.user.username,
        displayName: session.user.displayName,
        role: session.user.role,
        orgId: session.user.orgId,
        regionId: scope.regionId,
        departmentId: scope.departmentId,
        unitId: scope.unitId,
      };
    }
    c.set('session', session);
    c.set('sessionToken', session ? token : null);
    c.set('principal', principal);
    await next();
  };
}

/** The logged-in user: the first step of every non-public route. @throws UNAUTHENTICATED */
export function requirePrincipal(c: Context<AppEnv>): Principal {
  const p = c.get('principal');
  if (!p) throw new ApiError('UNAUTHENTICATED');
  return p;
}

/** The store's actor for a principal. */
export const actorOf = (p: Principal) => ({ userId: p.userId, role: p.role });

export function clientIp(c: Context, options: ServerOptions): string {
  if (options.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // no socket: app.request() in tests
  }
}

export function setSessionCookie(c: Context, token: string, expiresAt: Date, options: ServerOptions): void {
  const https = new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/api',
    secure: options.secureCookie ?? https,
    maxAge: Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000)),
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/api' });
}

/** Route middleware: 401 before any validation when there is no session. */
export const requireSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  requirePrincipal(c);
  await next();
};

/** Spread into a `createRoute` config: needs a session (documented as the cookie scheme). */
export const secured = {
  middleware: [requireSession],
  security: [{ session: [] }],
};
