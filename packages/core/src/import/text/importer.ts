/**
 * The text importer: a published disclosure (or a whole 部门预算 document) as extracted from PDF —
 * raw or `pdftotext -layout`, one or two newlines per printed line, CRLF, page breaks anywhere —
 * read into the model. Never throws: what cannot be read becomes diagnostics naming the line.
 */
import type { Disclosure, Explanation, Project } from '../../model/schema.ts';
import { CODES, type Diagnostic, type ImportResult } from '../diagnostics.ts';
import { readExplanation } from './explanation.ts';
import { FORM_TITLE_RE, type FormReading, readForm } from './form.ts';
import { joinLines } from './form-header.ts';
import { assembleTable, namePieceWidths } from './indicator-table.ts';
import { isBlank, type Line, type NormalizedText, normalizeText, splitRange, squash } from './lines.ts';
import { parseSummarySentence, SUMMARY_ANCHOR_RE } from './summary-sentence.ts';

/** Options for the text importer. */
export interface TextImportOptions {
  /** file name, for messages */
  source?: string;
}

/** "项目经费情况说明", possibly preceded by the project's name (named 说明 are paired by name). */
const EXPLANATION_RE = /^(.{0,60}?)项目经费情况说明$/;
/** A chapter heading of the surrounding 部门预算 document: ends the last form's table. */
const CHAPTER_RE =
  /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|第[一二三四五六七八九十\d]+[章节部分]|附[件表]|注[:：])/;
const ORDINAL_PREFIX_RE = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.、．])$/;

/** A 说明 or a form: from its heading line's offset in the normalised text to the next heading. */
type Block =
  | { kind: 'explanation'; from: number; to: number; index: number; lineNo: number; name: string }
  | { kind: 'form'; from: number; to: number; index: number; lineNo: number };

/**
 * Reads a disclosure from text.
 * @returns the model (money in fen) and diagnostics; `disclosure` is null when no form was found.
 *   When diagnostics hold errors the disclosure is a best reading and must be checked before use.
 */
export function importDisclosureText(
  text: string,
  _options: TextImportOptions = {},
): ImportResult<Disclosure> {
  const diagnostics: Diagnostic[] = [];
  try {
    return read(text, diagnostics);
  } catch (e) {
    // A reader bug must not take the process down with it; say where we were.
    diagnostics.push({
      code: 'IMPORT_INTERNAL',
      severity: 'error',
      message: `读取时发生内部错误：${e instanceof Error ? e.message : String(e)}`,
    });
    return { disclosure: null, diagnostics };
  }
}

function read(input: string, diagnostics: Diagnostic[]): ImportResult<Disclosure> {
  const doc = normalizeText(input);
  const blocks = findBlocks(doc);
  const firstForm = blocks.find((b) => b.kind === 'form');
  if (!firstForm) {
    diagnostics.push({
      code: CODES.NO_FORMS,
      severity: 'error',
      message: '没有找到「财政项目支出绩效目标申报表」：这不是一份项目绩效目标公开文本，或文字无法识别',
      line: splitRange(doc, 0, doc.text.length, 0)[0]?.no ?? 1,
    });
    return { disclosure: null, diagnostics };
  }

  // The summary sentence: before the first block (in a 部门预算 document, under 绩效目标设置情况).
  const summaryReading = readSummary(splitRange(doc, 0, blocks[0]?.from ?? 0, 0), diagnostics);

  // Forms and explanations; tables are assembled once the name column's width is known.
  const forms: { reading: FormReading; block: Block }[] = [];
  const explanations: { explanation: Explanation; name: string; block: Block; used: boolean }[] = [];
  let projectNo = 0;
  for (const b of blocks) {
    const body = blockLines(doc, b);
    if (b.kind === 'explanation') {
      const explanation = readExplanation(body.slice(1), diagnostics);
      if (explanation.sections.length > 0)
        explanations.push({ explanation, name: b.name, block: b, used: false });
    } else {
      forms.push({ reading: readForm(body, diagnostics, `projects[${projectNo}]`), block: b });
      projectNo++;
    }
  }
  const widths = forms.flatMap((f) => namePieceWidths(f.reading.table));
  const widest = widths.length > 0 ? Math.max(...widths) : 0;
  const fullWidth = widest >= 16 ? widest - 4 : Number.POSITIVE_INFINITY;

  const projects: Project[] = forms.map((f, i) => {
    const indicators = assembleTable(
      f.reading.table,
      fullWidth,
      diagnostics,
      `projects[${i}].form.indicators`,
    );
    return { explanation: null, form: { ...f.reading.form, indicators } };
  });
  pairExplanations(projects, forms, explanations, diagnostics);

  const year = projects.find((p) => p.form.year > 0)?.form.year ?? summaryReading?.year ?? 0;
  for (const p of projects) if (p.form.year === 0) p.form.year = year;
  if (year < 2000 || year > 2100) {
    diagnostics.push({
      code: CODES.YEAR_MISSING,
      severity: 'error',
      message: `没有读到有效的预算年度（读到：${year || '无'}）`,
      line: firstForm.lineNo,
      field: 'year',
    });
  }
  return {
    disclosure: {
      format: 'jixiao.disclosure/1',
      year: Math.min(2100, Math.max(2000, year)),
      department: department(projects, diagnostics),
      summary: summaryReading?.summary ?? null,
      projects,
    },
    diagnostics,
  };
}

/**
 * Finds the headings of 说明 and forms in one pass over the text, without making a string per line:
 * both end in 表 / 说明, or in the year after the title, so only such lines are looked at closely.
 */
