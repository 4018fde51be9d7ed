import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addComment, listComments, resolveComment } from './comments.ts';
import { copy, fixture, openContentTestDatabase, seedWorld, type World } from './content-testing.ts';
import type { Database, Db } from './db.ts';
import { getProject, importDisclosure, saveRevision } from './projects.ts';
import { auditLog } from './schema.ts';
import { ON_POSTGRES } from './testing.ts';

describe(`comments (${ON_POSTGRES ? 'PostgreSQL' : 'PGlite'})`, () => {
  let database: Database;
  let db: Db;
  let world: World;
  let id: number;
  beforeAll(async () => {
    database = await openContentTestDatabase();
    db = database.db;
    world = await seedWorld(db);
    const { projectIds } = await importDisclosure(db, {
      departmentId: world.departmentId,
      disclosure: fixture(),
      actor: world.actor,
    });
    id = projectIds[0] as number;
  });
  afterAll(async () => {
    await database.close();
  });

  it('anchors comments to the current revision and lists them oldest first', async () => {
    const first = await addComment(db, {
      projectId: id,
      path: 'form.indicators[3]',
      body: '  成本指标高于预算  ',
      actor: world.reviewer,
    });
    const p = copy((await getProject(db, id)).project);
    p.form.annualGoal = '修改后的目标';
    await saveRevision(db, { projectId: id, baseVersion: 1, project: p, actor: world.actor });
    const second = await addComment(db, { projectId: id, path: '', body: '已修改', actor: world.actor });

    const list = await listComments(db, id);
    expect(list).toEqual([
      {
        id: first.id,
        revision: 1,
        path: 'form.indicators[3]',
        authorId: world.reviewer.userId,
        authorName: '审核人',
        body: '成本指标高于预算',
        createdAt: expect.stringMatching(/Z$/),
        resolvedAt: null,
      },
      {
        id: second.id,
        revision: 2,
        path: '',
        authorId: world.userId,
        authorName: '编报人',
        body: '已修改',
        createdAt: expect.stringMatching(/Z$/),
        resolvedAt: null,
      },
    ]);
  });

  it('resolves a comment once, and records who did', async () => {
    const { id: commentId } = await addComment(db, {
      projectId: id,
      path: 'form.funds.total',
      body: '请核对',
      actor: world.reviewer,
    });
    await resolveComment(db, { commentId, actor: world.actor });
    const resolved = (await listComments(db, id)).find((c) => c.id === commentId);
    expect(resolved?.resolvedAt).toMatch(/Z$/);
    await resolveComment(db, { commentId, actor: world.reviewer });
    expect((await listComments(db, id)).find((c) => c.id === commentId)?.resolvedAt).toBe(
      resolved?.resolvedAt,
    );

    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'project'), eq(auditLog.entityId, String(id))))
      .orderBy(asc(auditLog.id));
    const mine = audit.filter((a) => (a.detail as { commentId?: number }).commentId === commentId);
    expect(mine.map((a) => [a.action, a.actorId])).toEqual([
      ['comment.add', world.reviewer.userId],
      ['comment.resolve', world.userId],
    ]);
  });

  it('refuses an empty comment and a missing project or comment', async () => {
    await expect(
      addComment(db, { projectId: id, path: '', body: '   ', actor: world.actor }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await expect(
      addComment(db, { projectId: 999_999, path: '', body: 'x', actor: world.actor }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(resolveComment(db, { commentId: 999_999, actor: world.actor })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(listComments(db, 999_999)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
