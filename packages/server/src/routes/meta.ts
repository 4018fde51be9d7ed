/** Health, the OpenAPI document and its reference page. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Database } from '@jixiao/store';
import { sql } from 'drizzle-orm';
import { type AppEnv, SESSION_COOKIE } from '../auth.ts';
import { ERRORS } from '../errors.ts';
import { renderReferencePage } from '../reference-page.ts';
import { jsonResponse } from '../schemas.ts';

const healthRoute = createRoute({
  method: 'get',
  path: '/api/health',
  tags: ['系统'],
  summary: '健康检查（含数据库连通）',
  responses: {
    200: jsonResponse(
      z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']), time: z.string() }),
      '正常',
    ),
  },
});

export const OPENAPI_INFO = {
  openapi: '3.1.0',
  info: {
    title: 'jixiao 绩效 API',
    version: '0.1.0',
    description:
      '项目预算绩效目标的编报、审核与公开。除 /api/health、/api/auth/login 与 /api/public/… 外均需登录（会话 Cookie）；' +
      '带会话的写请求须附 X-CSRF-Token（见 /api/auth/me）。错误体为 {error:{code,message,fields?,details?}}，' +
      `错误码：${Object.keys(ERRORS).join('、')}。`,
  },
};

export function metaRoutes(app: OpenAPIHono<AppEnv>, database: Database): void {
  app.openapi(healthRoute, async (c) => {
    await database.db.execute(sql`select 1`);
    return c.json({ status: 'ok' as const, database: database.kind, time: new Date().toISOString() }, 200);
  });

  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: 'POST /api/auth/login 设置的会话 Cookie（HttpOnly, SameSite=Lax）',
  });
  app.doc31('/api/openapi.json', OPENAPI_INFO);

  let page: string | undefined;
  app.get('/api/docs', (c) => {
    page ??= renderReferencePage(app.getOpenAPI31Document(OPENAPI_INFO));
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
    return c.html(page);
  });
}
