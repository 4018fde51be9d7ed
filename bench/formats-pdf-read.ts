/**
 * `npx tsx bench/formats-pdf-read.ts`: the PDF reader on a 35-page 部门预算 document (budget tables
 * before and after the 绩效目标 part holding the Songjiang fixture's ten projects), beside a
 * baseline measured in the same run on the same bytes — pdfjs opening the document and extracting
 * the text of every page (`getTextContent`), nothing else — so figures compare across machines.
 *
 * The document is made once with the test PDF maker (pdfmake, Noto Sans SC), not timed. Runs on
 * one core where `taskset` exists (`JIXIAO_BENCH_CPU`, default 0); one warm-up read of each (pdfjs
 * and its CMaps load), then the median of 5. Reports only: always exits 0.
 */
import { performance } from 'node:perf_hooks';
import { readPdf } from '../packages/formats/src/pdf/read.ts';
import { budgetDocumentBlocks } from '../packages/formats/src/pdf/testing/budget-document.ts';
import { MODERN } from '../packages/formats/src/pdf/testing/layout.ts';
import { renderPdfmake } from '../packages/formats/src/pdf/testing/make-pdf.ts';
import { fixture } from '../testdata/fixture.ts';
import { BENCH_CPU, pinToOneCore, printTable, ratio } from './report.ts';

const TARGET_S = 5;
const SAMPLES = 5;
const CPU = BENCH_CPU;

/** pdfjs alone: open, extract every page's text, close. */
async function baseline(bytes: Uint8Array): Promise<number> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false })
    .promise;
  let items = 0;
  for (let i = 1; i <= doc.numPages; i++)
    items += (await (await doc.getPage(i)).getTextContent()).items.length;
  await doc.destroy();
  return items;
}

async function median(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const t = performance.now();
    await fn();
    times.push((performance.now() - t) / 1000);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

async function run(): Promise<void> {
  const bytes = await renderPdfmake(budgetDocumentBlocks(fixture, MODERN), { pageNumbers: true });
  // readPdf loads pdfjs and installs its worker handler; the baseline then shares them
  const first = await readPdf(bytes);
  const pages = first.pageCount;
  const read = await median(() => readPdf(bytes));
  const base = await median(() => baseline(bytes));
  const projects = first.result.disclosure?.projects.length ?? 0;
  console.log(
    `PDF read: ${pages}-page 部门预算 document, ${(bytes.length / 1e6).toFixed(2)} MB; read ${first.pagesRead.length} pages of the 绩效目标 part (${projects} projects); ${
      process.env.JIXIAO_BENCH_PINNED ? `pinned to one core (taskset -c ${CPU})` : 'not pinned'
    }; median of ${SAMPLES}\n`,
  );
  printTable([
    {
      what: `readPdf (${pages} pages)`,
      figure: `${read.toFixed(2)} s, ${(pages / read).toFixed(1)} pages/s`,
      baseline: `${base.toFixed(2)} s, ${(pages / base).toFixed(1)} pages/s (pdfjs text only)`,
      ratio: ratio(1 / read, 1 / base),
      target: `< ${TARGET_S} s`,
      verdict: read < TARGET_S ? 'PASS' : 'FAIL',
    },
  ]);
}

if (!pinToOneCore()) {
  try {
    await run();
  } catch (e) {
    console.log(`bench could not run: ${e instanceof Error ? e.message : String(e)}`);
  }
}
