/**
 * `npm run bench`: import and review throughput on a 1,000-project disclosure, each beside a bare
 * baseline measured in the same run on the same data, so figures from different machines compare.
 *
 * - import: `importDisclosureText` on the fixture's project blocks repeated to 1,000 projects, in
 *   MB/s of UTF-8 text, beside a bare line scan (split into lines, count the non-blank ones);
 * - review: `reviewDisclosure` on the fixture's JSON with its projects repeated to 1,000, in
 *   projects/s, beside a bare walk that touches every indicator.
 *
 * Runs on one core: re-executes itself under `taskset -c 0` where available (V8's GC helper threads
 * included). Warm-up runs, then the median of at least 7 samples; each sample repeats the work
 * until it lasts ≥ 200 ms. Reports only: always exits 0.
 *
 * Then the formats part (`formats-pdf.ts`, `formats-pdf-read.ts`: PDF export and import), and the
 * server part (`server.ts`): the real API over HTTP on PGlite and PostgreSQL beside a bare
 * hono route, and importing 1,000 projects through the store. Its server stays on the bench's core;
 * the load generator is a child process on another core. Last the web part (`web.ts`): the first
 * route's JavaScript and the editor's opening time in Debian chromium.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { type Disclosure, decodeDisclosure, importDisclosureText, reviewDisclosure } from '@jixiao/core';
import { BENCH_CPU, fmt, mib, peakRss, pinToOneCore, printTable, type Row, ratio } from './report.ts';
import { runServerBench } from './server.ts';

const PROJECTS = 1000;
const TARGET_IMPORT_MB_S = 20;
const TARGET_REVIEW_PROJECTS_S = 10_000;
const SAMPLES = 7;
const WARMUP = 3;
const MIN_SAMPLE_MS = 200;
/** the core to pin to; choose an idle one on a busy machine */
const CPU = BENCH_CPU;

if (pinToOneCore()) process.exit(process.exitCode ?? 0);

const fixture = (ext: string) =>
  readFileSync(new URL(`../testdata/songjiang-zfw-2024.${ext}`, import.meta.url), 'utf8');

/** The fixture's text with its project blocks (from the first 项目经费情况说明 on) repeated. */
function bigText(): { text: string; projects: number } {
  const text = fixture('txt');
  const start = /^项目经费情况说明\s*$/m.exec(text)?.index;
  if (start === undefined) throw new Error('fixture has no 项目经费情况说明 line');
  const perCopy = (JSON.parse(fixture('json')) as { projects: unknown[] }).projects.length;
  const copies = Math.ceil(PROJECTS / perCopy);
  const blocks = text.slice(start);
  return { text: text.slice(0, start) + blocks.repeat(copies), projects: perCopy * copies };
}

/** The fixture's disclosure with its projects repeated to `PROJECTS`. */
function bigDisclosure(): Disclosure {
  const json = JSON.parse(fixture('json')) as { projects: unknown[] };
  const projects = Array.from({ length: PROJECTS }, (_, i) => json.projects[i % json.projects.length]);
  return decodeDisclosure({ ...json, projects });
}

