/**
 * The CLI's error catalogue: every way a command can fail to run has a stable code, a Chinese
 * message that names the file and, where known, the line, and an exit code. `reportError` is the
 * one place that turns an error into what the user sees.
 */
import type { Io } from './io.ts';

/** Exit codes (style.md): 0 clean, 1 error-level findings, 2 could not run. */
export const EXIT = { OK: 0, FINDINGS: 1, CANNOT_RUN: 2 } as const;

/** A failure the user can act on: bad arguments, unreadable input, unwritable output. */
export class CliError extends Error {
  override readonly name = 'CliError';

  constructor(
    /** stable, for scripts and tests: `INPUT_NOT_FOUND`, `JSON_SYNTAX`, `IMPORT_AMOUNT_INVALID`… */
    readonly code: string,
    /** Chinese, names the file and line */
    message: string,
    /** further lines (more issues of the same input), shown indented */
    readonly details: readonly string[] = [],
    readonly exitCode: number = EXIT.CANNOT_RUN,
  ) {
    super(message);
  }
}

/** The input types every reading command accepts, for messages. */
const INPUT_TYPES = '.txt、.json、.pdf 或 .xlsx';
const INPUT_TYPES_LONG =
  '.txt（公开文本）、.json（jixiao.disclosure/1）、.pdf（公开的 PDF 文件）和 .xlsx（Excel 工作簿）';

/** Factories for every `CliError` the CLI raises. */
export const errors = {
  usage: (message: string) => new CliError('CLI_USAGE', `${message}（运行 jixiao --help 查看用法）`),
  profileUnknown: (name: string, known: readonly string[]) =>
    new CliError('PROFILE_UNKNOWN', `未知的审核配置「${name}」。可用的配置：${known.join('、')}`),
  inputNotFound: (file: string) => new CliError('INPUT_NOT_FOUND', `找不到文件：${file}`),
  inputIsDirectory: (file: string) =>
    new CliError('INPUT_IS_DIRECTORY', `${file} 是目录；此命令只接受单个文件（${INPUT_TYPES}）`),
  inputUnreadable: (file: string, reason: string) =>
    new CliError('INPUT_UNREADABLE', `无法读取文件 ${file}：${reason}`),
  inputTypeUnknown: (file: string, ext: string) =>
    new CliError(
      'INPUT_TYPE_UNKNOWN',
      `无法识别的文件类型「${ext || '（无扩展名）'}」：${file}。支持 ${INPUT_TYPES_LONG}`,
    ),
  inputBinary: (file: string, line: number) =>
    new CliError('INPUT_NOT_TEXT', `${file} 第${line}行含有 NUL 字节：这是二进制文件，不是文本`, [
      'PDF 或 Excel 文件请使用 .pdf 或 .xlsx 扩展名，jixiao 会直接读取',
    ]),
  inputNotUtf8: (file: string, line: number) =>
    new CliError('INPUT_NOT_TEXT', `${file} 第${line}行含有无法按 UTF-8 解码的字节：不是 UTF-8 文本`, [
      '如果文件是 GBK 编码，请先转换为 UTF-8，例如：iconv -f GBK -t UTF-8 原文件 > 新文件.txt',
    ]),
  /** `where` names line and column: `第5行第3列：JSON 语法错误：…` */
  jsonSyntax: (file: string, where: string) => new CliError('JSON_SYNTAX', `${file} ${where}`),
  jsonNotDisclosure: (file: string) =>
    new CliError(
      'JSON_NOT_DISCLOSURE',
      `${file} 不是 jixiao 公开文件：顶层应为带有 "format": "jixiao.disclosure/1" 的对象`,
    ),
  jsonSchema: (file: string, issues: readonly string[]) =>
    new CliError(
      'JSON_SCHEMA',
      `${file} 不符合 jixiao.disclosure/1 格式（${issues.length} 处）：${issues[0] ?? ''}`,
      capped(issues.slice(1)),
    ),
  importFailed: (code: string, file: string, message: string, more: readonly string[]) =>
    new CliError(code, `${file}：${message}`, capped(more)),
  noForms: (file: string) =>
    new CliError('IMPORT_NO_FORMS', `${file} 中没有找到可以读取的「财政项目支出绩效目标申报表」`),
  noInputFiles: (dir: string) =>
    new CliError('INPUT_NO_FILES', `目录 ${dir} 中没有可检查的公开文件（${INPUT_TYPES}）`),
  outputWriteFailed: (file: string, reason: string) =>
    new CliError('OUTPUT_WRITE_FAILED', `无法写入 ${file}：${reason}`),
  exportFormatUnknown: (format: string, known: readonly string[]) =>
    new CliError('EXPORT_FORMAT_UNKNOWN', `无法导出为「${format}」格式。可用的格式：${known.join('、')}`),
  exportFormatMissing: () =>
    new CliError(
      'EXPORT_FORMAT_MISSING',
      '请用 --format 指定导出格式（pdf、xlsx、docx、csv、html、json），或给出带扩展名的 -o 输出文件（运行 jixiao export --help 查看用法）',
    ),
  exportOutputRequired: (format: string) =>
    new CliError(
      'EXPORT_OUTPUT_REQUIRED',
      `${format} 是二进制格式，不能写到标准输出：请用 -o 指定输出文件（如 -o 绩效目标.${format}）`,
    ),
};

const MAX_DETAILS = 20;

/** At most `MAX_DETAILS` lines, then how many more there are. */
function capped(lines: readonly string[]): string[] {
  if (lines.length <= MAX_DETAILS) return [...lines];
  return [...lines.slice(0, MAX_DETAILS), `……另有 ${lines.length - MAX_DETAILS} 处`];
}

/**
 * Codes meaning "this file is not a disclosure" rather than "this disclosure is broken": `check DIR`
 * skips such files. A PDF without forms is the text importer's IMPORT_NO_FORMS; a workbook with
 * neither 申报表 sheets nor the flat indicator sheet is IMPORT_XLSX_NO_DATA.
 */
export const NOT_A_DISCLOSURE: ReadonlySet<string> = new Set([
  'IMPORT_NO_FORMS',
  'JSON_NOT_DISCLOSURE',
  'IMPORT_XLSX_NO_DATA',
]);

/** A Chinese reason for a failed file-system call. */
export function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return '文件或目录不存在';
    case 'EACCES':
    case 'EPERM':
      return '没有权限';
    case 'EISDIR':
      return '这是一个目录';
    case 'ENOTDIR':
      return '路径中有一段不是目录';
    case 'ENOSPC':
      return '磁盘空间不足';
    case 'EROFS':
      return '文件系统只读';
    case 'EMFILE':
    case 'ENFILE':
      return '打开的文件过多';
    default:
      return code ?? (e instanceof Error ? e.message : String(e));
  }
}

/**
 * Prints an error and returns the exit code. A `CliError` is shown as is; anything else is a bug in
 * jixiao, shown as a generic message without internals (the stack only with `JIXIAO_DEBUG=1`).
 */
export function reportError(e: unknown, io: Io): number {
  if (e instanceof CliError) {
    io.stderr(`jixiao: ${e.code}: ${e.message}\n`);
    for (const d of e.details) io.stderr(`  ${d}\n`);
    return e.exitCode;
  }
  io.stderr('jixiao: INTERNAL: 内部错误，命令未能完成。请把所用的命令和输入文件报告给维护者。\n');
  if (io.env.JIXIAO_DEBUG === '1') {
    io.stderr(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  } else {
    io.stderr('  设置环境变量 JIXIAO_DEBUG=1 可显示详细信息。\n');
  }
  return EXIT.CANNOT_RUN;
}
