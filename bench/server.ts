import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type Disclosure, decodeDisclosure, type Project } from '@jixiao/core';
import { createApp } from '@jixiao/server';
import {
  createOrganization,
  type Database,
  findUserForLogin,
  importDisclosure,
  listProjects,
  openDatabase,
  orgScope,
  seedDemo,
} from '@jixiao/store';
import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import pg from 'pg';
import type { LoadResult } from './load.ts';
import { fmt, mib, peakRss, printTable, type Row, ratio } from './report.ts';
import {
  check,
  closeServer,
  type LoadGenerator,
  listen,
  login,
  startBare,
  startLoadGenerator,
} from './server-http.ts';

const CONNECTIONS = 50;
const WARMUP_MS = 1_000;
const DURATION_MS = 4_000;
/** the unloaded latency, for reference: one connection, shorter */
const SINGLE_WARMUP_MS = 500;
const SINGLE_DURATION_MS = 2_000;
const PROJECTS_SERVED = 100;
const IMPORT_PROJECTS = 1_000;
const IMPORT_RUNS = 3;
const TARGET_P99_MS = 50;
const TARGET_PG_SHARE = 0.25;
const TARGET_IMPORT_S = 10;
const ADMIN_URL = process.env.JIXIAO_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface ServerBenchOptions {
  /** the core this process is pinned to, or null when it is not pinned */
  cpu: string | null;
}

type Kind = 'PGlite' | 'PostgreSQL';

interface Figures {
  bare: LoadResult;
  /** a bare route on this database: one trivial query (`select 1`) per request — the database's ceiling */
  bareQuery: LoadResult;
  detail: LoadResult;
  list: LoadResult;
  /** the same requests over one connection */
  single: { detail: LoadResult; list: LoadResult };
  /** seconds per import of IMPORT_PROJECTS projects, one per run */
  imports: number[];
  /** server process CPU ÷ wall time during each measurement */
  serverCpu: { bare: number; detail: number; list: number };
  rss: number;
}

