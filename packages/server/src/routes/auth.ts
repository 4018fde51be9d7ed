/** Login, logout and the current user. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { type Db, getOrganization, login, logout, orgScope, type Session } from '@jixiao/store';
import {
  type AppEnv,
  clearSessionCookie,
  clientIp,
  requirePrincipal,
  type ServerOptions,
  secured,
  setSessionCookie,
} from '../auth.ts';
import { ApiError, errorResponses } from '../errors.ts';
import { presentOrg, presentUser } from '../presenters.ts';
import { jsonBody, jsonResponse, Me } from '../schemas.ts';

const loginRoute = createRoute({
  method: 'post',
  path: '/api/auth/login',
  tags: ['登录'],
  summary: '登录（设置会话 Cookie）',
  request: {
    body: jsonBody(z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) })),
  },
  responses: {
    200: jsonResponse(Me, '已登录；Set-Cookie: jixiao_session（HttpOnly, SameSite=Lax）'),
    ...errorResponses(400, 401, 403, 429),
  },
});

const logoutRoute = createRoute({
  method: 'post',
  path: '/api/auth/logout',
  tags: ['登录'],
  summary: '退出登录',
  responses: { 200: jsonResponse(z.object({ ok: z.literal(true) }), '已退出'), ...errorResponses(403) },
});

const meRoute = createRoute({
  method: 'get',
  path: '/api/auth/me',
  tags: ['登录'],
  summary: '当前用户、所属组织与 CSRF 令牌',
  ...secured,
  responses: { 200: jsonResponse(Me, '当前用户'), ...errorResponses(401) },
});

const sessionRoute = createRoute({
  method: 'get',
  path: '/api/auth/session',
  tags: ['登录'],
  summary: '当前会话：已登录时同 /api/auth/me，未登录时 me 为 null（不报 401，供网页端启动时询问）',
  responses: { 200: jsonResponse(z.object({ me: Me.nullable() }), '当前会话') },
});

export function authRoutes(app: OpenAPIHono<AppEnv>, db: Db, options: ServerOptions): void {
  app.openapi(loginRoute, async (c) => {
    const { username, password } = c.req.valid('json');
    const result = await login(db, { username, password, ip: clientIp(c, options) });
    if (!result.ok) {
      if (result.reason === 'invalid') throw new ApiError('INVALID_CREDENTIALS');
      throw new ApiError('RATE_LIMITED', `登录尝试过于频繁，请 ${result.retryAfterSeconds} 秒后再试`, {
        headers: { 'Retry-After': String(result.retryAfterSeconds) },
      });
    }
    setSessionCookie(c, result.token, result.session.expiresAt, options);
    return c.json(await meBody(db, result.session), 200);
  });

  app.openapi(logoutRoute, async (c) => {
    const token = c.get('sessionToken');
    if (token) await logout(db, token);
    clearSessionCookie(c);
    return c.json({ ok: true as const }, 200);
  });

  app.openapi(sessionRoute, async (c) => {
    const session = c.get('session');
    return c.json({ me: session ? await meBody(db, session) : null }, 200);
  });

  app.openapi(meRoute, async (c) => {
    requirePrincipal(c);
    const session = c.get('session');
    if (!session) throw new ApiError('UNAUTHENTICATED');
    return c.json(await meBody(db, session), 200);
  });
}

/** The current user, their organisation and scope, and the session's CSRF token. */
async function meBody(db: Db, session: Session) {
  const org = await getOrganization(db, session.user.orgId);
  const scope = await orgScope(db, org.id);
  return {
    user: presentUser(session.user),
    organization: presentOrg(org),
    scope: { regionId: scope.regionId, departmentId: scope.departmentId, unitId: scope.unitId },
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt.toISOString(),
  };
}
