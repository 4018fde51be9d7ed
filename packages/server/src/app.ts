/**
 * The HTTP API: one OpenAPIHono app with the error mapper, body limits, sessions and CSRF
 * defence in front of the routes. `createApp` needs an open, migrated database.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Database } from '@jixiao/store';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { type AppEnv, type ServerOptions, sessionMiddleware } from './auth.ts';
import { ApiError, errorResponse } from './errors.ts';
import { authRoutes } from './routes/auth.ts';
import { commentRoutes } from './routes/comments.ts';
import { departmentRoutes } from './routes/departments.ts';
import { fileRoutes } from './routes/files.ts';
import { importRoutes, MAX_FILE_MB } from './routes/imports.ts';
import { metaRoutes } from './routes/meta.ts';
import { orgRoutes } from './routes/orgs.ts';
import { projectRoutes } from './routes/projects.ts';
import { publicRoutes } from './routes/public.ts';
import { revisionRoutes } from './routes/revisions.ts';
import { suggestionRoutes } from './routes/suggestions.ts';
import { userRoutes } from './routes/users.ts';
import { workflowRoutes } from './routes/workflow.ts';
import { yearRoutes } from './routes/years.ts';
import { webRoutes } from './web.ts';

export type { AppEnv, ServerOptions } from './auth.ts';

const MB = 1024 * 1024;
/**
 * Imports (and their previews) carry whole documents: a file of up to MAX_FILE_MB, base64-encoded
 * (4/3 of its size) in JSON; everything else is a form or less.
 */
export const BODY_LIMITS = { import: Math.ceil((MAX_FILE_MB * 4) / 3) * MB, default: 1 * MB };
const IMPORT_PATH = /^\/api\/departments\/[^/]+\/imports(\/preview)?$/;

function limits(): MiddlewareHandler {
  const tooLarge = (limit: number) => () => {
    throw new ApiError('PAYLOAD_TOO_LARGE', `请求体过大（上限 ${limit / MB} MB）`);
  };
  const big = bodyLimit({ maxSize: BODY_LIMITS.import, onError: tooLarge(BODY_LIMITS.import) });
  const small = bodyLimit({ maxSize: BODY_LIMITS.default, onError: tooLarge(BODY_LIMITS.default) });
  return (c, next) => (IMPORT_PATH.test(c.req.path) ? big(c, next) : small(c, next));
}

/** JSON in, JSON out: a body of another type is refused before anything reads it. */
const jsonOnly: MiddlewareHandler = async (c, next) => {
  const type = c.req.header('content-type');
  if (type !== undefined && !/^application\/([\w.-]+\+)?json\s*(;|$)/i.test(type)) {
    throw new ApiError('UNSUPPORTED_MEDIA_TYPE');
  }
  await next();
};

/** API answers are not stored, unless a route decides otherwise (public downloads). */
const noStore: MiddlewareHandler = async (c, next) => {
  await next();
  if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'same-origin');
};

/** The app over a database. */
export function createApp(database: Database, options: ServerOptions = {}): OpenAPIHono<AppEnv> {
  const { db } = database;
  const app = new OpenAPIHono<AppEnv>({
    // Invalid input goes through the one error mapper, as a 400 with field paths.
    defaultHook: (result) => {
      if (!result.success) throw result.error;
    },
  });
  app.onError(errorResponse);
  app.notFound((c) =>
    errorResponse(new ApiError('NOT_FOUND', `没有这个接口：${c.req.method} ${c.req.path}`), c),
  );

  app.use('/api/*', noStore);
  app.use('/api/*', limits());
  app.use('/api/*', jsonOnly);
  app.use('/api/*', sessionMiddleware(db, options));

  metaRoutes(app, database);
  authRoutes(app, db, options);
  orgRoutes(app, db);
  yearRoutes(app, db);
  userRoutes(app, db);
  projectRoutes(app, db);
  revisionRoutes(app, db);
  suggestionRoutes(app, db);
  commentRoutes(app, db);
  workflowRoutes(app, db);
  departmentRoutes(app, db);
  importRoutes(app, db);
  fileRoutes(app, db);
  publicRoutes(app, db);
  if (options.webRoot !== undefined) webRoutes(app, options.webRoot);
  return app;
}
