/**
 * Serves the built web app (`packages/web/dist`) at `/`: hashed assets for a year, and
 * `index.html` (never cached, so a new build is picked up) for every other non-API path, so the
 * app's own router handles deep links like `/projects/12`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './auth.ts';

/** Where `npm run build -w @jixiao/web` puts the app. */
export const DEFAULT_WEB_ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/** The same headers the API sends, and a policy that allows only the app's own scripts. */
const PAGE_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
    "font-src 'self' data:; connect-src 'self'; frame-src 'self' blob:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'",
};

/**
 * Mounts the web app found in `root`; returns false (and mounts nothing) when it has not been built,
 * so the API still runs — `/` then says how to build it.
 */
export function webRoutes(app: OpenAPIHono<AppEnv>, root: string = DEFAULT_WEB_ROOT): boolean {
  const indexFile = join(root, 'index.html');
  if (!existsSync(indexFile)) {
    app.get('/', (c) =>
      c.text('网页端尚未构建：请先运行 npm run build -w @jixiao/web（接口在 /api，说明见 /api/docs）', 503),
    );
    return false;
  }
  const index = readFileSync(indexFile, 'utf8');
  // serveStatic builds its response before `onFound` runs, so headers are set on the way out
  app.use('/assets/*', async (c, next) => {
    await next();
    if (c.res.status === 200) {
      c.res.headers.set('Cache-Control', 'public, max-age=31536000, immutable');
      c.res.headers.set('X-Content-Type-Options', 'nosniff');
    }
  });
  // the build writes .br and .gz beside each script and stylesheet (vite.config.ts)
  app.use('/assets/*', serveStatic({ root, precompressed: true }));
  app.get('*', async (c, next) => {
    if (c.req.path.startsWith('/api/') || c.req.path.startsWith('/assets/')) return next();
    for (const [k, v] of Object.entries(PAGE_HEADERS)) c.header(k, v);
    c.header('Cache-Control', 'no-cache');
    return c.html(index);
  });
  return true;
}
