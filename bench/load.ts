/**
 * The server bench's load generator, run as a child process (pinned to a core of its own when
 * there is one) so that the server's core does not also pay for the client. It takes jobs over IPC
 * and answers each with its figures:
 *
 * - `connections` request loops share one keep-alive `http.Agent` with as many sockets: each loop
 *   sends a GET, reads the whole response, and sends the next — a closed loop, 50 requests in
 *   flight at any time with the default of 50;
 * - a warm-up phase, whose figures are dropped, then a measured phase of `durationMs`; each phase
 *   stops itself at its deadline (requests in flight finish) — nothing runs unbounded;
 * - loopback only: the host is 127.0.0.1, whatever the job says.
 *
 * Exits when the parent disconnects, and in any case after `MAX_LIFETIME_MS`.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';

export interface LoadJob {
  port: number;
  /** request paths, taken in turn */
  paths: string[];
  headers: Record<string, string>;
  connections: number;
  warmupMs: number;
  durationMs: number;
}

export interface LoadResult {
  requests: number;
  /** non-200 responses and failed requests */
  errors: number;
  firstError: string | null;
  seconds: number;
  /** completed requests per second */
  rps: number;
  /** milliseconds, from sending the request to the end of the response */
  p50: number;
  p99: number;
  max: number;
  mean: number;
  /** bytes of response bodies per request */
  bodyBytes: number;
  /** CPU time of this process ÷ wall time, during the measured phase (1 = one core busy) */
  cpu: number;
  /** the load generator's largest RSS seen so far (sampled after each phase), bytes */
  peakRss: number;
}

const MAX_LIFETIME_MS = 15 * 60 * 1000;
const MAX_PHASE_MS = 30_000;
const REQUEST_TIMEOUT_MS = 10_000;

interface Phase {
  latencies: number[];
  errors: number;
  firstError: string | null;
  bytes: number;
}

function get(agent: http.Agent, job: LoadJob, path: string): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { agent, host: '127.0.0.1', port: job.port, path, method: 'GET', headers: job.headers },
      (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
        res.on('error', reject);
      },
    );
    req.setTimeout(REQUEST_TIMEOUT_MS, () =>
      req.destroy(new Error(`no response in ${REQUEST_TIMEOUT_MS} ms`)),
    );
    req.on('error', reject);
    req.end();
  });
}

async function phase(agent: http.Agent, job: LoadJob, ms: number, next: () => string): Promise<Phase> {
  const p: Phase = { latencies: [], errors: 0, firstError: null, bytes: 0 };
  const deadline = performance.now() + Math.min(ms, MAX_PHASE_MS);
  const loop = async () => {
    while (performance.now() < deadline) {
      const path = next();
      const t = performance.now();
      try {
        const { status, bytes } = await get(agent, job, path);
        p.latencies.push(performance.now() - t);
        p.bytes += bytes;
        if (status !== 200) {
          p.errors++;
          p.firstError ??= `HTTP ${status} for ${path}`;
        }
      } catch (e) {
        p.errors++;
        p.firstError ??= `${e instanceof Error ? e.message : String(e)} for ${path}`;
      }
    }
  };
  await Promise.all(Array.from({ length: job.connections }, loop));
  return p;
}

// Sampled, not getrusage's maxRSS: the child starts as a fork of the (large) bench process, whose
// pages Linux counts in the child's maxRSS.
let largestRss = 0;
function sampleRss(): number {
  largestRss = Math.max(largestRss, process.memoryUsage().rss);
  return largestRss;
}

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number;
}

export async function runJob(job: LoadJob): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.connections });
  let turn = 0;
  const next = () => job.paths[turn++ % job.paths.length] as string;
  try {
    await phase(agent, job, job.warmupMs, next);
    sampleRss();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const p = await phase(agent, job, job.durationMs, next);
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const sorted = p.latencies.sort((a, b) => a - b);
    const n = sorted.length;
    return {
      requests: n,
      errors: p.errors,
      firstError: p.firstError,
      seconds,
      rps: n / seconds,
      p50: percentile(sorted, 0.5),
      p99: percentile(sorted, 0.99),
      max: sorted[n - 1] ?? Number.NaN,
      mean: sorted.reduce((a, b) => a + b, 0) / Math.max(n, 1),
      bodyBytes: n > 0 ? p.bytes / n : 0,
      cpu: (cpu.user + cpu.system) / 1e6 / seconds,
      peakRss: sampleRss(),
    };
  } finally {
    agent.destroy();
  }
}

if (process.send) {
  const lifetime = setTimeout(() => process.exit(3), MAX_LIFETIME_MS);
  lifetime.unref();
  process.on('disconnect', () => process.exit(0));
  process.on('message', (job: LoadJob) => {
    runJob(job).then(
      (result) => process.send?.({ ok: true, result }),
      (e: unknown) => process.send?.({ ok: false, error: e instanceof Error ? e.message : String(e) }),
    );
  });
  process.send({ ready: true, rss: process.memoryUsage().rss });
}
