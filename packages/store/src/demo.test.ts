import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './db.ts';
import { seedDemo } from './demo.ts';
import { listProjects } from './list.ts';
import { getPublication, listPublications, publishDisclosure } from './publications.ts';
import { organizations, users } from './schema.ts';
import { ON_POSTGRES, openTestDatabase } from './testing.ts';
import { listTransitions } from './workflow.ts';

describe(`the demo seed and publishing (${ON_POSTGRES ? 'PostgreSQL' : 'PGlite'})`, () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('seeds the Songjiang department in mixed states, a second department and the accounts', async () => {
    const { db } = database;
    const result = await seedDemo(db);
    expect(result.seeded).toBe(true);
    expect(result.accounts.map((a) => a.username)).toEqual(
      expect.arrayContaining(['tianbao', 'bumen', 'caizheng', 'admin']),
    );
    const [dept] = await db
      .select()
      .from(organizations)
      .where(eq(organizations.name, '中共上海市松江区委政法委员会'));
    const songjiang = await listProjects(db, { departmentId: dept?.id ?? 0, pageSize: 50 });
    expect(songjiang.total).toBe(10);
    expect(songjiang.items.map((p) => p.status)).toEqual([
      'published',
      'approved',
      'approved',
      'finance_review',
      'department_approved',
      'submitted',
      'returned',
      'returned',
      'draft',
      'draft',
    ]);
    expect(songjiang.items[8]?.currentRevision).toBe(2);
    const all = await listProjects(db, {});
    expect(all.total).toBe(13);
    const [pub] = await listPublications(db, { departmentId: dept?.id ?? 0 });
    expect(pub?.summary).toEqual({
      budgetUnitCount: 1,
      projectCount: 1,
      totalWan: '585.00',
      largeProjectCount: 0,
      largeThresholdWan: '1000',
    });
  });

  it('does nothing the second time', async () => {
    const before = (await database.db.select().from(users)).length;
    expect(await seedDemo(database.db)).toEqual({ seeded: false, accounts: [] });
    expect((await database.db.select().from(users)).length).toBe(before);
  });

  it('publishes the approved projects with the earlier ones as a new frozen version', async () => {
    const { db } = database;
    const [dept] = await db
      .select()
      .from(organizations)
      .where(eq(organizations.name, '中共上海市松江区委政法委员会'));
    const [bumen] = await db.select().from(users).where(eq(users.username, 'bumen'));
    const departmentId = dept?.id ?? 0;
    const actor = { userId: bumen?.id ?? 0, role: 'department_reviewer' };
    const first = (await listPublications(db, { departmentId }))[0];
    const { publication, projectIds } = await publishDisclosure(db, { departmentId, year: 2024, actor });
    expect(publication.version).toBe(2);
    expect(projectIds).toHaveLength(3);
    const full = await getPublication(db, publication.id);
    expect(full.snapshot.format).toBe('jixiao.disclosure/1');
    expect(full.snapshot.projects.map((p) => p.form.name)).toEqual([
      '平安维稳',
      '培训费',
      '松江区医疗机构特殊管理药品智能化监管检测信息系统（运维）',
    ]);
    expect(full.snapshot.summary).toMatchObject({ projectCount: 3, budgetUnitCount: 1 });
    // the first version is unchanged
    expect((await getPublication(db, first?.id ?? 0)).snapshot.projects).toHaveLength(1);
    const history = await listTransitions(db, projectIds[1] as number);
    expect(history.at(-1)).toMatchObject({
      action: 'publish',
      toStatus: 'published',
      actorRole: 'department_reviewer',
    });
    await expect(publishDisclosure(db, { departmentId, year: 2024, actor })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
  });
});