/** Median seconds per call of `fn`, and how many calls a sample made. */
function measure(fn: () => unknown): number {
  let sink: unknown;
  for (let i = 0; i < WARMUP; i++) sink = fn();
  // Calibrate: enough calls per sample that timer resolution and GC noise do not dominate.
  let calls = 1;
  for (;;) {
    const t = performance.now();
    for (let i = 0; i < calls; i++) sink = fn();
    const ms = performance.now() - t;
    if (ms >= MIN_SAMPLE_MS) break;
    calls = Math.max(calls * 2, Math.ceil((calls * MIN_SAMPLE_MS) / Math.max(ms, 0.01)));
  }
  const samples: number[] = [];
  for (let s = 0; s < SAMPLES; s++) {
    const t = performance.now();
    for (let i = 0; i < calls; i++) sink = fn();
    samples.push((performance.now() - t) / 1000 / calls);
  }
  if (sink === Symbol.for('never')) console.log(sink); // keep the result alive
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

function lineScan(text: string): number {
  let n = 0;
  for (const line of text.split('\n')) if (line.trim() !== '') n++;
  return n;
}

function indicatorWalk(d: Disclosure): number {
  let n = 0;
  for (const p of d.projects) for (const i of p.form.indicators) n += i.name.length;
  return n;
}

interface Measured {
  figure: string;
  ratio: string;
  verdict: string;
}

function run(): void {
  const rows: Row[] = [];
  const notes: string[] = [];
  const { text, projects: textProjects } = bigText();
  const mb = Buffer.byteLength(text, 'utf8') / 1e6;
  const disclosure = bigDisclosure();

  const scanMbS = mb / measure(() => lineScan(text));
  rows.push({
    what: 'import  importDisclosureText',
    ...safely(() => {
      const result = importDisclosureText(text);
      const got = result.disclosure?.projects.length ?? 0;
      if (got !== textProjects)
        notes.push(`importer read ${got} of ${textProjects} projects: figure not comparable`);
      const mbS = mb / measure(() => importDisclosureText(text));
      return {
        figure: `${fmt(mbS)} MB/s`,
        ratio: ratio(mbS, scanMbS),
        verdict: mbS >= TARGET_IMPORT_MB_S ? 'PASS' : 'FAIL',
      };
    }),
    baseline: `${fmt(scanMbS)} MB/s line scan`,
    target: `≥ ${TARGET_IMPORT_MB_S} MB/s`,
  });
  const rssAfterImport = process.memoryUsage().rss;

  const walkPS = PROJECTS / measure(() => indicatorWalk(disclosure));
  rows.push({
    what: 'review  reviewDisclosure',
    ...safely(() => {
      const findings = reviewDisclosure(disclosure).length;
      notes.push(`review: ${findings} findings on ${PROJECTS} projects`);
      const ps = PROJECTS / measure(() => reviewDisclosure(disclosure));
      return {
        figure: `${fmt(ps)} projects/s`,
        ratio: ratio(ps, walkPS),
        verdict: ps >= TARGET_REVIEW_PROJECTS_S ? 'PASS' : 'FAIL',
      };
    }),
    baseline: `${fmt(walkPS)} projects/s indicator walk`,
    target: `≥ ${TARGET_REVIEW_PROJECTS_S.toLocaleString('en-US')} projects/s`,
  });

  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  console.log(`jixiao bench — ${PROJECTS} projects, ${fmt(mb)} MB of text (UTF-8, 1 MB = 10^6 bytes)`);
  console.log(
    `Node ${process.version}, ${cpu}, ${oneCoreNote()}; median of ${SAMPLES} samples after ${WARMUP} warm-ups\n`,
  );
  printTable(rows);
  console.log(
    `\nRSS: ${mib(rssAfterImport)} after import, ${mib(process.memoryUsage().rss)} at the end, peak ${mib(peakRss())}`,
  );
  for (const n of notes) console.log(`note: ${n}`);
}

function safely(fn: () => Measured): Measured {
  try {
    return fn();
  } catch (e) {
    return { figure: `threw: ${e instanceof Error ? e.message : String(e)}`, ratio: '', verdict: 'FAIL' };
  }
}

function oneCoreNote(): string {
  return process.env.JIXIAO_BENCH_PINNED
    ? `pinned to one core (taskset -c ${CPU})`
    : 'not pinned (no taskset); single-threaded';
}

/** `JIXIAO_BENCH_ONLY=core|formats|server|web` runs one part (all by default). */
const only = process.env.JIXIAO_BENCH_ONLY;
if (!only || only === 'core') {
  try {
    run();
  } catch (e) {
    console.log(`bench could not run: ${e instanceof Error ? e.message : String(e)}`);
  }
}
if (!only || only === 'formats') runFormatsBenches();
if (!only || only === 'server') await runServerBench({ cpu: process.env.JIXIAO_BENCH_PINNED ? CPU : null });
if (!only || only === 'web') runWebBenchOnAllCores();
process.exitCode = 0;

/**
 * The formats part: PDF export (10 and 1,000 projects, peak RSS) and PDF import (a 35-page budget
 * document), each its own script with its own baseline, run as child processes so their memory
 * figures are their own.
 */
function runFormatsBenches(): void {
  for (const script of ['formats-pdf.ts', 'formats-pdf-read.ts']) {
    console.log('');
    const child = spawnSync(
      process.execPath,
      [...process.execArgv, fileURLToPath(new URL(script, import.meta.url))],
      { stdio: 'inherit' },
    );
    if (child.error) console.log(`${script} could not run: ${child.error.message}`);
  }
}

/**
 * The web part in its own process on every core: the browser, the server and the page are what a
 * user runs on localhost, not one pinned thread (the run above is pinned to one core, and a child
 * inherits that unless widened).
 */
function runWebBenchOnAllCores(): void {
  const script = fileURLToPath(new URL('web.ts', import.meta.url));
  const all = `0-${Math.max(os.cpus().length - 1, 0)}`;
  const args = [...process.execArgv, script];
  const viaTaskset = process.platform === 'linux' && process.env.JIXIAO_BENCH_PINNED;
  const child = viaTaskset
    ? spawnSync('taskset', ['-c', all, process.execPath, ...args], { stdio: 'inherit' })
    : spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (child.error) console.log(`web.ts could not run: ${child.error.message}`);
}
