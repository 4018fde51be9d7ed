/**
 * `npm start`: opens the database (PGlite in `JIXIAO_DATA_DIR`, default ./data, or `DATABASE_URL`),
 * migrates it, loads the demo unless `JIXIAO_DEMO=0`, and serves the API on `PORT` (default 8080).
 */
import { serve } from '@hono/node-server';
import { DEMO_PASSWORD, openDatabase, ROLE_NAMES, seedDemo } from '@jixiao/store';
import { createApp } from './app.ts';
import { DEFAULT_WEB_ROOT } from './web.ts';

const port = Number(process.env.PORT ?? 8080);
const hostname = process.env.HOST;
const demo = process.env.JIXIAO_DEMO !== '0';

const database = await openDatabase();
console.log(`数据库：${database.kind === 'pglite' ? 'PGlite' : 'PostgreSQL'} ${database.location}`);

if (demo) {
  const { seeded, accounts } = await seedDemo(database.db);
  if (seeded) {
    console.log(`已载入演示数据。演示账号（密码均为 ${DEMO_PASSWORD}）：`);
    for (const a of accounts) console.log(`  ${a.username.padEnd(10)} ${ROLE_NAMES[a.role]}  ${a.orgName}`);
  } else {
    console.log(
      `演示模式：数据库中已有用户，未重新载入（演示账号密码 ${DEMO_PASSWORD}：tianbao、bumen、caizheng、admin）`,
    );
  }
}

const app = createApp(database, {
  trustProxy: process.env.JIXIAO_TRUST_PROXY === '1',
  allowedOrigins: (process.env.JIXIAO_ALLOWED_ORIGINS ?? '').split(',').filter(Boolean),
  webRoot: process.env.JIXIAO_WEB_ROOT ?? DEFAULT_WEB_ROOT,
});

const server = serve({ fetch: app.fetch, port, ...(hostname ? { hostname } : {}) }, (info) => {
  console.log(`jixiao 已启动：http://localhost:${info.port}/ （接口 /api，说明 /api/docs）`);
});

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`收到 ${signal}，正在停止…`);
  server.close();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
