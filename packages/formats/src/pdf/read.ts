/**
 * PDF import from geometry. pdfjs gives text items with positions and the drawing operations; the
 * tables of the forms are rebuilt from their ruling lines (grid.ts), text is put into cells, and
 * the document is written out as text in the printed reading order (read-emit.ts) for the core
 * text importer, so that the domain reading stays in one place. Each text line remembers its page,
 * and the importer's diagnostics are given back with 第N页 instead of a line of that text.
 *
 * In a whole 部门预算 document only the 绩效目标 part is read (read-pages.ts); an info diagnostic
 * names the pages read.
 */
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { type Diagnostic, type Disclosure, type ImportResult, importDisclosureText } from '@jixiao/core';
import type { Reader, ReadOptions } from '../types.ts';
import { type Matrix, type OpsLike, rulings, type TextRun, textRuns } from './geometry.ts';
import { buildPage, emitDocument, type PageModel, pageSkips, runsOn } from './read-emit.ts';
import { describePages, findPart, type PageLines } from './read-pages.ts';

/** Diagnostic codes of the PDF reader (besides the text importer's). */
export const PDF_CODES = {
  /** not a PDF, or damaged beyond reading */
  UNREADABLE: 'IMPORT_PDF_UNREADABLE',
  /** needs a password to open */
  ENCRYPTED: 'IMPORT_PDF_ENCRYPTED',
  /** no extractable text (a scan) */
  NO_TEXT: 'IMPORT_PDF_NO_TEXT',
  /** text extracted but mostly unmappable glyphs (fonts without a Unicode map) */
  GARBLED: 'IMPORT_PDF_TEXT_GARBLED',
  /** a form page without ruling lines: read from text positions alone, best effort */
  NO_GRID: 'IMPORT_PDF_NO_GRID',
  /** info: which pages were read */
  PAGES: 'IMPORT_PDF_PAGES',
} as const;

/** A line starting with a label of a form's table cells (in a gridless form, a row of free text). */
const FORM_LABEL_RE = /^(?:项目名称|一级指标|三级指标)/;

/** The reading with what the tests and the bench look at besides the result. */
export interface PdfReading {
  result: ImportResult<Disclosure>;
  /** 1-based numbers of the pages read */
  pagesRead: number[];
  pageCount: number;
  /** the text handed to the importer */
  text: string;
  /** for each line of `text`, the page it was read from */
  linePages: number[];
}

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
interface Loaded {
  pdfjs: Pdfjs;
  /** predefined CMaps (Chinese PDFs often use UniGB-UCS2-H with a non-embedded 宋体), standard fonts */
  resources: { cMapUrl: string; standardFontDataUrl: string };
}
let loading: Promise<Loaded> | undefined;
type Doc = Awaited<ReturnType<Pdfjs['getDocument']>['promise']>;
type Page = Awaited<ReturnType<Doc['getPage']>>;

