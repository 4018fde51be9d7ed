/**
 * Backup and restore of the whole database as gzip'd JSON lines, readable on either database kind:
 *
 * ```
 * {"format":"jixiao.backup","version":1,"createdAt":…,"migrations":{"count":2,"last":…}}
 * {"table":"organizations","columns":["id","kind",…],"rows":3}
 * {"id":1,"kind":"region",…}                      ← one line per row, as row_to_json prints it
 * …
 * {"end":true,"tables":{"organizations":3,…}}
 * ```
 *
 * Rows go from SQL to the file and back as JSON text and never through JavaScript numbers, so
 * numeric(18,2) amounts and bigint ids keep every digit. Tables are written parents first (foreign
 * keys), rows in primary-key order, all in one repeatable-read snapshot.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from './db.ts';
import { StoreError } from './errors.ts';
import { recountFindings } from './revision-rows.ts';

export const BACKUP_FORMAT = 'jixiao.backup';
export const BACKUP_VERSION = 1;
const PAGE_ROWS = 5_000;
const BATCH_ROWS = 2_000;
const BATCH_CHARS = 8_000_000;

interface TableInfo {
  name: string;
  columns: string[];
  primaryKey: string[];
  /** columns whose default is a sequence (serial) */
  serial: string[];
}

async function query<T>(db: Db, q: SQL): Promise<T[]> {
  return ((await db.execute(q)) as unknown as { rows: T[] }).rows;
}

const ident = (name: string) => sql.identifier(name);
const identList = (names: readonly string[]) =>
  sql.join(
    names.map((n) => sql.identifier(n)),
    sql`, `,
  );

/** The tables of the `public` schema, parents before children. */
async function tables(db: Db): Promise<TableInfo[]> {
  const cols = await query<{ table: string; column: string; serial: boolean }>(
    db,
    sql`select c.relname as table, a.attname as column,
          coalesce(pg_get_expr(d.adbin, d.adrelid) like 'nextval(%', false) as serial
        from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
        left join pg_attrdef d on d.adrelid = c.oid and d.adnum = a.attnum
        where n.nspname = 'public' and c.relkind in ('r', 'p')
        order by c.relname, a.attnum`,
  );
  const pks = await query<{ table: string; column: string }>(
    db,
    sql`select c.relname as table, a.attname as column
        from pg_index i
        join pg_class c on c.oid = i.indrelid
        join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = c.oid and a.attnum = any(i.indkey)
        where i.indisprimary and n.nspname = 'public'
        order by c.relname, array_position(i.indkey::int2[], a.attnum)`,
  );
  const fks = await query<{ child: string; parent: string }>(
    db,
    sql`select ch.relname as child, pa.relname as parent
        from pg_constraint k
        join pg_class ch on ch.oid = k.conrelid
        join pg_class pa on pa.oid = k.confrelid
        join pg_namespace n on n.oid = ch.relnamespace
        where k.contype = 'f' and n.nspname = 'public'`,
  );
  const info = new Map<string, TableInfo>();
  for (const c of cols) {
    let t = info.get(c.table);
    if (!t) {
      t = { name: c.table, columns: [], primaryKey: [], serial: [] };
      info.set(c.table, t);
    }
    t.columns.push(c.column);
    if (c.serial) t.serial.push(c.column);
  }
  for (const k of pks) info.get(k.table)?.primaryKey.push(k.column);
  // Topological order; ties alphabetical so that backups of equal databases are equal.
  const parents = new Map<string, Set<string>>([...info.keys()].map((t) => [t, new Set<string>()]));
  for (const fk of fks) if (fk.child !== fk.parent) parents.get(fk.child)?.add(fk.parent);
  const order: TableInfo[] = [];
  const done = new Set<string>();
  while (order.length < info.size) {
    const ready = [...info.keys()]
      .filter((t) => !done.has(t) && [...(parents.get(t) ?? [])].every((p) => done.has(p) || !info.has(p)))
      .sort();
    const next = ready[0] ?? [...info.keys()].filter((t) => !done.has(t)).sort()[0];
    if (next === undefined) break;
    done.add(next);
    order.push(info.get(next) as TableInfo);
  }
  return order;
}

