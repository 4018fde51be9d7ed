import type { Project } from '@jixiao/core';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copy, fixture, openContentTestDatabase, seedWorld, type World } from './content-testing.ts';
import type { Database, Db } from './db.ts';
import { StoreError } from './errors.ts';
import { getProject, importDisclosure, saveRevision } from './projects.ts';
import { auditLog, findings, revisions } from './schema.ts';
import { ON_POSTGRES } from './testing.ts';

const WRITERS = 50;

describe(`concurrent writers (${ON_POSTGRES ? 'PostgreSQL' : 'PGlite'})`, () => {
  let database: Database;
  let db: Db;
  let world: World;
  beforeAll(async () => {
    database = await openContentTestDatabase();
    db = database.db;
    world = await seedWorld(db);
  });
  afterAll(async () => {
    await database.close();
  });

  it(`lets exactly one of ${WRITERS} writers with the same base version win; the others get CONFLICT`, async () => {
    const { projectIds } = await importDisclosure(db, {
      departmentId: world.departmentId,
      disclosure: fixture(),
      actor: world.actor,
    });
    const id = projectIds[0] as number;
    const base = await getProject(db, id);
    const edits = Array.from({ length: WRITERS }, (_, i) => {
      const p: Project = copy(base.project);
      p.form.annualGoal = `写入者 ${i} 的年度目标`;
      return p;
    });
    const started = performance.now();
    const results = await Promise.allSettled(
      edits.map((project, i) =>
        saveRevision(db, {
          projectId: id,
          baseVersion: base.version,
          project,
          actor: world.actor,
          note: `w${i}`,
        }),
      ),
    );
    const ms = performance.now() - started;
    console.info(`${WRITERS} concurrent writers on ${database.kind}: ${ms.toFixed(0)} ms`);

    const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [{ i, value: r.value }] : []));
    const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    expect(won).toHaveLength(1);
    expect(won[0]?.value).toEqual({ version: 2, revision: 2 });
    expect(lost).toHaveLength(WRITERS - 1);
    for (const e of lost) {
      expect(e).toBeInstanceOf(StoreError);
      expect((e as StoreError).code).toBe('CONFLICT');
    }

    // Only the winner's revision exists, with its findings, and the project shows it.
    const winner = won[0]?.i as number;
    const revs = await db
      .select()
      .from(revisions)
      .where(eq(revisions.projectId, id))
      .orderBy(asc(revisions.number));
    expect(revs.map((r) => [r.number, r.note])).toEqual([
      [1, '导入'],
      [2, `w${winner}`],
    ]);
    const now = await getProject(db, id);
    expect(now).toMatchObject({ version: 2, currentRevision: 2 });
    expect(now.project.form.annualGoal).toBe(`写入者 ${winner} 的年度目标`);
    const f2 = await db
      .select()
      .from(findings)
      .where(eq(findings.revisionId, revs[1]?.id as number));
    expect(f2.length).toBeGreaterThan(0);

    // The losers can retry on the new version; every accepted change is in the audit log.
    const retry = copy(now.project);
    retry.form.overallGoal = '重试';
    await saveRevision(db, {
      projectId: id,
      baseVersion: now.version,
      project: retry,
      actor: world.reviewer,
    });
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'project'), eq(auditLog.entityId, String(id))))
      .orderBy(asc(auditLog.id));
    expect(audit.map((a) => a.action)).toEqual(['project.create', 'project.revise', 'project.revise']);
    expect(audit.map((a) => (a.detail as { version?: number }).version)).toEqual([1, 2, 3]);
    expect(audit[1]?.detail).toMatchObject({
      note: `w${winner}`,
      baseVersion: 1,
      changes: ['form.annualGoal'],
    });
    expect(audit[2]).toMatchObject({ actorId: world.reviewer.userId, actorRole: 'department_reviewer' });
    expect(audit[2]?.detail).toMatchObject({ revision: 3, changes: ['form.overallGoal'] });
  });

  it('serialises writers that each use the version they read: all of them land, in turn', async () => {
    const { projectIds } = await importDisclosure(db, {
      departmentId: world.departmentId,
      disclosure: { ...fixture(), projects: fixture().projects.slice(0, 1) },
      actor: world.actor,
    });
    const id = projectIds[0] as number;
    // Each writer retries on CONFLICT with a fresh read, as a client would after a 409.
    const write = async (i: number) => {
      for (;;) {
        const cur = await getProject(db, id);
        const p = copy(cur.project);
        p.form.annualGoal = `${cur.project.form.annualGoal}+${i}`;
        try {
          return await saveRevision(db, {
            projectId: id,
            baseVersion: cur.version,
            project: p,
            actor: world.actor,
          });
        } catch (e) {
          if (!(e instanceof StoreError && e.code === 'CONFLICT')) throw e;
        }
      }
    };
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => write(i)));
    expect(results.map((r) => r.version).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    const goal = (await getProject(db, id)).project.form.annualGoal;
    for (let i = 0; i < 8; i++) expect(goal).toContain(`+${i}`);
  });
});
