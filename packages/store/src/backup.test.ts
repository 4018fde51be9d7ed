import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { getTableColumns, getTableName, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, backupDatabase, restoreDatabase } from './backup.ts';
import { addComment, resolveComment } from './comments.ts';
import {
  copy,
  fixture,
  openContentTestDatabase,
  openPglite,
  seedWorld,
  type World,
} from './content-testing.ts';
import type { Database, Db } from './db.ts';
import { getProject, importDisclosure, saveRevision } from './projects.ts';
import * as schema from './schema.ts';
import { ON_POSTGRES } from './testing.ts';

const TABLES = (Object.values(schema) as unknown[]).filter((t): t is PgTable => is(t, PgTable));

/** Every table's rows as drizzle reads them (dates, numerics as strings, jsonb), in a fixed order. */
async function dump(db: Db): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of TABLES) {
    const columns = Object.values(getTableColumns(table));
    const rows = await db
      .select()
      .from(table)
      .orderBy(...columns.map((c) => sql`${c}`));
    out[getTableName(table)] = rows;
  }
  return out;
}

/** Backups are PGlite-made: the embedded database is the default; PostgreSQL restores them too. */
describe('backup and restore', () => {
  let source: Database;
  let world: World;
  let dir: string;
  let file: string;
  let projectId: number;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jixiao-backup-'));
    file = join(dir, 'jixiao.backup.jsonl.gz');
    source = await openPglite();
    const db = source.db;
    world = await seedWorld(db);
    const { projectIds } = await importDisclosure(db, {
      departmentId: world.departmentId,
      disclosure: fixture(),
      actor: world.actor,
    });
    projectId = projectIds[0] as number;
    const p = copy((await getProject(db, projectId)).project);
    p.form.annualGoal = '多行\n"引号"\\反斜杠\t制表 😀';
    p.form.funds.total = 9_007_199_254_740_991; // the largest exact fen: every digit must survive
    await saveRevision(db, { projectId, baseVersion: 1, project: p, actor: world.actor, note: '备份前' });
    const { id } = await addComment(db, {
      projectId,
      path: 'form.annualGoal',
      body: '请核对',
      actor: world.reviewer,
    });
    await resolveComment(db, { commentId: id, actor: world.actor });
    await db.execute(
      sql`insert into login_attempts (username, ip, success) values ('a', '127.0.0.1', false), ('a', '::1', true)`,
    );
    await db.execute(sql`insert into budget_years (region_id, year) values (${world.regionId}, 2024)`);
  });
  afterAll(async () => {
    await source.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes every table to one gzip file of JSON lines with a header', async () => {
    const { tables } = await backupDatabase(source.db, file);
    expect(tables).toMatchObject({ organizations: 3, users: 2, projects: 10, revisions: 11, comments: 1 });
    expect(tables.revision_indicators).toBe(94 + 17);
    const lines = gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n');
    expect(JSON.parse(lines[0] as string)).toMatchObject({ format: BACKUP_FORMAT, version: 1 });
    expect(JSON.parse(lines.at(-1) as string)).toEqual({ end: true, tables });
    const order = lines.flatMap((l) => {
      const v = JSON.parse(l) as { table?: string; columns?: unknown };
      return v.table && v.columns ? [v.table] : [];
    });
    // Parents before children.
    expect(order.indexOf('organizations')).toBeLessThan(order.indexOf('users'));
    expect(order.indexOf('projects')).toBeLessThan(order.indexOf('revisions'));
    expect(order.indexOf('revisions')).toBeLessThan(order.indexOf('revision_indicators'));
    expect(order).toContain('audit_log');
  });

  it('restores into a fresh PGlite database with identical data, and new ids follow on', async () => {
    await backupDatabase(source.db, file);
    const target = await openPglite();
    try {
      const { tables } = await restoreDatabase(target.db, file);
      expect(tables.projects).toBe(10);
      expect(await dump(target.db)).toEqual(await dump(source.db));
      expect((await getProject(target.db, projectId)).project).toEqual(
        (await getProject(source.db, projectId)).project,
      );
      await expectSequencesFollowOn(target.db);
    } finally {
      await target.close();
    }
  });

  it('restores a backup made before revisions kept finding counts, counting them again', async () => {
    await backupDatabase(source.db, file);
    // the same backup as an older schema wrote it: revisions without error_count / warn_count
    // (edited as text: parsing rows would round their exact money through doubles)
    const counts = /"(error_count|warn_count)":\d+,?|,"(error_count|warn_count)":\d+/g;
    const lines = gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n');
    let inRevisions = 0;
    const old = lines.map((line) => {
      if (inRevisions > 0) {
        inRevisions--;
        return line.replace(counts, '');
      }
      const head = /^\{"table":"([a-z_]+)"/.exec(line);
      if (head?.[1] !== 'revisions') return line;
      const v = JSON.parse(line) as { rows: number; columns: string[] };
      inRevisions = v.rows;
      return JSON.stringify({
        ...v,
        columns: v.columns.filter((c) => c !== 'error_count' && c !== 'warn_count'),
      });
    });
    expect(old.join('\n')).not.toMatch(/error_count|warn_count/);
    const oldFile = join(dir, 'old.jsonl.gz');
    writeFileSync(oldFile, gzipSync(`${old.join('\n')}\n`));
    const target = await openPglite();
    try {
      await restoreDatabase(target.db, oldFile);
      expect(await dump(target.db)).toEqual(await dump(source.db));
      const counts = await target.db.execute(
        sql`select sum(error_count)::int as e, sum(warn_count)::int as w from revisions`,
      );
      expect(JSON.stringify(counts)).toMatch(/"e":[1-9]/);
    } finally {
      await target.close();
    }
  });

  it.runIf(ON_POSTGRES)('restores a PGlite backup into PostgreSQL with identical data', async () => {
    await backupDatabase(source.db, file);
    const target = await openContentTestDatabase();
    try {
      await restoreDatabase(target.db, file);
      expect(await dump(target.db)).toEqual(await dump(source.db));
      // and back: a PostgreSQL backup restores into PGlite
      const pgFile = join(dir, 'from-postgres.jsonl.gz');
      await backupDatabase(target.db, pgFile);
      const again = await openPglite();
      try {
        await restoreDatabase(again.db, pgFile);
        expect(await dump(again.db)).toEqual(await dump(source.db));
      } finally {
        await again.close();
      }
      await expectSequencesFollowOn(target.db);
    } finally {
      await target.close();
    }
  });

  it('refuses to restore into a database that is not empty, and changes nothing', async () => {
    await backupDatabase(source.db, file);
    await expect(restoreDatabase(source.db, file)).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('refuses a truncated or foreign file and leaves the database empty', async () => {
    const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
    const cut = join(dir, 'cut.gz');
    writeFileSync(cut, gzipSync(lines.slice(0, Math.floor(lines.length / 2)).join('\n')));
    const foreign = join(dir, 'foreign.gz');
    writeFileSync(foreign, gzipSync('{"format":"something-else","version":1}\n'));
    const notGzip = join(dir, 'plain.txt');
    writeFileSync(notGzip, 'hello');
    const target = await openPglite();
    try {
      for (const [f, says] of [
        [cut, '行，只有'],
        [foreign, '不是 jixiao 备份'],
        [notGzip, '不是 gzip 压缩的 jixiao 备份文件，或文件已损坏'],
        [join(dir, 'missing.gz'), '文件不存在'],
      ] as const) {
        await expect(restoreDatabase(target.db, f), f).rejects.toMatchObject({
          code: 'VALIDATION',
          message: expect.stringContaining(says),
        });
        expect(Object.values(await dump(target.db)).flat()).toEqual([]);
      }
    } finally {
      await target.close();
    }
  });
});

async function expectSequencesFollowOn(db: Db): Promise<void> {
  const [org] = await db
    .insert(schema.organizations)
    .values({ kind: 'region', name: '恢复后新建' })
    .returning();
  const { rows } = (await db.execute(sql`select max(id)::int as max from organizations`)) as unknown as {
    rows: { max: number }[];
  };
  expect(org?.id).toBe(rows[0]?.max);
  expect(org?.id).toBeGreaterThan(3);
}
