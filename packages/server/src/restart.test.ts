/** A restart keeps everything: data, sessions, publications — on the embedded database and PostgreSQL. */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Database, openDatabase, schema, seedDemo } from '@jixiao/store';
import { ON_POSTGRES } from '@jixiao/store/testing';
import { count } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import { call, login } from './testing.ts';

/** Where the data lives across the two "processes": a PGlite directory or a PostgreSQL database. */
function place() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-restart-'));
    return {
      open: () => openDatabase({ dataDir: dir }),
      setup: async () => undefined,
      teardown: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `jixiao_restart_${randomBytes(6).toString('hex')}`;
  const u = new URL(url);
  u.pathname = `/${name}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(sql);
    await c.end();
  };
  return {
    open: () => openDatabase({ url: u.toString(), poolSize: 5 }),
    setup: () => admin(`create database ${name}`),
    teardown: () => admin(`drop database if exists ${name} with (force)`),
  };
}

async function counts(database: Database) {
  const out: Record<string, number> = {};
  for (const [name, table] of Object.entries({
    projects: schema.projects,
    revisions: schema.revisions,
    transitions: schema.transitions,
    audit_log: schema.auditLog,
    publications: schema.publications,
    sessions: schema.sessions,
    users: schema.users,
  })) {
    const [r] = await database.db.select({ n: count() }).from(table);
    out[name] = r?.n ?? 0;
  }
  return out;
}

describe(`a restart (${ON_POSTGRES ? 'PostgreSQL' : 'PGlite'})`, () => {
  const where = place();
  beforeAll(() => where.setup());
  afterAll(() => where.teardown());

  it('keeps every row, the sessions and the published disclosure', async () => {
    const first = await where.open();
    expect((await seedDemo(first.db)).seeded).toBe(true);
    const app1 = createApp(first);
    const tianbao = await login(app1, 'tianbao');
    const before = (await (await call(app1, tianbao, 'GET', '/api/projects?pageSize=100')).json()) as unknown;
    const draft = (before as { items: { id: number; status: string; version: number }[] }).items.find(
      (p) => p.status === 'draft',
    );
    const submitted = await call(app1, tianbao, 'POST', `/api/projects/${draft?.id}/transitions`, {
      action: 'submit',
      baseVersion: draft?.version,
    });
    expect(submitted.status).toBe(200);
    const rows = await counts(first);
    const afterSubmit = await (await call(app1, tianbao, 'GET', '/api/projects?pageSize=100')).json();
    await first.close();

    const second = await where.open();
    try {
      expect(await counts(second)).toEqual(rows);
      expect((await seedDemo(second.db)).seeded).toBe(false);
      const app2 = createApp(second);
      // the session made before the restart still works: sessions live in the database
      const me = await call(app2, tianbao, 'GET', '/api/auth/me');
      expect(me.status).toBe(200);
      expect(await (await call(app2, tianbao, 'GET', '/api/projects?pageSize=100')).json()).toEqual(
        afterSubmit,
      );
      const pubs = (await (await call(app2, null, 'GET', '/api/public/publications')).json()) as {
        items: unknown[];
      };
      expect(pubs.items).toHaveLength(1);
    } finally {
      await second.close();
    }
  });
});
