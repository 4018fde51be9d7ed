/**
 * `npx tsx bench/formats-pdf.ts`: the PDF writer on the Songjiang fixture (10 projects) and on its
 * projects repeated to 1,000, beside a baseline measured in the same run — pdfmake with the same
 * embedded font printing one plain paragraph page per project — so figures compare across machines.
 *
 * Every measure runs in a child process of its own (pinned with `taskset -c $JIXIAO_BENCH_CPU`,
 * default 0, where available), so its peak RSS is its own. 10 projects: median of 5 writes after a
 * warm-up write; 1,000 projects: one write after a warm-up write of the fixture (which loads
 * pdfmake and the font). MB = 10^6 bytes of PDF. Reports only: always exits 0.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { type Disclosure, decodeDisclosure } from '@jixiao/core';
import { pdfWriter } from '../packages/formats/src/pdf/write.ts';
import { mib, printTable, type Row } from './report.ts';

type Kind = 'writer' | 'baseline';
interface Result {
  kind: Kind;
  projects: number;
  seconds: number;
  pages: number;
  bytes: number;
  peakRss: number;
}

const TARGET_SMALL_S = 1;
const TARGET_BIG_S = 60;
const TARGET_RSS = 1.5 * 2 ** 30;
const CPU = process.env.JIXIAO_BENCH_CPU ?? '0';
const int = (n: number) => n.toLocaleString('en-US');

function disclosure(projects: number): Disclosure {
  const json = JSON.parse(
    readFileSync(new URL('../testdata/songjiang-zfw-2024.json', import.meta.url), 'utf8'),
  ) as { projects: unknown[] };
  const all = Array.from({ length: projects }, (_, i) => json.projects[i % json.projects.length]);
  return decodeDisclosure({ ...json, projects: all });
}

const pageCount = (pdf: Uint8Array) =>
  Buffer.from(pdf)
    .toString('latin1')
    .match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;

interface PdfMake {
  virtualfs: { writeFileSync(name: string, content: Buffer): void };
  setFonts(fonts: object): void;
  setUrlAccessPolicy(cb: () => boolean): void;
  setLocalAccessPolicy(cb: () => boolean): void;
  createPdf(doc: object): { getBuffer(): Promise<Buffer> };
}

/** The baseline: pdfmake and Noto Sans SC, one page per project holding its name and goal. */
async function baselineWriter(): Promise<(d: Disclosure) => Promise<Uint8Array>> {
  const require = createRequire(import.meta.url);
  const pdfmake = require('pdfmake') as PdfMake;
  const font = (w: string) =>
    readFileSync(require.resolve(`@expo-google-fonts/noto-sans-sc/${w}/NotoSansSC_${w}.ttf`));
  pdfmake.virtualfs.writeFileSync('base-r.ttf', font('400Regular'));
  pdfmake.virtualfs.writeFileSync('base-b.ttf', font('700Bold'));
  pdfmake.setFonts({ Base: { normal: 'base-r.ttf', bold: 'base-b.ttf' } });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  return (d) =>
    pdfmake
      .createPdf({
        pageSize: 'A4',
        info: { creationDate: new Date(Date.UTC(d.year, 0, 1)) },
        defaultStyle: { font: 'Base', fontSize: 12 },
        content: d.projects.map((p, i) => ({
          text: `${p.form.name}\n${p.form.annualGoal}`,
          pageBreak: i === 0 ? undefined : 'before',
        })),
      })
      .getBuffer();
}

/** One measure, in this (child) process. */
async function measure(kind: Kind, projects: number): Promise<Result> {
  const write = kind === 'writer' ? (d: Disclosure) => pdfWriter.write(d) : await baselineWriter();
  const small = disclosure(10);
  await write(small); // warm-up: loads pdfmake and the font
  const d = projects === 10 ? small : disclosure(projects);
  const times: number[] = [];
  let pdf: Uint8Array = new Uint8Array();
  for (let i = 0; i < (projects <= 10 ? 5 : 1); i++) {
    const t = performance.now();
    pdf = await write(d);
    times.push((performance.now() - t) / 1000);
  }
  times.sort((a, b) => a - b);
  return {
    kind,
    projects,
    seconds: times[Math.floor(times.length / 2)]!,
    pages: pageCount(pdf),
    bytes: pdf.length,
    peakRss: process.resourceUsage().maxRSS * 1024,
  };
}

/** Runs one measure in a child process (pinned where taskset exists) and reads its result. */
function child(kind: Kind, projects: number): Result {
  const args = [...process.execArgv, fileURLToPath(import.meta.url), '--measure', kind, String(projects)];
  let r = spawnSync('taskset', ['-c', CPU, process.execPath, ...args], { encoding: 'utf8' });
  if (r.error) r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !line.startsWith('{')) throw new Error(`${kind} ${projects}: ${r.stderr.trim()}`);
  return JSON.parse(line) as Result;
}

function report(): void {
  const rows: Row[] = [];
  for (const projects of [10, 1000]) {
    const base = child('baseline', projects);
    const w = child('writer', projects);
    const target = projects === 10 ? TARGET_SMALL_S : TARGET_BIG_S;
    rows.push({
      what: `PDF ${int(projects)} projects`,
      figure: `${w.seconds.toFixed(2)} s, ${int(w.pages)} pages, ${(w.bytes / 1e6).toFixed(2)} MB`,
      baseline: `${base.seconds.toFixed(2)} s, ${int(base.pages)} pages`,
      ratio: `${(w.seconds / base.seconds).toFixed(1)}×`,
      target: `< ${target} s`,
      verdict: w.seconds < target ? 'PASS' : 'FAIL',
    });
    rows.push({
      what: `peak RSS ${int(projects)} projects`,
      figure: mib(w.peakRss),
      baseline: mib(base.peakRss),
      ratio: `${(w.peakRss / base.peakRss).toFixed(1)}×`,
      target: projects === 10 ? '—' : '< 1,536 MiB',
      verdict: projects === 10 ? '—' : w.peakRss < TARGET_RSS ? 'PASS' : 'FAIL',
    });
  }
  console.log(`PDF writer bench — Node ${process.version}, each measure in its own process`);
  printTable(rows);
}

const at = process.argv.indexOf('--measure');
if (at >= 0) {
  const result = await measure(process.argv[at + 1] as Kind, Number(process.argv[at + 2]));
  console.log(JSON.stringify(result));
} else {
  try {
    report();
  } catch (e) {
    console.log(`bench could not run: ${e instanceof Error ? e.message : String(e)}`);
  }
  process.exitCode = 0;
}