async function migrations(db: Db): Promise<{ count: number; last: string | null }> {
  const [row] = await query<{ count: number; last: string | null }>(
    db,
    sql`select count(*)::int as count, max(created_at)::text as last from drizzle.__drizzle_migrations`,
  ).catch(() => [{ count: 0, last: null }]);
  return row ?? { count: 0, last: null };
}

/** The rows of a table as JSON text, in primary-key order, a page at a time (keyset). */
async function* tableRows(db: Db, t: TableInfo): AsyncGenerator<string> {
  const from = ident(t.name);
  if (t.primaryKey.length === 0) {
    for (const r of await query<{ j: string }>(db, sql`select row_to_json(x)::text as j from ${from} x`))
      yield r.j;
    return;
  }
  const key = sql.join(
    t.primaryKey.map((c) => sql`x.${ident(c)}`),
    sql`, `,
  );
  let last: string | null = null;
  for (;;) {
    // The next page starts after the last row's key, read back from that row's own JSON.
    const after: SQL =
      last === null
        ? sql``
        : sql`where (${key}) > (select ${identList(t.primaryKey)} from json_populate_record(null::${from}, ${last}::json))`;
    const page = await query<{ j: string }>(
      db,
      sql`select row_to_json(x)::text as j from ${from} x ${after} order by ${key} limit ${PAGE_ROWS}`,
    );
    for (const r of page) yield r.j;
    if (page.length < PAGE_ROWS) return;
    last = (page[page.length - 1] as { j: string }).j;
  }
}

/**
 * Writes every table of the database to `file` (gzip'd JSON lines), from one consistent snapshot.
 * The file is written beside and renamed into place, so a failed backup leaves no partial file.
 *
 * @returns the number of rows written per table
 */
