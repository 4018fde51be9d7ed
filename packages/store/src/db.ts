/**
 * Opens the database: PostgreSQL when `DATABASE_URL` names one, otherwise embedded PGlite in a data
 * directory (`JIXIAO_DATA_DIR`, default `./data`). Migrations run on open, under an advisory lock so
 * that several server processes starting together migrate once.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema.ts';

export type Schema = typeof schema;
/** A drizzle database over either driver; transactions have the same API. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** where the data is: the directory, or the URL without password */
  location: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL URL; default `process.env.DATABASE_URL` */
  url?: string | undefined;
  /** PGlite data directory; default `process.env.JIXIAO_DATA_DIR ?? './data'`; `memory://` for none */
  dataDir?: string | undefined;
  /** pool size for PostgreSQL (default 10) */
  poolSize?: number;
}

export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '../migrations');
const MIGRATION_LOCK = 7_290_331; // arbitrary constant shared by all jixiao processes

/** Opens and migrates the database. */
export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  const url = options.url ?? process.env.DATABASE_URL;
  if (url) {
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
    // An idle connection that dies (server restart, a dropped test database) is emitted on the pool;
    // unhandled, that event would take the whole process down. The pool replaces the connection.
    pool.on('error', (e) => {
      if (process.env.JIXIAO_DEBUG === '1') console.error('jixiao: PostgreSQL connection lost:', e.message);
    });
    const client = await pool.connect();
    try {
      await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
      await migratePg(drizzlePg({ client, schema }), { migrationsFolder: MIGRATIONS_DIR });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
      client.release();
    }
    const db = drizzlePg({ client: pool, schema }) as unknown as Db;
    return { db, kind: 'postgres', location: url.replace(/:[^:@/]*@/, ':***@'), close: () => pool.end() };
  }
  const dataDir = options.dataDir ?? process.env.JIXIAO_DATA_DIR ?? './data';
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir);
  const pdb = drizzlePglite({ client, schema });
  await migratePglite(pdb, { migrationsFolder: MIGRATIONS_DIR });
  return { db: pdb as unknown as Db, kind: 'pglite', location: dataDir, close: () => client.close() };
}
