/**
 * Generates the variant corpus: each variant is the fixture's text and its hand-checked JSON
 * transformed together by the same edit, written as `<name>.txt` + `<name>.json` beside this file.
 * Deterministic (no randomness). Run: `npx tsx testdata/variants/generate.ts`.
 * Every expected JSON is validated against the JSON Schema before anything is written.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DisclosureJson } from '../../packages/core/src/index.ts';
import { budgetDocument } from './budget-document.ts';
import {
  bothGoals,
  clone,
  crlf,
  fail,
  fillTitle,
  noSeparators,
  noWhitespace,
  oldFramework,
  otherDepartment,
  renamedSections,
  render,
  type Source,
  type Variant,
} from './edits.ts';
import { layoutDocument } from './layout.ts';
import { s10Style } from './s10-style.ts';
import { schemaErrors } from './schema-check.ts';
import { summarySentence } from './summary-sentence.ts';
import {
  collapseBlankLines,
  type DocText,
  documentLines,
  editProject,
  findLine,
  insertPageBreakAfter,
  PAGE_BREAK,
  type PageBreakStyle,
  renderPageBreaks,
  splitDocument,
} from './text.ts';

export type { Variant } from './edits.ts';

// ---------------------------------------------------------------------------------------------
// Page breaks

interface BreakAnchor {
  /** fixture project index (P01 = 0), or the summary paragraph */
  project: number | 'summary';
  /** the printed line (trimmed) after which the page breaks */
  after: string;
  occurrence?: number;
}

/** Where `page-breaks*` and `mutations-combined` break pages (see README.md). */
const BREAKS: readonly BreakAnchor[] = [
  { project: 'summary', after: '算单位开展了2024年项目预算绩效目标编报工作，编报绩效' },
  { project: 0, after: '市进一步加强群防群治守护网建设的意见〉的通知》、《关' },
  { project: 0, after: '项' },
  { project: 0, after: '中共上海市松' },
  { project: 1, after: '项目资金' },
  { project: 0, after: '其中：财政资金 5,850,000.00' },
  { project: 0, after: '绩' },
  { project: 0, after: '为抓手，以巩固帮教为重心，以宣传教育' },
  { project: 0, after: '毛发检测工作 ≥4.00(次)' },
  { project: 0, after: '产出' },
  { project: 0, after: '经济效' },
  { project: 2, after: '特殊管理药品智' },
  { project: 2, after: '绩', occurrence: 2 },
  { project: 2, after: '医疗机构特殊管理药品智能化监管检' },
  { project: 4, after: '2.工作职能：组织、协调、指导开展禁毒工作，制定全' },
  { project: 4, after: '项' },
  { project: 4, after: '项目资金总额 203,440.00  年度资金申请总额 203,440.00' },
  { project: 4, after: '可持续' },
  { project: 6, after: '务管理平台（二' },
  { project: 6, after: '满意' },
  { project: 8, after: '人员2人，其中工资319400元，体检费1600元，餐费9600元。按' },
  { project: 8, after: '计划开始' },
  { project: 9, after: '社区药物滥用人员、社区矫正人员、安置帮教人员和社区青' },
  { project: 9, after: '项目成本 ≤18000000.00(元)' },
  { project: 9, after: '罪率' },
  { project: 9, after: '服务对' },
];

function withPageBreaks(doc: DocText): DocText {
  let out = doc;
  for (const a of BREAKS) {
    const at = (lines: string[]) =>
      insertPageBreakAfter(lines, findLine(lines, a.after, { occurrence: a.occurrence ?? 1 }));
    out = a.project === 'summary' ? { ...out, preamble: at(out.preamble) } : editProject(out, a.project, at);
  }
  return out;
}

const NUMBERED_DASH: PageBreakStyle = { kind: 'numbered', firstPage: 21, label: (n) => `— ${n} —` };
const NUMBERED_PAGE: PageBreakStyle = { kind: 'numbered', firstPage: 3, label: (n) => `第 ${n} 页` };

// ---------------------------------------------------------------------------------------------
// The variants

const REORDER = [5, 9, 2, 0, 7, 3, 8, 1, 6, 4];

function reorder(doc: DocText, json: DisclosureJson, order: readonly number[]): [DocText, DisclosureJson] {
  const projects = order.map((k) => doc.projects.find((p) => p.orig === k) ?? fail(`no project ${k}`));
  const out = clone(json);
  out.projects = order.map((k) => clone(json.projects[k] ?? fail(`no project ${k}`)));
  return [{ preamble: doc.preamble, projects }, out];
}