export async function backupDatabase(db: Db, file: string): Promise<{ tables: Record<string, number> }> {
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  const counts: Record<string, number> = {};
  try {
    await db.transaction(
      async (tx) => {
        const list = await tables(tx);
        const header = {
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          createdAt: new Date().toISOString(),
          migrations: await migrations(tx),
        };
        async function* lines(): AsyncGenerator<string> {
          yield `${JSON.stringify(header)}\n`;
          for (const t of list) {
            const [c] = await query<{ n: number }>(tx, sql`select count(*)::int as n from ${ident(t.name)}`);
            const n = c?.n ?? 0;
            yield `${JSON.stringify({ table: t.name, columns: t.columns, rows: n })}\n`;
            let written = 0;
            for await (const row of tableRows(tx, t)) {
              yield `${row}\n`;
              written++;
            }
            if (written !== n) throw new Error(`table ${t.name} changed during the backup`);
            counts[t.name] = n;
          }
          yield `${JSON.stringify({ end: true, tables: counts })}\n`;
        }
        await pipeline(lines(), createGzip(), createWriteStream(tmp));
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
  return { tables: counts };
}

const invalid = (message: string, details: Record<string, unknown> = {}) =>
  new StoreError('VALIDATION', `备份文件不可用：${message}`, details);

/**
 * Restores a backup into an empty, migrated database in one transaction, then moves every serial
 * sequence past the restored ids. Works across database kinds (PGlite ⇄ PostgreSQL); columns
 * missing from an older backup get their defaults.
 *
 * @throws StoreError VALIDATION when the database is not empty, or the file is not a complete
 *   jixiao backup, or comes from a newer schema, or names a table or column this database lacks
 */
export async function restoreDatabase(db: Db, file: string): Promise<{ tables: Record<string, number> }> {
  const counts: Record<string, number> = {};
  await db.transaction(async (tx) => {
    const list = await tables(tx);
    const byName = new Map(list.map((t) => [t.name, t]));
    for (const t of list) {
      const [row] = await query<{ any: boolean }>(
        tx,
        sql`select exists (select 1 from ${ident(t.name)}) as any`,
      );
      if (row?.any) {
        throw new StoreError('VALIDATION', `数据库不是空的（表 ${t.name} 已有数据），不能恢复备份`, {
          table: t.name,
        });
      }
    }
    const ours = await migrations(tx);

    const input = createReadStream(file);
    const gunzip = createGunzip();
    const reader = createInterface({ input: input.pipe(gunzip), crlfDelay: Number.POSITIVE_INFINITY });
    // A missing, unreadable or corrupt file fails in the streams, and reaches the reader or not.
    let streamError: unknown = null;
    const failed = Promise.race([once(input, 'error'), once(gunzip, 'error')]).then(([e]) => {
      streamError = e;
      throw e;
    });
    failed.catch(() => undefined);

    let header = false;
    let ended = false;
    let table: { info: TableInfo; columns: string[]; expected: number; seen: number } | null = null;
    let batch: string[] = [];
    let batchChars = 0;
    const flush = async () => {
      if (!table || batch.length === 0) return;
      const cols = identList(table.columns);
      const target = ident(table.info.name);
      await tx.execute(
        sql`insert into ${target} (${cols}) overriding system value
            select ${cols} from json_populate_recordset(null::${target}, ${`[${batch.join(',')}]`}::json)`,
      );
      batch = [];
      batchChars = 0;
    };
    const closeTable = async () => {
      if (!table) return;
      await flush();
      if (table.seen !== table.expected) {
        throw invalid(`表 ${table.info.name} 应有 ${table.expected} 行，只有 ${table.seen} 行`);
      }
      counts[table.info.name] = table.seen;
      table = null;
    };

    const read = async () => {
      for await (const line of reader) {
        if (line === '') continue;
        if (ended) throw invalid('结束标记之后还有内容');
        if (!header) {
          const h = parseLine(line);
          if (h.format !== BACKUP_FORMAT) throw invalid('不是 jixiao 备份');
          if (h.version !== BACKUP_VERSION) throw invalid(`不支持的备份格式版本 ${String(h.version)}`);
          const m = h.migrations as { count?: number } | undefined;
          if ((m?.count ?? 0) > ours.count) throw invalid('备份来自更新的数据库结构，请先升级程序');
          header = true;
          continue;
        }
        if (table && table.seen < table.expected) {
          batch.push(line);
          batchChars += line.length;
          table.seen++;
          if (batch.length >= BATCH_ROWS || batchChars >= BATCH_CHARS) await flush();
          continue;
        }
        await closeTable();
        const h = parseLine(line);
        if (h.end === true) {
          ended = true;
          continue;
        }
        const info = byName.get(String(h.table));
        if (!info) throw invalid(`本数据库没有表 ${String(h.table)}`);
        const columns = h.columns as string[];
        const unknown = columns.filter((c) => !info.columns.includes(c));
        if (unknown.length > 0) throw invalid(`表 ${info.name} 没有列 ${unknown.join('、')}`);
        table = { info, columns, expected: Number(h.rows), seen: 0 };
      }
      await closeTable();
      if (!header || !ended) throw invalid('文件不完整');
    };
    try {
      await Promise.race([read(), failed]);
    } catch (e) {
      if (streamError === null && !isStreamError(e)) throw e;
      throw invalid(streamReason(streamError ?? e));
    } finally {
      reader.close();
      input.destroy();
    }

    for (const t of list) {
      for (const column of t.serial) {
        await tx.execute(sql`select setval(pg_get_serial_sequence(${t.name}, ${column}),
          coalesce((select max(${ident(column)}) from ${ident(t.name)}), 1),
          (select max(${ident(column)}) from ${ident(t.name)}) is not null)`);
      }
    }
    // a backup made before revisions kept their finding counts restores them as 0: count again
    await recountFindings(tx);
  });
  return { tables: counts };
}

/** Why a file could not be read, in Chinese: zlib and the file system speak English. */
function streamReason(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return '文件不存在';
    case 'EISDIR':
      return '给出的是目录，不是文件';
    case 'EACCES':
    case 'EPERM':
      return '没有读取该文件的权限';
    case 'Z_DATA_ERROR':
    case 'Z_BUF_ERROR':
    case 'Z_STREAM_ERROR':
      return '不是 gzip 压缩的 jixiao 备份文件，或文件已损坏';
    default:
      return `读取失败（${typeof code === 'string' ? code : e instanceof Error ? e.message : String(e)}）`;
  }
}

/** zlib and file-system errors carry a `code` such as `Z_DATA_ERROR` or `ENOENT`. */
function isStreamError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^(Z_|E[A-Z]+$)/.test(code);
}

function parseLine(line: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(line);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw invalid(`无法解析的行：${line.slice(0, 80)}`);
}
