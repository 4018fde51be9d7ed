#!/usr/bin/env node
// Runs the database-backed tests (store, server) a second time on PostgreSQL. The URL comes from
// JIXIAO_TEST_DATABASE_URL (default: the local server, trust auth, database `test`). When the server
// cannot be reached the run fails under CI (JIXIAO_REQUIRE_POSTGRES=1, set by .ci/run) and is
// skipped, loudly, elsewhere.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import pg from 'pg';

const url = process.env.JIXIAO_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const dirs = ['packages/store', 'packages/server', 'packages/cli/src/db.test.ts'].filter((d) =>
  existsSync(d),
);
const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
try {
  await client.connect();
  await client.end();
} catch (e) {
  const msg = `PostgreSQL 不可用（${url.replace(/:[^:@/]*@/, ':***@')}）：${e.message}`;
  if (process.env.JIXIAO_REQUIRE_POSTGRES === '1') {
    console.error(`✖ ${msg}`);
    process.exit(1);
  }
  console.warn(`⚠ ${msg}，跳过 PostgreSQL 上的测试`);
  process.exit(0);
}
console.log(`PostgreSQL tests: ${dirs.join(' ')} on ${url.replace(/:[^:@/]*@/, ':***@')}`);
const r = spawnSync('npx', ['vitest', 'run', ...dirs], {
  stdio: 'inherit',
  env: { ...process.env, DATABASE_URL: url },
});
process.exit(r.status ?? 1);
