/**
 * The `jixiao` command: argument parsing and dispatch. Each command lives in `commands/`; every
 * failure goes through `reportError`, so bad input never shows a stack trace.
 */
import { readFileSync } from 'node:fs';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { PROFILES } from '@jixiao/core';
import { runCheck } from './commands/check.ts';
import { type DbAction, runDb } from './commands/db.ts';
import { runExport } from './commands/export.ts';
import { runImport } from './commands/import.ts';
import { runSummary } from './commands/summary.ts';
import { EXIT, errors, reportError } from './errors.ts';
import { type Io, processIo } from './io.ts';

type Options = NonNullable<ParseArgsConfig['options']>;
type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

interface Command {
  usage: string;
  help: string;
  options: Options;
  /** the positional arguments it takes, by name (default: one file) */
  operands?: readonly string[];
  /** checks the positional arguments given so far, before any is found missing */
  checkOperands?(args: readonly string[]): void;
  run(args: string[], values: Values, io: Io): number | Promise<number>;
}

const HELP_OPTION: Options = { help: { type: 'boolean', short: 'h' } };
const FORMAT_OPTION: Options = { format: { type: 'string', short: 'f', default: 'text' } };
const PROFILE_NAMES = Object.keys(PROFILES).join('、');

const COMMANDS: Record<string, Command> = {
  import: {
    usage: 'jixiao import 文件 [-o 输出文件]',
    help: `读入公开文件，输出规范的 jixiao.disclosure/1 JSON。可以读入：
  .txt    从公开的 PDF 中提取的文本
  .json   jixiao.disclosure/1 JSON
  .pdf    公开的 PDF 文件
  .xlsx   Excel 工作簿（jixiao export --format xlsx 的格式）
读入时的警告写到标准错误；读不出来时退出码为 2，并指出第一处出错的位置（行、页或工作表单元格）。

选项：
  -o, --output 文件   写入该文件（先写临时文件再改名），而不是标准输出`,
    options: { ...HELP_OPTION, output: { type: 'string', short: 'o' } },
    run: ([file], v, io) => runImport({ file: file as string, output: v.output as string | undefined }, io),
  },
  export: {
    usage: 'jixiao export 文件 --format pdf|xlsx|docx|csv|html|json [-o 输出文件]',
    help: `读入公开文件（import 能读的 .txt、.json、.pdf、.xlsx），导出为另一种格式：
  pdf    按公开文件版式排版的 PDF（A4）
  xlsx   Excel 工作簿，可再用 jixiao import 读回
  docx   Word 文档，版式同 PDF
  csv    每个绩效指标一行的表格（UTF-8，带 BOM，Excel 可直接打开）
  html   可打印的网页（A4 打印样式）
  json   规范的 jixiao.disclosure/1 JSON（同 import）

选项：
  -f, --format 格式   导出格式；省略时按 -o 输出文件的扩展名确定
  -o, --output 文件   写入该文件（先写临时文件再改名）。csv、html、json 省略时写到标准输出；
                      pdf、xlsx、docx 是二进制格式，必须给出

退出码：0 完成；2 无法完成（参数错误、输入无法读取、无法写入）`,
    options: {
      ...HELP_OPTION,
      format: { type: 'string', short: 'f' },
      output: { type: 'string', short: 'o' },
    },
    run: ([file], v, io) =>
      runExport(
        {
          file: file as string,
          format: v.format as string | undefined,
          output: v.output as string | undefined,
        },
        io,
      ),
  },
  check: {
    usage: 'jixiao check 文件|目录 [--format text|json] [--profile 名称]',
    help: `按审核规则检查绩效目标，按项目列出问题。文件可以是 .txt、.json、.pdf 或 .xlsx；
给出目录时检查其中所有这些类型的文件（含子目录），跳过不是公开文件的文件。

选项：
  -f, --format text|json   输出格式，默认 text；json 输出 {"findings":[…]}（目录时每条带 file）
  -p, --profile 名称       审核配置：${PROFILE_NAMES}（默认 default）

退出码：0 没有错误级问题；1 有错误级问题；2 有输入无法读取`,
    options: {
      ...HELP_OPTION,
      ...FORMAT_OPTION,
      profile: { type: 'string', short: 'p', default: 'default' },
    },
    run: ([target], v, io) =>
      runCheck(
        { target: target as string, format: format(v.format), profile: String(v.profile ?? 'default') },
        io,
      ),
  },
  summary: {
    usage: 'jixiao summary 文件 [--format text|json]',
    help: `按申报表计算部门汇总（预算单位数、项目数、项目预算资金、大额项目数）和汇总句，
并指出文中汇总段落与计算不一致之处。

选项：
  -f, --format text|json   输出格式，默认 text`,
    options: { ...HELP_OPTION, ...FORMAT_OPTION },
    run: ([file], v, io) => runSummary({ file: file as string, format: format(v.format) }, io),
  },
  db: {
    usage: 'jixiao db backup|restore 文件',
    help: `备份或恢复整个数据库（gzip 压缩的 JSON 行文件），PostgreSQL 与 PGlite 之间通用，可用来迁移数据。
数据库的选择与服务器相同：设置了 DATABASE_URL 时为该 PostgreSQL 数据库，否则为 JIXIAO_DATA_DIR
（默认 ./data）中的 PGlite 数据库；打开时先完成数据库结构升级。完成后列出各表及行数。

  jixiao db backup 文件    把数据库写入该文件（先写临时文件再改名，已有的同名文件被替换）
  jixiao db restore 文件   把备份恢复到空数据库（一个事务，失败则不写入任何数据）

PGlite 数据目录同一时间只能由一个进程使用：请先停止使用该目录的服务器。

退出码：0 完成；2 无法完成（文件不存在或不是完整的 jixiao 备份、恢复的目标数据库不是空的、无法连接数据库）`,
    options: HELP_OPTION,
    operands: ['子命令（backup 或 restore）', '备份文件'],
    checkOperands: ([action]) => void (action === undefined || dbAction(action)),
    run: ([action, file], _v, io) => runDb({ action: dbAction(action), file: file as string }, io),
  },
};

