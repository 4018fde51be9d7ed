import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './db.ts';
import { auditLog, organizations } from './schema.ts';
import { ON_POSTGRES, openTestDatabase } from './testing.ts';

describe(`the database (${ON_POSTGRES ? 'PostgreSQL' : 'PGlite'})`, () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('is migrated on open', async () => {
    const [org] = await database.db
      .insert(organizations)
      .values({ kind: 'region', name: '松江区' })
      .returning();
    expect(org?.id).toBeGreaterThan(0);
  });

  it('keeps the audit log append-only', async () => {
    await database.db.insert(auditLog).values({ action: 'test', entity: 'x', entityId: '1' });
    await expect(database.db.execute(sql`update audit_log set action = 'changed'`)).rejects.toThrow();
    await expect(database.db.execute(sql`delete from audit_log`)).rejects.toThrow();
    const rows = await database.db.select().from(auditLog);
    expect(rows.map((r) => r.action)).toEqual(['test']);
  });
});
