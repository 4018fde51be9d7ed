import { type Disclosure, encodeDisclosure, type Project } from '@jixiao/core';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bigDisclosure,
  copy,
  fixture,
  openContentTestDatabase,
  seedWorld,
  variants,
  type World,
} from './content-testing.ts';
import type { Database, Db } from './db.ts';
import { StoreError } from './errors.ts';
import {
  createProject,
  departmentDisclosure,
  getProject,
  importDisclosure,
  saveRevision,
} from './projects.ts';
import { auditLog, organizations, projects, revisionIndicators, revisions } from './schema.ts';
import { ON_POSTGRES } from './testing.ts';

/** Row counts of every table of the public schema. */
async function tableCounts(db: Db): Promise<Record<string, number>> {
  const { rows } = (await db.execute(
    sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r' order by 1`,
  )) as unknown as { rows: { name: string }[] };
  const counts: Record<string, number> = {};
  for (const { name } of rows) {
    const r = (await db.execute(sql`select count(*)::int as n from ${sql.identifier(name)}`)) as unknown as {
      rows: { n: number }[];
    };
    counts[name] = r.rows[0]?.n ?? 0;
  }
  return counts;
}

async function expectStoreError(p: Promise<unknown>, code: string): Promise<StoreError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(StoreError);
  expect((e as StoreError).code).toBe(code);
  return e as StoreError;
}