function findBlocks(doc: NormalizedText): Block[] {
  const text = doc.text;
  const starts: {
    kind: 'explanation' | 'form';
    from: number;
    index: number;
    lineNo: number;
    name: string;
  }[] = [];
  for (let start = 0, index = 0; start < text.length; index++) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    let b = end - 1;
    while (b >= start && isBlank(text.charCodeAt(b))) b--;
    const last = b >= start ? text.charCodeAt(b) : 0;
    if (last === 0x8868 || last === 0x660e || last === 0xff09 || last === 0x29) {
      const s = squash(text.slice(start, b + 1));
      const lineNo = doc.lineNo(index);
      if (FORM_TITLE_RE.test(s)) starts.push({ kind: 'form', from: start, index, lineNo, name: '' });
      else {
        const m = EXPLANATION_RE.exec(s);
        if (m) {
          const prefix = m[1] ?? '';
          // "七、项目经费情况说明" is a chapter heading of the budget document, not a project's 说明.
          const name = ORDINAL_PREFIX_RE.test(prefix) ? '' : prefix;
          starts.push({ kind: 'explanation', from: start, index, lineNo, name });
        }
      }
    }
    start = end + 1;
  }
  return starts.map((s, k): Block => {
    const to = starts[k + 1]?.from ?? text.length;
    return s.kind === 'form'
      ? { kind: 'form', from: s.from, to, index: s.index, lineNo: s.lineNo }
      : { kind: 'explanation', from: s.from, to, index: s.index, lineNo: s.lineNo, name: s.name };
  });
}

/**
 * A block's lines. A form's table ends at the surrounding document's next heading (after the last
 * form of a 部门预算 document comes 八、国有资产占有使用情况…).
 */
function blockLines(doc: NormalizedText, b: Block): Line[] {
  const lines = splitRange(doc, b.from, b.to, b.index);
  if (b.kind !== 'form') return lines;
  const tableAt = indexFrom(lines, 1, lines.length, (l) => /三级指标|指标值/.test(l.text));
  if (tableAt < 0) return lines;
  const chapter = indexFrom(lines, tableAt + 1, lines.length, (l) => CHAPTER_RE.test(l.text));
  return chapter >= 0 ? lines.slice(0, chapter) : lines;
}

function indexFrom(lines: readonly Line[], from: number, to: number, pred: (l: Line) => boolean): number {
  for (let i = from; i < to; i++) {
    const l = lines[i];
    if (l && pred(l)) return i;
  }
  return -1;
}

function readSummary(lines: readonly Line[], diagnostics: Diagnostic[]) {
  const { text, lineAt } = joinLines(lines.map((l) => ({ ...l, text: squash(l.text) })));
  const anchor = SUMMARY_ANCHOR_RE.exec(text);
  if (!anchor) {
    diagnostics.push({
      code: CODES.SUMMARY_MISSING,
      severity: 'info',
      message: '没有找到绩效目标编报情况的总述（“按照本市预算绩效管理工作的总体要求……”），summary 记为空',
      field: 'summary',
    });
    return null;
  }
  const reading = parseSummarySentence(text.slice(anchor.index, anchor.index + 400));
  if (!reading) {
    const line = lineAt(anchor.index);
    diagnostics.push({
      code: CODES.SUMMARY_UNREADABLE,
      severity: 'warning',
      message: `第${line}行：总述句的格式无法识别（单位数、项目数或金额缺失）：${text.slice(anchor.index, anchor.index + 60)}…`,
      line,
      field: 'summary',
    });
  }
  return reading;
}

function pairExplanations(
  projects: Project[],
  forms: readonly { reading: FormReading; block: Block }[],
  explanations: { explanation: Explanation; name: string; block: Block; used: boolean }[],
  diagnostics: Diagnostic[],
): void {
  // Named 说明 go to the form of that name; the others to the form that follows them (domain.md §8).
  const byName = new Map(projects.map((p, i) => [squash(p.form.name), i]));
  for (const e of explanations) {
    if (!e.name) continue;
    const i = byName.get(squash(e.name));
    const p = i === undefined ? undefined : projects[i];
    if (p && p.explanation === null) {
      p.explanation = e.explanation;
      e.used = true;
    }
  }
  // Blocks are in document order: walk them once, keeping the latest unused 说明 before each form.
  let candidate: (typeof explanations)[number] | null = null;
  let e = 0;
  forms.forEach((f, i) => {
    while (e < explanations.length && (explanations[e]?.block.from ?? 0) < f.block.from) {
      const x = explanations[e++];
      if (x && !x.used) candidate = x;
    }
    const p = projects[i];
    if (p && p.explanation === null && candidate && !candidate.used) {
      p.explanation = candidate.explanation;
      candidate.used = true;
    }
    candidate = null;
  });
  for (const e of explanations) {
    if (e.used) continue;
    const line = e.block.lineNo;
    diagnostics.push({
      code: CODES.EXPLANATION_UNPAIRED,
      severity: 'warning',
      message: `第${line}行的项目经费情况说明没有对应的申报表，已忽略`,
      line,
    });
  }
}

function department(projects: readonly Project[], diagnostics: Diagnostic[]): string {
  const counts = new Map<string, number>();
  for (const p of projects) {
    const d = p.form.competentDepartment;
    if (d) counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  if (ranked.length > 1) {
    diagnostics.push({
      code: CODES.DEPARTMENT_MIXED,
      severity: 'warning',
      message: `申报表的主管部门不一致：${ranked.map(([d, n]) => `${d}（${n}张）`).join('、')}，按最多的一个记`,
      field: 'department',
    });
  }
  return ranked[0]?.[0] || '（未读到主管部门）';
}
