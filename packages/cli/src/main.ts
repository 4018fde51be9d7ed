/**
 * The `jixiao` command: argument parsing and dispatch. Each command lives in `commands/`; every
 * failure goes through `reportError`, so bad input never shows a stack trace.
 */
import { readFileSync } from 'node:fs';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { PROFILES } from '@jixiao/core';
import { runCheck } from './commands/check.ts';
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
  run(file: string, values: Values, io: Io): number;
}

const HELP_OPTION: Options = { help: { type: 'boolean', short: 'h' } };
const FORMAT_OPTION: Options = { format: { type: 'string', short: 'f', default: 'text' } };
const PROFILE_NAMES = Object.keys(PROFILES).join('、');

const COMMANDS: Record<string, Command> = {
  import: {
    usage: 'jixiao import 文件 [-o 输出文件]',
    help: `读入公开文本（.txt）或 JSON（.json），输出规范的 jixiao.disclosure/1 JSON。
导入器的警告写到标准错误；读不出来时退出码为 2，并指出第一处出错的行。

选项：
  -o, --output 文件   写入该文件（先写临时文件再改名），而不是标准输出`,
    options: { ...HELP_OPTION, output: { type: 'string', short: 'o' } },
    run: (file, v, io) => runImport({ file, output: v.output as string | undefined }, io),
  },
  check: {
    usage: 'jixiao check 文件|目录 [--format text|json] [--profile 名称]',
    help: `按审核规则检查绩效目标，按项目列出问题。给出目录时检查其中所有 .txt 和 .json 文件（含子目录）。

选项：
  -f, --format text|json   输出格式，默认 text；json 输出 {"findings":[…]}（目录时每条带 file）
  -p, --profile 名称       审核配置：${PROFILE_NAMES}（默认 default）

退出码：0 没有错误级问题；1 有错误级问题；2 有输入无法读取`,
    options: {
      ...HELP_OPTION,
      ...FORMAT_OPTION,
      profile: { type: 'string', short: 'p', default: 'default' },
    },
    run: (target, v, io) =>
      runCheck({ target, format: format(v.format), profile: String(v.profile ?? 'default') }, io),
  },
  summary: {
    usage: 'jixiao summary 文件 [--format text|json]',
    help: `按申报表计算部门汇总（预算单位数、项目数、项目预算资金、大额项目数）和汇总句，
并指出文中汇总段落与计算不一致之处。

选项：
  -f, --format text|json   输出格式，默认 text`,
    options: { ...HELP_OPTION, ...FORMAT_OPTION },
    run: (file, v, io) => runSummary({ file, format: format(v.format) }, io),
  },
};

const MAIN_HELP = `jixiao — 项目预算绩效目标：编报、审核与公开

用法：
${Object.values(COMMANDS)
  .map((c) => `  ${c.usage}`)
  .join('\n')}

命令：
  import    读入公开文本或 JSON，输出规范 JSON
  check     按审核规则检查绩效目标
  summary   计算部门汇总和汇总句，并与文中所述比较

选项：
  -h, --help      显示帮助（jixiao 命令 --help 显示该命令的帮助）
  -V, --version   显示版本

退出码：0 没有错误级问题；1 有错误级问题；2 无法运行（参数错误、输入无法读取）
环境变量：NO_COLOR 关闭颜色；JIXIAO_DEBUG=1 在内部错误时显示调用栈
`;

/** Runs the command line `argv` (without `node` and the script) and returns the exit code. */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  try {
    return dispatch(argv, io);
  } catch (e) {
    return reportError(e, io);
  }
}

function dispatch(argv: readonly string[], io: Io): number {
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
  const [target, ...extra] = positionals;
  if (target === undefined) throw errors.usage(`缺少要处理的文件。用法：${command.usage}`);
  if (extra.length > 0) throw errors.usage(`多余的参数：${extra.join(' ')}。用法：${command.usage}`);
  return command.run(target, values, io);
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

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}