describe(`project content (${ON_POSTGRES ? 'PostgreSQL' : 'PGlite'})`, () => {
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

  describe('importDisclosure', () => {
    it('imports the fixture as 10 draft projects of one new budget unit, each at revision 1', async () => {
      const w = await seedWorld(db);
      const d = fixture();
      const { projectIds, unitIds } = await importDisclosure(db, {
        departmentId: w.departmentId,
        disclosure: d,
        actor: w.actor,
      });
      expect(projectIds).toHaveLength(10);
      expect(unitIds).toHaveLength(1);
      const [unit] = await db
        .select()
        .from(organizations)
        .where(eq(organizations.id, unitIds[0] as number));
      expect(unit).toMatchObject({
        kind: 'unit',
        name: '中共上海市松江区委政法委员会（本级）',
        parentId: w.departmentId,
      });
      const rows = await db.select().from(projects).where(eq(projects.departmentId, w.departmentId));
      expect(rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(projectIds);
      for (const r of rows) {
        expect(r).toMatchObject({
          status: 'draft',
          version: 1,
          currentRevision: 1,
          regionId: w.regionId,
          year: 2024,
        });
      }
      const first = rows.find((r) => r.id === projectIds[0]);
      expect(first).toMatchObject({ name: d.projects[0]?.form.name, annualTotal: '5850000.00' });
      const audit = await db.select().from(auditLog).where(eq(auditLog.actorId, w.userId));
      expect(audit.filter((a) => a.action === 'project.create')).toHaveLength(10);
      expect(audit.filter((a) => a.action === 'organization.create')).toHaveLength(1);
      expect(audit.filter((a) => a.action === 'disclosure.import')).toHaveLength(1);
    });

    it('stores the findings of the review of the whole disclosure with each project', async () => {
      const w = await seedWorld(db);
      const { projectIds } = await importDisclosure(db, {
        departmentId: w.departmentId,
        disclosure: fixture(),
        actor: w.actor,
      });
      const p01 = await getProject(db, projectIds[0] as number);
      const rules = p01.findings.map((f) => f.ruleId);
      expect(rules).toContain('COST-01');
      expect(rules).toContain('REL-01');
      const cost = p01.findings.find((f) => f.ruleId === 'COST-01');
      expect(cost?.path).toMatch(/^form\.indicators\[\d+\]/);
      // REL-02 compares projects: P03 and P04 share their narrative.
      const p04 = await getProject(db, projectIds[3] as number);
      expect(p04.findings.map((f) => f.ruleId)).toContain('REL-02');
    });

    it('finds an existing unit by name, ignoring whitespace, instead of creating another', async () => {
      const w = await seedWorld(db);
      const [existing] = await db
        .insert(organizations)
        .values({ kind: 'unit', name: '中共上海市松江区委政法委员会（本级）', parentId: w.departmentId })
        .returning();
      const d = fixture();
      (d.projects[1] as Project).form.implementingUnit = '中共上海市松江区委政法委员会\n（本级）';
      (d.projects[2] as Project).form.implementingUnit = '松江区另一预算单位';
      const { unitIds } = await importDisclosure(db, {
        departmentId: w.departmentId,
        disclosure: d,
        actor: w.actor,
      });
      expect(unitIds).toHaveLength(2);
      expect(unitIds[0]).toBe(existing?.id);
      const units = await db.select().from(organizations).where(eq(organizations.parentId, w.departmentId));
      expect(units.map((u) => u.name).sort()).toEqual([
        '中共上海市松江区委政法委员会（本级）',
        '松江区另一预算单位',
      ]);
    });

    it('writes nothing at all when the 5th project violates a database constraint', async () => {
      const w = await seedWorld(db);
      const before = await tableCounts(db);
      const d = fixture();
      (d.projects[0] as Project).form.implementingUnit = '新单位甲';
      // PostgreSQL text cannot hold NUL: the insert of the 5th project's rows fails.
      (d.projects[4] as Project).form.annualGoal = 'bad\u0000text';
      await expect(
        importDisclosure(db, { departmentId: w.departmentId, disclosure: d, actor: w.actor }),
      ).rejects.toThrow();
      expect(await tableCounts(db)).toEqual(before);
    });

    it('writes nothing at all when an error is thrown after units and projects were inserted', async () => {
      const w = await seedWorld(db);
      const before = await tableCounts(db);
      // revisions.created_by references users: an unknown actor fails after the units and projects.
      await expect(
        importDisclosure(db, {
          departmentId: w.departmentId,
          disclosure: fixture(),
          actor: { userId: 987_654, role: 'preparer' },
        }),
      ).rejects.toThrow();
      expect(await tableCounts(db)).toEqual(before);
    });

    it('refuses an unknown department and a project that fails the interchange schema', async () => {
      await expectStoreError(
        importDisclosure(db, { departmentId: 999_999, disclosure: fixture(), actor: world.actor }),
        'NOT_FOUND',
      );
      await expectStoreError(
        importDisclosure(db, { departmentId: world.regionId, disclosure: fixture(), actor: world.actor }),
        'VALIDATION',
      );
      const d = fixture();
      (d.projects[2] as Project).form.funds.total = 12.5;
      const e = await expectStoreError(
        importDisclosure(db, { departmentId: world.departmentId, disclosure: d, actor: world.actor }),
        'VALIDATION',
      );
      expect(e.message).toContain('第 3 个项目');
    });
  });

  describe('revisions', () => {
    it('gives back exactly what was saved, for every project of the fixture and of every variant', async () => {
      const all: [string, Disclosure][] = [['songjiang-zfw-2024.json', fixture()], ...variants()];
      expect(all.length).toBeGreaterThan(10);
      for (const [name, d] of all) {
        const w = await seedWorld(db, d.department);
        const { projectIds } = await importDisclosure(db, {
          departmentId: w.departmentId,
          disclosure: d,
          actor: w.actor,
        });
        const back = await departmentDisclosure(db, w.departmentId, d.year);
        expect(back.projects, name).toEqual(d.projects);
        expect(encodeDisclosure(back).projects, name).toEqual(encodeDisclosure(d).projects);
        for (const [i, id] of projectIds.entries()) {
          expect((await getProject(db, id)).project, `${name} #${i}`).toEqual(d.projects[i]);
        }
      }
    });

    it('round-trips a project without 说明, with blank money, empty texts and odd values', async () => {
      const p = copy(fixture().projects[0] as Project);
      const odd: Project = {
        explanation: null,
        form: {
          ...p.form,
          overallGoal: '',
          annualGoal: '  两行\n目标  ',
          funds: { ...p.form.funds, total: null, fiscal: 0, other: -1, annualTotal: 9_007_199_254_740_991 },
          indicators: [
            {
              level1: '产出指标',
              level2: '数量指标',
              name: 'x',
              kind: 'quantitative',
              operator: '<',
              value: '0',
              unit: '',
            },
            { level1: '', level2: '', name: '', kind: 'qualitative', text: '' },
            {
              level1: '产出指标',
              level2: '质量指标',
              name: '精度',
              kind: 'quantitative',
              operator: '≥',
              value: '99.9990',
              unit: '%',
            },
          ],
        },
      };
      const { projectId } = await createProject(db, {
        unitId: await unitOf(world),
        year: 2024,
        project: odd,
        actor: world.actor,
      });
      expect((await getProject(db, projectId)).project).toEqual(odd);
      const [num] = await db
        .select({ v: revisionIndicators.valueNum })
        .from(revisionIndicators)
        .innerJoin(revisions, eq(revisions.id, revisionIndicators.revisionId))
        .where(and(eq(revisions.projectId, projectId), eq(revisionIndicators.position, 2)));
      expect(num?.v).toBe('99.9990');
    });

    it('saves a new revision, increments the version and keeps the old revision readable', async () => {
      const id = await oneProject(world);
      const p = (await getProject(db, id)).project;
      const edited = copy(p);
      edited.form.name = '平安维稳（修订）';
      edited.form.funds.annualTotal = 6_100_000_00;
      const saved = await saveRevision(db, {
        projectId: id,
        baseVersion: 1,
        project: edited,
        actor: world.actor,
        note: '调整',
      });
      expect(saved).toEqual({ version: 2, revision: 2 });
      const now = await getProject(db, id);
      expect(now).toMatchObject({ version: 2, currentRevision: 2, revision: 2, name: '平安维稳（修订）' });
      expect(now.project).toEqual(edited);
      // FUND-02 now fails: 年度资金申请总额 ≠ the parts.
      expect(now.findings.map((f) => f.ruleId)).toContain('FUND-02');
      const old = await getProject(db, id, 1);
      expect(old).toMatchObject({ revision: 1, currentRevision: 2 });
      expect(old.project).toEqual(p);
      expect(old.findings.map((f) => f.ruleId)).not.toContain('FUND-02');
      const [row] = await db.select().from(projects).where(eq(projects.id, id));
      expect(row).toMatchObject({ annualTotal: '6100000.00', name: '平安维稳（修订）' });
      const [audit] = await db
        .select()
        .from(auditLog)
        .where(
          and(
            eq(auditLog.entity, 'project'),
            eq(auditLog.entityId, String(id)),
            eq(auditLog.action, 'project.revise'),
          ),
        );
      expect(audit?.detail).toMatchObject({ revision: 2, version: 2, note: '调整' });
      expect((audit?.detail as { changes?: string[] } | undefined)?.changes).toEqual([
        'form.name',
        'form.funds.annualTotal',
      ]);
    });

    it('refuses a stale base version with CONFLICT and writes nothing', async () => {
      const id = await oneProject(world);
      const p = (await getProject(db, id)).project;
      await saveRevision(db, { projectId: id, baseVersion: 1, project: p, actor: world.actor });
      const before = await tableCounts(db);
      const e = await expectStoreError(
        saveRevision(db, { projectId: id, baseVersion: 1, project: p, actor: world.actor }),
        'CONFLICT',
      );
      expect(e.status).toBe(409);
      expect(e.details).toMatchObject({ expectedVersion: 1, currentVersion: 2 });
      expect(await tableCounts(db)).toEqual(before);
    });

    it('refuses to edit a project outside draft and returned with NOT_EDITABLE', async () => {
      const id = await oneProject(world);
      const p = (await getProject(db, id)).project;
      for (const status of ['submitted', 'approved', 'published'] as const) {
        await db.update(projects).set({ status }).where(eq(projects.id, id));
        await expectStoreError(
          saveRevision(db, { projectId: id, baseVersion: 1, project: p, actor: world.actor }),
          'NOT_EDITABLE',
        );
      }
      await db.update(projects).set({ status: 'returned' }).where(eq(projects.id, id));
      await expect(
        saveRevision(db, { projectId: id, baseVersion: 1, project: p, actor: world.actor }),
      ).resolves.toEqual({
        version: 2,
        revision: 2,
      });
    });

    it('reports NOT_FOUND for a missing project or revision', async () => {
      await expectStoreError(getProject(db, 999_999), 'NOT_FOUND');
      const id = await oneProject(world);
      await expectStoreError(getProject(db, id, 7), 'NOT_FOUND');
      await expectStoreError(
        saveRevision(db, {
          projectId: 999_999,
          baseVersion: 1,
          project: fixture().projects[0] as Project,
          actor: world.actor,
        }),
        'NOT_FOUND',
      );
    });
  });

  describe('createProject and departmentDisclosure', () => {
    it('creates a draft project in a unit, reviewed among the department’s projects', async () => {
      const w = await seedWorld(db);
      const d = fixture();
      await importDisclosure(db, { departmentId: w.departmentId, disclosure: d, actor: w.actor });
      const unitId = await unitOf(w);
      // A copy of P03 shares its narrative with P03 and P04 (REL-02 needs the other projects).
      const { projectId, version } = await createProject(db, {
        unitId,
        year: 2024,
        project: copy(d.projects[2] as Project),
        actor: w.actor,
      });
      expect(version).toBe(1);
      const got = await getProject(db, projectId);
      expect(got).toMatchObject({
        status: 'draft',
        unitId,
        departmentId: w.departmentId,
        regionId: w.regionId,
      });
      expect(got.findings.map((f) => f.ruleId)).toContain('REL-02');
      const all = await departmentDisclosure(db, w.departmentId, 2024);
      expect(all.projects).toHaveLength(11);
      expect(all.department).toBe('中共上海市松江区委政法委员会');
      expect(await departmentDisclosure(db, w.departmentId, 2025)).toMatchObject({ projects: [] });
    });

    it('limits the department disclosure to the given statuses', async () => {
      const w = await seedWorld(db);
      const { projectIds } = await importDisclosure(db, {
        departmentId: w.departmentId,
        disclosure: fixture(),
        actor: w.actor,
      });
      await db
        .update(projects)
        .set({ status: 'approved' })
        .where(eq(projects.id, projectIds[9] as number));
      const approved = await departmentDisclosure(db, w.departmentId, 2024, ['approved']);
      expect(approved.projects.map((p) => p.form.name)).toEqual([fixture().projects[9]?.form.name]);
      expect((await departmentDisclosure(db, w.departmentId, 2024, [])).projects).toEqual([]);
      await expectStoreError(departmentDisclosure(db, 999_999, 2024), 'NOT_FOUND');
    });

    it('refuses to create a project in something that is not a unit', async () => {
      await expectStoreError(
        createProject(db, {
          unitId: world.departmentId,
          year: 2024,
          project: fixture().projects[0] as Project,
          actor: world.actor,
        }),
        'VALIDATION',
      );
    });
  });

  it('imports 100 projects in one go', async () => {
    const w = await seedWorld(db);
    const { projectIds } = await importDisclosure(db, {
      departmentId: w.departmentId,
      disclosure: bigDisclosure(100),
      actor: w.actor,
    });
    expect(projectIds).toHaveLength(100);
    expect(new Set(projectIds).size).toBe(100);
    expect((await departmentDisclosure(db, w.departmentId, 2024)).projects).toEqual(
      bigDisclosure(100).projects,
    );
  });

  async function unitOf(w: World): Promise<number> {
    const [unit] = await db
      .select()
      .from(organizations)
      .where(and(eq(organizations.parentId, w.departmentId), eq(organizations.kind, 'unit')));
    if (unit) return unit.id;
    const [created] = await db
      .insert(organizations)
      .values({ kind: 'unit', name: '测试单位', parentId: w.departmentId })
      .returning();
    return created?.id as number;
  }

  async function oneProject(w: World): Promise<number> {
    const { projectId } = await createProject(db, {
      unitId: await unitOf(w),
      year: 2024,
      project: copy(fixture().projects[0] as Project),
      actor: w.actor,
    });
    return projectId;
  }
});
