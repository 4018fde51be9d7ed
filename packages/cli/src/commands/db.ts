import { statSync } from 'node:fs';
import type { Database, OpenOptions } from '@jixiao/store';
import { CliError, EXIT, errors, fsReason } from '../errors.ts';
import type { Io } from '../io.ts';

export type DbAction = 'backup' | 'restore';

export interface DbArgs {
  action: DbAction;
  file: string;
}

/** The `db` command's own failures; all exit 2 (could not run). */
const dbErrors = {
  unavailable: (where: string, reason: string) =>
    new CliError('DB_UNAVAILABLE', `无法打开数据库（${where}）：${reason}`, [
      '使用 PostgreSQL 时请检查 DATABASE_URL；使用 PGlite 时请检查 JIXIAO_DATA_DIR，并确认没有服务器正在使用该数据目录',
    ]),
  /** the store refused: the database is not empty, or the file is not a usable backup */
  refused: (code: string, message: string) => new CliError(`DB_${code}`, message),
  inputNotFile: (file: string) => new CliError('INPUT_IS_DIRECTORY', `${file} 是目录，不是备份文件`),
};

/** Chinese names of the store's tables, for the summary. */
const TABLE_NAMES: Record<string, string> = {
  organizations: '组织机构',
  users: '用户',
  sessions: '会话',
  login_attempts: '登录记录',
  budget_years: '预算年度',
  projects: '项目',
  revisions: '项目修订',
  revision_sections: '修订段落',
  revision_indicators: '修订指标',
  findings: '审核发现',
  comments: '批注',
  transitions: '流转记录',
  audit_log: '审计日志',
  publications: '公开记录',
};

/**
 * `jixiao db backup FILE` / `jixiao db restore FILE`: the whole database to or from one gzip'd
 * JSON-lines file, on PostgreSQL (`DATABASE_URL`) or PGlite (`JIXIAO_DATA_DIR`, default `./data`),
 * opened exactly as the server opens it — so data moves between the two kinds. Prints the tables
 * and their row counts; exits 0 once done, 2 when it cannot (missing or bad file, a database that
 * is not empty for a restore, an unreachable database).
 */
export async function runDb(args: DbArgs, io: Io): Promise<number> {
  if (args.action === 'restore') checkInput(args.file);
  // The store (PGlite, pg, drizzle) loads only for this command: the others start without it.
  const store = await import('@jixiao/store');
  const database = await open(store.openDatabase, io);
  try {
    const { tables } =
      args.action === 'backup'
        ? await store.backupDatabase(database.db, args.file).catch((e: unknown) => {
            if (isFsError(e)) throw errors.outputWriteFailed(args.file, fsReason(e));
            throw e;
          })
        : await store.restoreDatabase(database.db, args.file);
    io.stdout(summary(args, database, tables));
    return EXIT.OK;
  } catch (e) {
    if (e instanceof store.StoreError) throw dbErrors.refused(e.code, e.message);
    throw e;
  } finally {
    await database.close().catch(() => undefined);
  }
}

/** A restore's input must be an existing file: said plainly, before the database is opened. */
function checkInput(file: string): void {
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw errors.inputNotFound(file);
    throw errors.inputUnreadable(file, fsReason(e));
  }
  if (stat.isDirectory()) throw dbErrors.inputNotFile(file);
}

/** As the server opens it: `DATABASE_URL` → PostgreSQL, else PGlite in `JIXIAO_DATA_DIR` (`./data`). */
async function open(openDatabase: (options: OpenOptions) => Promise<Database>, io: Io): Promise<Database> {
  const url = io.env.DATABASE_URL ?? '';
  const dataDir = io.env.JIXIAO_DATA_DIR ?? './data';
  const where = url ? `PostgreSQL ${url.replace(/:[^:@/]*@/, ':***@')}` : `PGlite ${dataDir}`;
  try {
    return await openDatabase({ url, dataDir });
  } catch (e) {
    throw dbErrors.unavailable(where, e instanceof Error ? e.message : String(e));
  }
}

function isFsError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code);
}

function summary(args: DbArgs, database: Database, tables: Record<string, number>): string {
  const kind = database.kind === 'pglite' ? 'PGlite' : 'PostgreSQL';
  const where = `${kind} 数据库（${database.location}）`;
  const entries = Object.entries(tables);
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  const head =
    args.action === 'backup' ? `已将 ${where}备份到 ${args.file}` : `已将备份 ${args.file} 恢复到 ${where}`;
  const label = (name: string) => (TABLE_NAMES[name] ? `${name}（${TABLE_NAMES[name]}）` : name);
  const width = Math.max(...entries.map(([name]) => displayWidth(label(name))), 0);
  const countWidth = Math.max(...entries.map(([, n]) => fmt(n).length), 0);
  const lines = entries.map(
    ([name, n]) =>
      `  ${label(name)}${' '.repeat(width - displayWidth(label(name)))}  ${fmt(n).padStart(countWidth)} 行`,
  );
  return `${head}\n${lines.join('\n')}\n共 ${entries.length} 张表，${fmt(total)} 行\n`;
}

const fmt = (n: number) => n.toLocaleString('en-US');

/** Columns on a terminal: CJK and full-width characters take two. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/u.test(ch) ? 2 : 1;
  return w;
}
