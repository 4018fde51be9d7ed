/**
 * The server bench's plumbing: HTTP servers on loopback, logins and checks, and the load generator
 * child process (`load.ts`), pinned to a core of its own when there is one.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { type ServerType, serve } from '@hono/node-server';
import { DEMO_PASSWORD } from '@jixiao/store';
import { Hono } from 'hono';
import type { LoadJob, LoadResult } from './load.ts';

// ---------------------------------------------------------------------------------------------
// HTTP

export interface Listening {
  server: ServerType;
  port: number;
}

export function listen(fetch: (request: Request) => Response | Promise<Response>): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve({ server, port: info.port }),
    );
    server.once('error', reject);
  });
}

/** The bare baseline: a minimal Hono app with one JSON route, on its own server. */
export async function startBare(): Promise<Listening> {
  const bare = new Hono();
  bare.get('/bare', (c) => c.json({ ok: true }));
  return listen(bare.fetch);
}

export function closeServer(server: ServerType): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    (server as { closeAllConnections?: () => void }).closeAllConnections?.();
  });
}

export async function login(port: number, username: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: HTTP ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('jixiao_session='));
  if (!cookie) throw new Error(`login ${username}: no session cookie`);
  return cookie.split(';')[0] as string;
}

export async function check(
  port: number,
  path: string,
  cookie: string,
  ok: (body: Record<string, unknown>) => boolean,
): Promise<void> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { headers: { cookie } });
  const body = (await res.json()) as Record<string, unknown>;
  if (res.status !== 200 || !ok(body)) {
    throw new Error(`GET ${path}: HTTP ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// the load generator child

export interface LoadGenerator {
  run(job: LoadJob): Promise<LoadResult>;
  stop(): void;
  peakRss(): number;
  /** where it runs, for the header */
  note: string;
}

/** The core for the load generator: `JIXIAO_BENCH_LOAD_CPU`, else the next one after the server's. */
export function loadCpu(serverCpu: string | null): string | null {
  if (process.env.JIXIAO_BENCH_LOAD_CPU) return process.env.JIXIAO_BENCH_LOAD_CPU;
  // the machine's cores, not availableParallelism(): that one only counts this process's (pinned) core
  const n = os.cpus().length;
  if (serverCpu === null || n < 2 || !/^\d+$/.test(serverCpu)) return null;
  return String((Number(serverCpu) + 1) % n);
}

export async function startLoadGenerator(serverCpu: string | null): Promise<LoadGenerator> {
  const script = fileURLToPath(new URL('./load.ts', import.meta.url));
  const node = [...process.execArgv, script];
  const cpu = loadCpu(serverCpu);
  let child: ChildProcess;
  let note: string;
  if (cpu !== null) {
    child = spawn('taskset', ['-c', cpu, process.execPath, ...node], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    note = `load generator: a child process pinned to core ${cpu}`;
  } else {
    child = spawn(process.execPath, node, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    note =
      serverCpu === null
        ? 'load generator: a child process, not pinned'
        : `load generator: a child process sharing core ${serverCpu} (only one core available): figures understate the server`;
  }
  let peak = 0;
  await new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`load generator exited (${code}) before it was ready`)));
    child.once('message', () => resolve());
  });
  child.removeAllListeners('exit');
  return {
    note,
    peakRss: () => peak,
    stop: () => {
      if (child.connected) child.disconnect();
      if (child.exitCode === null) child.kill();
    },
    run: (job) =>
      new Promise((resolve, reject) => {
        const onExit = (code: number | null) => reject(new Error(`load generator exited (${code})`));
        child.once('exit', onExit);
        child.once('message', (m: { ok: boolean; result?: LoadResult; error?: string }) => {
          child.off('exit', onExit);
          if (m.ok && m.result) {
            peak = Math.max(peak, m.result.peakRss);
            resolve(m.result);
          } else reject(new Error(`load generator: ${m.error}`));
        });
        child.send(job);
      }),
  };
}