/** Strips what a page break adds: whitespace and page-number lines. */
const textContent = (text: string) =>
  noWhitespace(text.replace(/^\s*(— \d+ —|第 \d+ 页)\s*$/gm, '').replace(new RegExp(PAGE_BREAK, 'g'), ''));

/**
 * All variants, from the fixture's text and JSON. Throws if an edit does not find what it edits,
 * or if an expected JSON is not valid against the schema.
 */
export function generateVariants(text: string, json: DisclosureJson): Variant[] {
  const src: Source = { text, json };
  const doc = splitDocument(text);
  if (render(documentLines(doc)) !== text) throw new Error('splitDocument does not round-trip');
  const fixtureSummary = json.summary ?? fail('fixture has a summary');
  const sentence = summarySentence({
    region: '市',
    subject: '部门',
    units: fixtureSummary.budgetUnitCount,
    year: json.year,
    projects: fixtureSummary.projectCount,
    totalWan: fixtureSummary.totalWan,
    large: {
      thresholdWan: fixtureSummary.largeThresholdWan ?? '',
      count: fixtureSummary.largeProjectCount ?? 0,
    },
  });
  if (noWhitespace(doc.preamble.join('')) !== sentence) throw new Error('summary sentence template drifted');

  const broken = documentLines(withPageBreaks(doc));
  const [reordered, reorderedJson] = reorder(doc, json, REORDER);
  const reversed = [...json.projects.keys()].reverse();
  const [combined, combinedJson] = reorder(withPageBreaks(doc), json, reversed);

  const variants: Variant[] = [
    { name: 'crlf', txt: crlf(text), json: clone(json) },
    { name: 'single-newline', txt: render(collapseBlankLines(text.split('\n'))), json: clone(json) },
    { name: 'reordered', txt: render(documentLines(reordered)), json: reorderedJson },
    { name: 'page-breaks', txt: render(renderPageBreaks(broken, { kind: 'blank' })), json: clone(json) },
    { name: 'page-breaks-numbered', txt: render(renderPageBreaks(broken, NUMBERED_DASH)), json: clone(json) },
    otherDepartment(src),
    fillTitle(src),
    renamedSections(src),
    noSeparators(src),
    oldFramework(src),
    bothGoals(src),
    s10Style(src),
    { name: 'layout', txt: layoutDocument(doc, json), json: clone(json) },
    { name: 'budget-document', txt: budgetDocument(doc), json: clone(json) },
    {
      name: 'mutations-combined',
      txt: crlf(render(collapseBlankLines(renderPageBreaks(documentLines(combined), NUMBERED_PAGE)))),
      json: combinedJson,
    },
  ];

  // what only moves whitespace or adds page numbers leaves the printed characters as they were
  for (const name of ['crlf', 'single-newline', 'page-breaks', 'page-breaks-numbered']) {
    const v = variants.find((x) => x.name === name);
    if (!v || textContent(v.txt) !== textContent(text)) throw new Error(`${name} changed the printed text`);
  }
  for (const v of variants) {
    const errors = schemaErrors(v.json);
    if (errors.length > 0) throw new Error(`${v.name}.json is not valid:\n${errors.join('\n')}`);
    if (v.txt.includes(PAGE_BREAK)) throw new Error(`${v.name}: page-break marker left`);
  }
  return variants;
}

const HERE = new URL('./', import.meta.url);

/** The fixture, as committed. */
export function readFixture(): Source {
  const read = (name: string) => readFileSync(new URL(`../${name}`, HERE), 'utf8');
  return { text: read('songjiang-zfw-2024.txt'), json: JSON.parse(read('songjiang-zfw-2024.json')) };
}

/** File name → content, for every variant. */
export function variantFiles(variants: readonly Variant[]): Map<string, string> {
  return new Map(
    variants.flatMap((v) => [
      [`${v.name}.txt`, v.txt],
      [`${v.name}.json`, `${JSON.stringify(v.json, null, 2)}\n`],
    ]),
  );
}

function main(): void {
  const { text, json } = readFixture();
  const files = variantFiles(generateVariants(text, json));
  for (const [name, content] of files) writeFileSync(new URL(name, HERE), content, 'utf8');
  console.log(`wrote ${files.size} files to ${fileURLToPath(HERE)}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