/** pdfjs, loaded on first use (it is large). In Node it runs its worker code in this thread. */
function loadPdfjs(): Promise<Loaded> {
  loading ??= (async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    // Handing pdfjs the worker's message handler up front keeps it from importing the worker
    // file by a URL relative to itself, which test runners and bundlers resolve differently.
    const workerModule = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
    const worker: unknown = await import(workerModule);
    const g = globalThis as { pdfjsWorker?: unknown };
    g.pdfjsWorker ??= worker;
    const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    const dir = (d: string) => `${join(root, d)}${sep}`;
    return { pdfjs, resources: { cMapUrl: dir('cmaps'), standardFontDataUrl: dir('standard_fonts') } };
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/**
 * Reads a disclosure from PDF bytes; never throws. Messages start at the place (第N页), never with
 * the file name (`options.source`): as with core's and the other readers' diagnostics, the caller
 * (CLI, API) says which file they are about.
 */
export async function readPdf(bytes: Uint8Array, _options: ReadOptions = {}): Promise<PdfReading> {
  const fail = (code: string, message: string, pageCount = 0): PdfReading => ({
    result: { disclosure: null, diagnostics: [{ code, severity: 'error', message }] },
    pagesRead: [],
    pageCount,
    text: '',
    linePages: [],
  });
  if (!(bytes instanceof Uint8Array) || bytes.length === 0)
    return fail(PDF_CODES.UNREADABLE, '文件为空，不是 PDF');
  let loaded: Loaded;
  try {
    loaded = await loadPdfjs();
  } catch (e) {
    return fail(PDF_CODES.UNREADABLE, `无法加载 PDF 读取组件：${errorText(e)}`);
  }
  const { pdfjs, resources } = loaded;
  let task: ReturnType<Pdfjs['getDocument']> | undefined;
  let doc: Doc;
  try {
    task = pdfjs.getDocument({
      // pdfjs may take over the buffer it is given
      data: new Uint8Array(bytes),
      verbosity: pdfjs.VerbosityLevel.ERRORS,
      ...resources,
      cMapPacked: true,
      isEvalSupported: false,
      useSystemFonts: false,
      disableFontFace: true,
    });
    doc = await task.promise;
  } catch (e) {
    await task?.destroy().catch(() => undefined);
    const name = (e as { name?: string })?.name;
    if (name === 'PasswordException')
      return fail(PDF_CODES.ENCRYPTED, 'PDF 已加密，需要密码才能打开：请提供未加密的文件');
    return fail(
      PDF_CODES.UNREADABLE,
      name === 'InvalidPDFException'
        ? '文件不是有效的 PDF（或已损坏），无法读取'
        : `PDF 无法读取：${errorText(e)}`,
    );
  }
  try {
    return await readDocument(pdfjs, doc);
  } catch (e) {
    return fail(PDF_CODES.UNREADABLE, `PDF 读取失败：${errorText(e)}`, doc.numPages);
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

interface PageText {
  page: Page;
  runs: TextRun[];
  transform: Matrix;
  width: number;
  height: number;
}

async function readDocument(pdfjs: Pdfjs, doc: Doc): Promise<PdfReading> {
  const n = doc.numPages;
  const texts: PageText[] = [];
  for (let i = 1; i <= n; i++) {
    const page = await doc.getPage(i);
    const viewport = page.getViewport({ scale: 1 });
    // the characters as printed: no compatibility folding (… → ..., Ⅱ → II, ℃ → °C)
    const content = await page.getTextContent({ disableNormalization: true });
    const transform = viewport.transform as unknown as Matrix;
    texts.push({
      page,
      runs: textRuns(content.items, transform),
      transform,
      width: viewport.width,
      height: viewport.height,
    });
  }
  const diagnostics: Diagnostic[] = [];
  const all = texts.flatMap((t) => t.runs.map((r) => r.str)).join('');
  if (all.trim() === '') {
    return {
      result: {
        disclosure: null,
        diagnostics: [
          {
            code: PDF_CODES.NO_TEXT,
            severity: 'error',
            message: `PDF 共${n}页，没有可提取的文字（可能是扫描件或图片）：请先做文字识别（OCR），或提供文字版 PDF`,
          },
        ],
      },
      pagesRead: [],
      pageCount: n,
      text: '',
      linePages: [],
    };
  }
  const garbled = [...all].filter((ch) => /[\uE000-\uF8FF\uFFFD\u0000-\u0008]/.test(ch)).length;
  if (garbled > all.length * 0.3) {
    diagnostics.push({
      code: PDF_CODES.GARBLED,
      severity: 'warning',
      message: `PDF 中大部分文字无法转换为可读字符（字体缺少 Unicode 映射），读取结果可能不完整`,
    });
  }

  const models = new Map<number, PageModel>();
  const model = async (i: number): Promise<PageModel> => {
    const cached = models.get(i);
    if (cached) return cached;
    const t = texts[i - 1] as PageText;
    const ops = await t.page.getOperatorList();
    const rules = rulings(ops.fnArray, ops.argsArray, pdfjs.OPS as unknown as OpsLike, t.transform, t);
    const m = buildPage(i, t.width, t.height, t.runs, rules);
    models.set(i, m);
    return m;
  };

  const pageLines: PageLines[] = texts.map((t, i) => ({ page: i + 1, lines: linesOf(t.runs) }));
  const part = findPart(pageLines);
  const wanted = new Set<number>(part.summary);
  if (part.forms) {
    for (let i = part.forms.from; i <= part.forms.to; i++) wanted.add(i);
    for (const i of wanted) await model(i);
    // The last form may run on over the following pages (its table, or all of it when its title
    // ends a page). Running heads and page numbers, notes under the tables and a form's title
    // repeated on its continuation pages are told over the pages read (pageSkips), and do not count
    // as a page's first or last line.
    for (let i = part.forms.to; i < n; i++) {
      const next = await model(i + 1);
      if (!runsOn(await model(i), next, pageSkips([...models.values()]))) break;
      wanted.add(i + 1);
    }
  } else for (let i = 1; i <= n; i++) wanted.add(i);
  const pagesRead = [...wanted].sort((a, b) => a - b);
  const pageModels: PageModel[] = [];
  for (const i of pagesRead) pageModels.push(await model(i));
  // form labels outside any table: the form was drawn without rules (or with rules we cannot see)
  const gridless = pageModels.filter((m) =>
    m.free.some((l) => FORM_LABEL_RE.test(l.text.replace(/\s+/g, ''))),
  );
  if (gridless.length > 0) {
    diagnostics.push({
      code: PDF_CODES.NO_GRID,
      severity: 'warning',
      message: `${describePages(gridless.map((m) => m.page))}的申报表没有表格线，只能按文字位置读取，请核对读取结果`,
    });
  }
  for (const t of texts) t.page.cleanup();

  const emitted = emitDocument(pageModels);
  const text = emitted.lines.join('\n');
  const imported = importDisclosureText(text);
  for (const d of imported.diagnostics) diagnostics.push(toPages(d, emitted.pages));
  diagnostics.push({
    code: PDF_CODES.PAGES,
    severity: 'info',
    message:
      pagesRead.length === n
        ? `读取了全部${n}页`
        : `读取了绩效目标部分：${describePages(pagesRead)}（共${n}页）`,
  });
  return {
    result: { disclosure: imported.disclosure, diagnostics },
    pagesRead,
    pageCount: n,
    text,
    linePages: emitted.pages,
  };
}

/** The page's runs as lines of text without whitespace, for recognising headings. */
function linesOf(runs: readonly TextRun[]): string[] {
  const sorted = [...runs].sort((a, b) => a.base - b.base || a.x0 - b.x0);
  const lines: string[] = [];
  let base = Number.NEGATIVE_INFINITY;
  let size = 0;
  for (const r of sorted) {
    const s = r.str.replace(/\s+/g, '');
    if (r.base - base > Math.max(size, r.size) * 0.5) {
      lines.push(s);
      base = r.base;
      size = r.size;
    } else lines[lines.length - 1] += s;
  }
  return lines;
}

/** A diagnostic of the text importer with its line numbers turned into the pages they came from. */
function toPages(d: Diagnostic, pages: readonly number[]): Diagnostic {
  const page = (line: number) => pages[line - 1] ?? pages[pages.length - 1] ?? 1;
  const message = d.message.replace(/第(\d+)行/g, (_, no: string) => `第${page(Number(no))}页`);
  const { line: _line, ...rest } = d;
  return { ...rest, message };
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The PDF reader of the format registry. */
export const pdfReader: Reader = {
  read: async (bytes, options) => (await readPdf(bytes, options)).result,
};