/** Runs the server bench and prints its table; never throws. */
export async function runServerBench(options: ServerBenchOptions): Promise<void> {
  const cleanups: (() => Promise<void> | void)[] = [];
  const cleanup = async () => {
    for (const f of cleanups.splice(0).reverse()) await Promise.resolve(f()).catch(() => undefined);
  };
  const onSignal = () => {
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const rows: Row[] = [];
  const notes: string[] = [];
  try {
    const load = await startLoadGenerator(options.cpu);
    cleanups.push(() => load.stop());
    const bare = await startBare();
    cleanups.push(() => closeServer(bare.server));

    console.log(
      `\njixiao bench — server: ${CONNECTIONS} concurrent keep-alive connections, ${WARMUP_MS / 1000} s warm-up then ${DURATION_MS / 1000} s per measurement`,
    );
    console.log(
      `server and database client in this process (${options.cpu === null ? 'not pinned' : `pinned to core ${options.cpu}`}); ${load.note}`,
    );
    const busy = await otherWork();
    console.log(
      `machine: ${os.cpus().length} cores; other processes kept ${busy.toFixed(2)} cores busy in the second before the server part${busy > 0.25 ? ' — figures are noisy, ratios less so' : ''}`,
    );
    console.log(
      `data: demo seed + the fixture's projects repeated: ${PROJECTS_SERVED} projects in one department; detail as the preparer, list as the department reviewer\n`,
    );

    const results: [Kind, Figures | string][] = [];
    results.push(['PGlite', await safely(() => benchPglite(load, bare.port, cleanups))]);
    const pgSkip = await postgresUnreachable();
    results.push(['PostgreSQL', pgSkip ?? (await safely(() => benchPostgres(load, bare.port, cleanups)))]);

    for (const [kind, f] of results) {
      if (typeof f === 'string') {
        const skipped = f.startsWith('skipped');
        rows.push({
          what: `server  ${kind}`,
          figure: skipped ? 'skipped (unreachable)' : 'threw (see note)',
          baseline: '',
          ratio: '',
          target: '',
          verdict: skipped ? 'SKIP' : 'FAIL',
        });
        notes.push(`${kind}: ${f}`);
        continue;
      }
      const label = (what: string) => `${what.padEnd(32)}${kind}`;
      rows.push(httpRow(label('detail  GET /api/projects/{id}'), f.detail, f.bare, kind));
      rows.push(httpRow(label('list    GET /api/projects?…'), f.list, f.bare, kind));
      const median = [...f.imports].sort((a, b) => a - b)[Math.floor(f.imports.length / 2)] as number;
      rows.push({
        what: label(`import  ${fmt(IMPORT_PROJECTS)} projects (store)`),
        figure: `${median.toFixed(2)} s (${fmt(IMPORT_PROJECTS / median)} projects/s)`,
        baseline: '—',
        ratio: '—',
        target: `< ${TARGET_IMPORT_S} s`,
        verdict: median < TARGET_IMPORT_S ? 'PASS' : 'FAIL',
      });
      notes.push(
        `${kind}: bare route ${fmt(f.bare.rps)} req/s, p50 ${ms(f.bare.p50)}, p99 ${ms(f.bare.p99)}; ` +
          `server CPU ${pct(f.serverCpu.bare)} / ${pct(f.serverCpu.detail)} / ${pct(f.serverCpu.list)} of a core and ` +
          `load generator CPU ${pct(f.bare.cpu)} / ${pct(f.detail.cpu)} / ${pct(f.list.cpu)} (bare / detail / list)`,
      );
      notes.push(
        `${kind}: a bare route making one trivial query (select 1) per request: ${fmt(f.bareQuery.rps)} req/s, ` +
          `p50 ${ms(f.bareQuery.p50)}, p99 ${ms(f.bareQuery.p99)} — the database's own ceiling under this load ` +
          `(detail and list make 2 queries each: the session, then the page)`,
      );
      notes.push(
        `${kind}: one connection (unloaded): detail ${fmt(f.single.detail.rps)} req/s, p50 ${ms(f.single.detail.p50)}, p99 ${ms(f.single.detail.p99)}; ` +
          `list ${fmt(f.single.list.rps)} req/s, p50 ${ms(f.single.list.p50)}, p99 ${ms(f.single.list.p99)}`,
      );
      notes.push(
        `${kind}: detail ${fmt(f.detail.bodyBytes)} B, list ${fmt(f.list.bodyBytes)} B per response; ` +
          `max latency detail ${ms(f.detail.max)}, list ${ms(f.list.max)}; ` +
          `import runs ${f.imports.map((s) => `${s.toFixed(2)} s`).join(', ')} (median shown); RSS after ${kind}: ${mib(f.rss)}`,
      );
      if (f.bare.cpu > 0.85) {
        notes.push(
          `${kind}: the load generator was ${pct(f.bare.cpu)} busy on the bare route: the baseline is partly client-bound, so ratios to it are generous`,
        );
      }
      for (const [what, r] of [
        ['bare', f.bare],
        ['detail', f.detail],
        ['list', f.list],
      ] as const) {
        if (r.errors > 0) notes.push(`${kind} ${what}: ${r.errors} failed requests, first: ${r.firstError}`);
      }
    }
    printTable(rows);
    console.log(
      `\nRSS: server process ${mib(process.memoryUsage().rss)} at the end, peak ${mib(peakRss())} (core part included); load generator peak ${mib(load.peakRss())}; PostgreSQL's own processes not counted`,
    );
    for (const n of notes) console.log(`note: ${n}`);
  } catch (e) {
    console.log(`server bench could not run: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    await cleanup();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** Cores kept busy by everything on the machine over one second while this bench idles. */
async function otherWork(): Promise<number> {
  const busy = () =>
    os.cpus().reduce((sum, c) => sum + c.times.user + c.times.nice + c.times.sys + c.times.irq, 0);
  const b0 = busy();
  const t0 = performance.now();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  return (busy() - b0) / (performance.now() - t0);
}

async function safely(fn: () => Promise<Figures>): Promise<Figures | string> {
  try {
    return await fn();
  } catch (e) {
    if (process.env.JIXIAO_DEBUG === '1') console.error(e);
    return `threw: ${e instanceof Error ? e.message : String(e)}`;
  }
}

function httpRow(what: string, r: LoadResult, bare: LoadResult, kind: Kind): Row {
  const share = r.rps / bare.rps;
  const fails: string[] = [];
  if (!(r.p99 < TARGET_P99_MS)) fails.push('p99');
  if (kind === 'PostgreSQL' && share < TARGET_PG_SHARE) fails.push('req/s');
  if (r.errors > 0) fails.push('errors');
  const target =
    kind === 'PostgreSQL'
      ? `p99 < ${TARGET_P99_MS} ms, ≥ ${TARGET_PG_SHARE * 100}% of bare`
      : `p99 < ${TARGET_P99_MS} ms`;
  return {
    what,
    figure: `${fmt(r.rps)} req/s, p50 ${ms(r.p50)}, p99 ${ms(r.p99)}`,
    baseline: `${fmt(bare.rps)} req/s bare route`,
    ratio: ratio(r.rps, bare.rps),
    target,
    verdict: fails.length === 0 ? 'PASS' : `FAIL (${fails.join(', ')})`,
  };
}

const ms = (v: number) => `${v < 10 ? v.toFixed(1) : v.toFixed(0)} ms`;
const pct = (v: number) => `${Math.round(v * 100)}%`;

// ---------------------------------------------------------------------------------------------
// databases

async function benchPglite(
  load: LoadGenerator,
  barePort: number,
  cleanups: (() => Promise<void> | void)[],
): Promise<Figures> {
  const dir = mkdtempSync(join(os.tmpdir(), 'jixiao-bench-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const database = await openDatabase({ url: '', dataDir: dir });
  return benchDatabase(database, load, barePort, cleanups);
}

async function benchPostgres(
  load: LoadGenerator,
  barePort: number,
  cleanups: (() => Promise<void> | void)[],
): Promise<Figures> {
  const name = `jixiao_bench_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  cleanups.push(() => adminQuery(`drop database if exists ${name} with (force)`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  // as `npm start` opens it: the default pool
  const database = await openDatabase({ url: url.toString() });
  return benchDatabase(database, load, barePort, cleanups);
}

async function adminQuery(q: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(q);
  } finally {
    await client.end();
  }
}

/** A reason to skip PostgreSQL, or null when its server answers. */
async function postgresUnreachable(): Promise<string | null> {
  try {
    await adminQuery('select 1');
    return null;
  } catch (e) {
    const where = ADMIN_URL.replace(/:[^:@/]*@/, ':***@');
    return `skipped, PostgreSQL unreachable at ${where} (${e instanceof Error ? e.message : String(e)})`;
  }
}

function fixture(): Disclosure {
  const url = new URL('../testdata/songjiang-zfw-2024.json', import.meta.url);
  return decodeDisclosure(JSON.parse(readFileSync(url, 'utf8')));
}

/** The fixture with its projects repeated to `n`. */
function repeated(n: number): Disclosure {
  const d = fixture();
  const projects = Array.from({ length: n }, (_, i) => structuredClone(d.projects[i % d.projects.length]));
  return { ...d, projects: projects as Project[] };
}

async function benchDatabase(
  database: Database,
  load: LoadGenerator,
  barePort: number,
  cleanups: (() => Promise<void> | void)[],
): Promise<Figures> {
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await database.close();
  };
  cleanups.push(close);
  const { db } = database;
  const { seeded } = await seedDemo(db);
  if (!seeded) throw new Error('the demo seed found users in a fresh database');
  const preparer = await user(database, 'tianbao');
  const reviewer = await user(database, 'bumen');
  const admin = await user(database, 'admin');
  const unitId = preparer.orgId;
  const departmentId = reviewer.orgId;
  const { regionId } = await orgScope(db, departmentId);
  const have = (await listProjects(db, { unitId, pageSize: 500 })).total;
  await importDisclosure(db, {
    departmentId,
    disclosure: repeated(PROJECTS_SERVED - have),
    actor: { userId: reviewer.id, role: reviewer.role },
  });
  const ids = (await listProjects(db, { unitId, pageSize: 500 })).items.map((p) => p.id);
  if (ids.length !== PROJECTS_SERVED)
    throw new Error(`${ids.length} projects in the unit, not ${PROJECTS_SERVED}`);

  const app = createApp(database);
  const server = await listen(app.fetch);
  cleanups.push(() => closeServer(server.server));
  const prepCookie = await login(server.port, 'tianbao');
  const revCookie = await login(server.port, 'bumen');

  const detailPaths = ids.map((id) => `/api/projects/${id}`);
  const listPaths = [1, 2, 3, 4, 5].map(
    (page) => `/api/projects?year=2024&sort=annualTotal&order=desc&pageSize=20&page=${page}`,
  );
  // Every path answers 200 before any load: a wrong cookie or path must not be measured as speed.
  await check(server.port, detailPaths[0] as string, prepCookie, (b) => b.id === ids[0]);
  await check(server.port, listPaths[0] as string, revCookie, (b) => b.total === PROJECTS_SERVED);

  const measure = async (port: number, paths: string[], cookie: string | null, connections = CONNECTIONS) => {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const single = connections === 1;
    const r = await load.run({
      port,
      paths,
      headers: cookie ? { cookie, accept: 'application/json' } : { accept: 'application/json' },
      connections,
      warmupMs: single ? SINGLE_WARMUP_MS : WARMUP_MS,
      durationMs: single ? SINGLE_DURATION_MS : DURATION_MS,
    });
    // whole job, warm-up included: the server's CPU over the same load
    const cpu = process.cpuUsage(cpu0);
    return { r, cpu: (cpu.user + cpu.system) / 1000 / (performance.now() - t0) };
  };
  const bare = await measure(barePort, ['/bare'], null);
  const bareQueryApp = new Hono().get('/bare-query', async (c) => {
    await db.execute(sql`select 1`);
    return c.json({ ok: true });
  });
  const bareQueryServer = await listen(bareQueryApp.fetch);
  cleanups.push(() => closeServer(bareQueryServer.server));
  const bareQuery = await measure(bareQueryServer.port, ['/bare-query'], null);
  await closeServer(bareQueryServer.server);
  const detail = await measure(server.port, detailPaths, prepCookie);
  const list = await measure(server.port, listPaths, revCookie);
  const single = {
    detail: (await measure(server.port, detailPaths, prepCookie, 1)).r,
    list: (await measure(server.port, listPaths, revCookie, 1)).r,
  };
  await closeServer(server.server);

  const imports: number[] = [];
  const big = repeated(IMPORT_PROJECTS);
  for (let run = 1; run <= IMPORT_RUNS; run++) {
    const dept = await createOrganization(db, {
      kind: 'department',
      name: `基准测试部门 ${run}`,
      parentId: regionId,
      actor: { userId: admin.id, role: admin.role },
    });
    const t = performance.now();
    const { projectIds } = await importDisclosure(db, {
      departmentId: dept.id,
      disclosure: big,
      actor: { userId: admin.id, role: admin.role },
    });
    imports.push((performance.now() - t) / 1000);
    if (projectIds.length !== IMPORT_PROJECTS) throw new Error(`imported ${projectIds.length} projects`);
  }
  const rss = process.memoryUsage().rss;
  await close();
  return {
    bare: bare.r,
    bareQuery: bareQuery.r,
    detail: detail.r,
    list: list.r,
    single,
    imports,
    serverCpu: { bare: bare.cpu, detail: detail.cpu, list: list.cpu },
    rss,
  };
}

async function user(database: Database, username: string) {
  const u = await findUserForLogin(database.db, username);
  if (!u) throw new Error(`demo user ${username} missing`);
  return u;
}