const MAIN_HELP = `jixiao — 项目预算绩效目标：编报、审核与公开

用法：
${Object.values(COMMANDS)
  .map((c) => `  ${c.usage}`)
  .join('\n')}

命令：
  import    读入公开文件（.txt、.json、.pdf、.xlsx），输出规范 JSON
  export    导出为 PDF、Excel、Word、CSV、HTML 或 JSON
  check     按审核规则检查绩效目标
  summary   计算部门汇总和汇总句，并与文中所述比较
  db        备份、恢复数据库（PostgreSQL 与 PGlite 通用）

选项：
  -h, --help      显示帮助（jixiao 命令 --help 显示该命令的帮助）
  -V, --version   显示版本

退出码：0 没有错误级问题；1 有错误级问题；2 无法运行（参数错误、输入无法读取）
环境变量：NO_COLOR 关闭颜色；JIXIAO_DEBUG=1 在内部错误时显示调用栈；
  DATABASE_URL、JIXIAO_DATA_DIR 选择 db 命令使用的数据库（同服务器）
`;

/** Runs the command line `argv` (without `node` and the script) and returns the exit code. */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (e) {
    return reportError(e, io);
  }
}

function dispatch(argv: readonly string[], io: Io): number | Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr(MAIN_HELP);
    return EXIT.CANNOT_RUN;
  }
  if (first === '-h' || first === '--help' || first === 'help') {
    const name = first === 'help' ? rest[0] : undefined;
    const command = name !== undefined && Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    io.stdout(command ? commandHelp(command) : MAIN_HELP);
    return EXIT.OK;
  }
  if (first === '-V' || first === '--version') {
    io.stdout(`jixiao ${version()}\n`);
    return EXIT.OK;
  }
  const command = Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined;
  if (!command) {
    throw errors.usage(
      first.startsWith('-')
        ? `未知选项 ${first}`
        : `未知命令「${first}」。可用的命令：${Object.keys(COMMANDS).join('、')}`,
    );
  }
  const { values, positionals } = parse(rest, command.options);
  if (values.help) {
    io.stdout(commandHelp(command));
    return EXIT.OK;
  }
  const operands = command.operands ?? ['文件'];
  command.checkOperands?.(positionals);
  if (positionals.length < operands.length) {
    const missing = operands[positionals.length] === '文件' ? '要处理的文件' : operands[positionals.length];
    throw errors.usage(`缺少${missing}。用法：${command.usage}`);
  }
  const extra = positionals.slice(operands.length);
  if (extra.length > 0) throw errors.usage(`多余的参数：${extra.join(' ')}。用法：${command.usage}`);
  return command.run(positionals, values, io);
}

function commandHelp(command: Command): string {
  return `用法：${command.usage}\n\n${command.help}\n`;
}

function parse(args: string[], options: Options): { values: Values; positionals: string[] } {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw errors.usage(parseArgsMessage(e));
  }
}

/** node:util's parse errors, in Chinese. */
function parseArgsMessage(e: unknown): string {
  const code = (e as { code?: string }).code;
  const message = e instanceof Error ? e.message : String(e);
  const option = /'(-[^']*)'/.exec(message)?.[1]?.split(',').at(-1)?.trim().split(' ')[0] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `未知选项 ${option}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return message.includes('does not take') ? `选项 ${option} 不接受值` : `选项 ${option} 需要一个值`;
  }
  return `参数有误：${message}`;
}

function format(value: Values[string]): 'text' | 'json' {
  if (value === undefined) return 'text';
  if (value === 'text' || value === 'json') return value;
  throw errors.usage(`--format 只能是 text 或 json，而不是「${String(value)}」`);
}

function dbAction(value: string | undefined): DbAction {
  if (value === 'backup' || value === 'restore') return value;
  throw errors.usage(`db 的子命令只能是 backup 或 restore，而不是「${String(value)}」`);
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}
