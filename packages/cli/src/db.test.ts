/**
 * `jixiao db backup|restore` through the real bin: data seeded into a PGlite data directory is
 * backed up, restored into a fresh PGlite directory — and, when `DATABASE_URL` names a PostgreSQL
 * server, into a fresh PostgreSQL database and back — and every table's row count and every
 * project's detail must come out the same.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Database, getProject, openDatabase, type ProjectDetail, seedDemo } from '@jixiao/store';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jixiao, type Run, STACK_FRAME, tempDir } from './testing.ts';

const ADMIN_URL = process.env.DATABASE_URL;
const TIMEOUT = 180_000;

/** The environment of a run on PGlite in `dir` (an empty DATABASE_URL means none). */
const pglite = (dir: string) => ({ DATABASE_URL: '', JIXIAO_DATA_DIR: dir });

interface Snapshot {
  counts: Record<string, number>;
  projects: ProjectDetail[];
}

/** Row counts of every table of the public schema, and every project's detail. */
async function snapshot(open: () => Promise<Database>): Promise<Snapshot> {
  const database = await open();
  try {
    const { db } = database;
    const rows = async <T>(q: string) => ((await db.execute(q)) as unknown as { rows: T[] }).rows;
    const tables = await rows<{ name: string }>(
      `select table_name as name from information_schema.tables
       where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables) {
      const [r] = await rows<{ n: number }>(`select count(*)::int as n from "${name}"`);
      counts[name] = r?.n ?? -1;
    }
    const ids = await rows<{ id: number }>('select id from projects order by id');
    const projects: ProjectDetail[] = [];
    for (const { id } of ids) projects.push(await getProject(db, id));
    return { counts, projects };
  } finally {
    await database.close();
  }
}

/** The counts the command printed: one `  name（中文）  N 行` line per table. */
function printedCounts(r: Run): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const m of r.stdout.matchAll(/^ {2}([a-z_]+)\S*\s+([\d,]+) 行$/gm)) {
    counts[m[1] as string] = Number((m[2] as string).replaceAll(',', ''));
  }
  return counts;
}

function expectOk(r: Run): void {
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
}

describe('jixiao db backup / restore', () => {
  const tmp = tempDir();
  const source = join(tmp.dir, 'source');
  const backup = join(tmp.dir, 'jixiao.backup.jsonl.gz');
  let before: Snapshot;
  /** The PGlite backup: made by the first test, or here when a test runs alone. */
  let made: Promise<void> | null = null;
  const ensureBackup = () => {
    made ??= existsSync(backup)
      ? Promise.resolve()
      : jixiao(['db', 'backup', backup], pglite(source)).then(expectOk);
    return made;
  };

  beforeAll(async () => {
    const database = await openDatabase({ url: '', dataDir: source });
    try {
      const { seeded } = await seedDemo(database.db);
      expect(seeded).toBe(true);
    } finally {
      await database.close();
    }
    before = await snapshot(() => openDatabase({ url: '', dataDir: source }));
  }, TIMEOUT);
  afterAll(() => tmp.remove());

  it(
    'backs up a PGlite directory and restores it into a fresh one, every row and project intact',
    async () => {
      const b = await jixiao(['db', 'backup', backup], pglite(source));
      expectOk(b);
      expect(existsSync(backup)).toBe(true);
      expect(b.stdout).toContain(`已将 PGlite 数据库（${source}）备份到 ${backup}`);
      expect(printedCounts(b)).toEqual(before.counts);
      const total = Object.values(before.counts).reduce((a, n) => a + n, 0);
      expect(b.stdout).toContain(
        `共 ${Object.keys(before.counts).length} 张表，${total.toLocaleString('en-US')} 行`,
      );
      expect(before.counts.projects).toBeGreaterThan(0);
      expect(before.counts.users).toBeGreaterThan(0);

      const target = join(tmp.dir, 'restored');
      const r = await jixiao(['db', 'restore', backup], pglite(target));
      expectOk(r);
      expect(r.stdout).toContain(`已将备份 ${backup} 恢复到 PGlite 数据库（${target}）`);
      expect(printedCounts(r)).toEqual(before.counts);
      const after = await snapshot(() => openDatabase({ url: '', dataDir: target }));
      expect(after.counts).toEqual(before.counts);
      expect(after.projects).toEqual(before.projects);

      // A second restore into the now non-empty directory is refused and changes nothing.
      const again = await jixiao(['db', 'restore', backup], pglite(target));
      expect(again.status).toBe(2);
      expect(again.stdout).toBe('');
      expect(again.stderr).toMatch(
        /^jixiao: DB_VALIDATION: 数据库不是空的（表 \w+ 已有数据），不能恢复备份\n$/,
      );
      expect((await snapshot(() => openDatabase({ url: '', dataDir: target }))).counts).toEqual(
        before.counts,
      );
    },
    TIMEOUT,
  );

  it.concurrent(
    'refuses a missing file, a directory and a file that is not a backup, with exit 2',
    async () => {
      const missing = await jixiao(['db', 'restore', join(tmp.dir, 'nope.gz')], pglite(join(tmp.dir, 'm')));
      expect(missing.status).toBe(2);
      expect(missing.stderr).toBe(`jixiao: INPUT_NOT_FOUND: 找不到文件：${join(tmp.dir, 'nope.gz')}\n`);

      const dir = await jixiao(['db', 'restore', tmp.dir], pglite(join(tmp.dir, 'd')));
      expect(dir.status).toBe(2);
      expect(dir.stderr).toContain('是目录，不是备份文件');

      const notGzip = join(tmp.dir, 'not-a-backup.gz');
      writeFileSync(notGzip, '{"format":"jixiao.backup"}\n');
      const bad = await jixiao(['db', 'restore', notGzip], pglite(join(tmp.dir, 'b')));
      expect(bad.status).toBe(2);
      expect(bad.stderr).toMatch(/^jixiao: DB_VALIDATION: 备份文件不可用：/);
      expect(bad.stderr).not.toMatch(STACK_FRAME);
      // nothing was restored: the target is still empty, so a good backup goes in
      await ensureBackup();
      expectOk(await jixiao(['db', 'restore', backup], pglite(join(tmp.dir, 'b'))));
    },
    TIMEOUT,
  );

  it.concurrent(
    'cannot write a backup into a missing directory, and names the reason',
    async () => {
      const file = join(tmp.dir, 'no', 'such', 'dir', 'x.gz');
      const r = await jixiao(['db', 'backup', file], pglite(join(tmp.dir, 'w')));
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(`jixiao: OUTPUT_WRITE_FAILED: 无法写入 ${file}：文件或目录不存在\n`);
    },
    TIMEOUT,
  );

  it.concurrent('checks its arguments and documents itself in Chinese', async () => {
    const help = await jixiao(['db', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^用法：jixiao db backup\|restore 文件/);
    expect(help.stdout).toContain('DATABASE_URL');
    expect(help.stdout).toContain('JIXIAO_DATA_DIR');
    expect((await jixiao(['--help'])).stdout).toContain('jixiao db backup|restore 文件');
    const unknown = await jixiao(['db', 'frob', 'x.gz']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('db 的子命令只能是 backup 或 restore，而不是「frob」');
    const noFile = await jixiao(['db', 'restore']);
    expect(noFile.status).toBe(2);
    expect(noFile.stderr).toContain('缺少备份文件');
  });

  it.concurrent(
    'cannot reach a PostgreSQL server: exit 2 with the address, password hidden',
    async () => {
      const r = await jixiao(['db', 'backup', join(tmp.dir, 'pg.gz')], {
        DATABASE_URL: 'postgres://jixiao:secret@127.0.0.1:1/none',
      });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(
        'jixiao: DB_UNAVAILABLE: 无法打开数据库（PostgreSQL postgres://jixiao:***@127.0.0.1:1/none）',
      );
      expect(r.stderr).not.toContain('secret');
      expect(r.stderr).not.toMatch(STACK_FRAME);
    },
    TIMEOUT,
  );

  describe.skipIf(!ADMIN_URL)('PGlite ⇄ PostgreSQL (DATABASE_URL)', () => {
    const name = `jixiao_test_${randomBytes(6).toString('hex')}`;
    const url = (() => {
      if (!ADMIN_URL) return '';
      const u = new URL(ADMIN_URL);
      u.pathname = `/${name}`;
      return u.toString();
    })();
    const admin = async (q: string) => {
      const client = new pg.Client({ connectionString: ADMIN_URL });
      await client.connect();
      try {
        await client.query(q);
      } finally {
        await client.end();
      }
    };
    beforeAll(() => admin(`create database ${name}`));
    afterAll(() => admin(`drop database if exists ${name} with (force)`));

    it(
      'restores the PGlite backup into a fresh PostgreSQL database, backs it up and restores it into PGlite',
      async () => {
        await ensureBackup();
        const r = await jixiao(['db', 'restore', backup], { DATABASE_URL: url });
        expectOk(r);
        expect(r.stdout).toContain('恢复到 PostgreSQL 数据库');
        expect(printedCounts(r)).toEqual(before.counts);
        const onPg = await snapshot(() => openDatabase({ url }));
        expect(onPg.counts).toEqual(before.counts);
        expect(onPg.projects).toEqual(before.projects);

        const fromPg = join(tmp.dir, 'from-postgres.jsonl.gz');
        const b = await jixiao(['db', 'backup', fromPg], { DATABASE_URL: url });
        expectOk(b);
        expect(b.stdout).toContain('已将 PostgreSQL 数据库');
        expect(printedCounts(b)).toEqual(before.counts);

        const back = join(tmp.dir, 'back-from-postgres');
        expectOk(await jixiao(['db', 'restore', fromPg], pglite(back)));
        const again = await snapshot(() => openDatabase({ url: '', dataDir: back }));
        expect(again.counts).toEqual(before.counts);
        expect(again.projects).toEqual(before.projects);

        const refused = await jixiao(['db', 'restore', fromPg], { DATABASE_URL: url });
        expect(refused.status).toBe(2);
        expect(refused.stderr).toContain('不能恢复备份');
      },
      TIMEOUT,
    );
  });
});
