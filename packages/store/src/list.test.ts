import { countBySeverity, type Project } from '@jixiao/core';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copy, fixture, openContentTestDatabase, seedWorld, type World } from './content-testing.ts';
import type { Database, Db } from './db.ts';
import { StoreError } from './errors.ts';
import { listProjects } from './list.ts';
import { getProject, importDisclosure, saveRevision } from './projects.ts';
import { organizations, projects } from './schema.ts';
import { ON_POSTGRES } from './testing.ts';

describe(`listProjects (${ON_POSTGRES ? 'PostgreSQL' : 'PGlite'})`, () => {
  let database: Database;
  let db: Db;
  let world: World;
  let other: World;
  let ids: number[];
  const names = fixture().projects.map((p) => p.form.name);
  beforeAll(async () => {
    database = await openContentTestDatabase();
    db = database.db;
    world = await seedWorld(db);
    other = await seedWorld(db, '上海市松江区司法局');
    ({ projectIds: ids } = await importDisclosure(db, {
      departmentId: world.departmentId,
      disclosure: fixture(),
      actor: world.actor,
    }));
    // Another department and year, which the filters must keep apart.
    const d = fixture();
    await importDisclosure(db, {
      departmentId: other.departmentId,
      disclosure: { ...d, year: 2025, department: '上海市松江区司法局', projects: d.projects.slice(0, 3) },
      actor: other.actor,
    });
  });
  afterAll(async () => {
    await database.close();
  });

  it('lists a department’s year with the total in 万元 as the summary sentence prints it', async () => {
    const r = await listProjects(db, { departmentId: world.departmentId, year: 2024 });
    expect(r.total).toBe(10);
    expect(r.totalYuan).toBe('30224865.00');
    expect(r.totalWan).toBe('3022.49');
    expect(r.items.map((i) => i.id)).toEqual(ids);
    const [unit] = await db
      .select()
      .from(organizations)
      .where(eq(organizations.parentId, world.departmentId));
    expect(r.items[0]).toMatchObject({
      name: names[0],
      unitId: unit?.id,
      unitName: '中共上海市松江区委政法委员会（本级）',
      departmentId: world.departmentId,
      departmentName: '中共上海市松江区委政法委员会',
      year: 2024,
      status: 'draft',
      category: '其他运转类',
      annualTotal: '5850000.00',
      version: 1,
      currentRevision: 1,
      grade: null,
    });
    expect(r.items[0]?.updatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('counts the errors and warnings of each project’s current revision', async () => {
    const r = await listProjects(db, { departmentId: world.departmentId });
    for (const item of r.items) {
      const counts = countBySeverity((await getProject(db, item.id)).findings);
      expect([item.errorCount, item.warnCount]).toEqual([counts.error, counts.warn]);
    }
    expect(r.items.find((i) => i.id === ids[0])?.errorCount).toBeGreaterThan(0);
  });

  it('filters by region, unit, year, status, category and amount', async () => {
    expect((await listProjects(db, { regionId: world.regionId })).total).toBe(10);
    expect((await listProjects(db, { year: 2025, regionId: other.regionId })).total).toBe(3);
    expect((await listProjects(db, { departmentId: world.departmentId, year: 2025 })).total).toBe(0);
    const unitId = (await listProjects(db, { departmentId: world.departmentId })).items[0]?.unitId;
    expect((await listProjects(db, { unitId })).total).toBe(10);
    const special = await listProjects(db, { departmentId: world.departmentId, category: '特定目标类' });
    expect(special.items.map((i) => i.name)).toEqual([names[6], names[7]]);
    // 1000万元（含）以上: P10 only; between 50,000 and 233,625 inclusive: P02, P05, P08.
    const large = await listProjects(db, { departmentId: world.departmentId, minYuan: '10000000' });
    expect(large.items.map((i) => i.name)).toEqual([names[9]]);
    expect(large.totalWan).toBe('1915.80');
    const mid = await listProjects(db, {
      departmentId: world.departmentId,
      minYuan: '50,000.00',
      maxYuan: '233625',
    });
    expect(mid.items.map((i) => i.name)).toEqual([names[1], names[4], names[7]]);

    await db
      .update(projects)
      .set({ status: 'submitted' })
      .where(eq(projects.id, ids[2] as number));
    await db
      .update(projects)
      .set({ status: 'approved' })
      .where(eq(projects.id, ids[3] as number));
    const subm = await listProjects(db, {
      departmentId: world.departmentId,
      status: ['submitted', 'approved'],
    });
    expect(subm.items.map((i) => i.id)).toEqual([ids[2], ids[3]]);
    expect(subm.totalYuan).toBe('63500.00');
    expect((await listProjects(db, { departmentId: world.departmentId, status: [] })).total).toBe(0);
    await db.update(projects).set({ status: 'draft' }).where(sql`${projects.id} in (${ids[2]}, ${ids[3]})`);
  });

  it('searches project names and the indicator names of the current revision', async () => {
    const matching = (term: string) =>
      fixture()
        .projects.map((p, i) => ({ p, id: ids[i] }))
        .filter(({ p }) => p.form.name.includes(term) || p.form.indicators.some((x) => x.name.includes(term)))
        .map(({ id }) => id);
    const byName = await listProjects(db, { departmentId: world.departmentId, search: '禁毒' });
    expect(matching('禁毒')).toHaveLength(4);
    expect(byName.items.map((i) => i.id)).toEqual(matching('禁毒'));
    expect(byName.items.map((i) => i.name)).toEqual(expect.arrayContaining([names[4], names[6], names[7]]));
    // 毛发检测工作 is an indicator of P01 only.
    const byIndicator = await listProjects(db, { regionId: world.regionId, search: '毛发检测' });
    expect(byIndicator.items.map((i) => i.id)).toEqual([ids[0]]);
    // LIKE wildcards are literal.
    expect((await listProjects(db, { regionId: world.regionId, search: '%' })).total).toBe(0);
    expect((await listProjects(db, { regionId: world.regionId, search: '_' })).total).toBe(0);
    // An indicator renamed in a new revision is found by its new name only.
    const p = (await getProject(db, ids[1] as number)).project;
    const edited: Project = copy(p);
    const first = edited.form.indicators[0];
    if (first) first.name = '独一无二的指标名称';
    const oldName = p.form.indicators[0]?.name ?? '';
    await saveRevision(db, {
      projectId: ids[1] as number,
      baseVersion: 1,
      project: edited,
      actor: world.actor,
    });
    expect(
      (await listProjects(db, { regionId: world.regionId, search: '独一无二' })).items.map((i) => i.id),
    ).toEqual([ids[1]]);
    const stillOld = await listProjects(db, { regionId: world.regionId, search: oldName });
    expect(stillOld.items.map((i) => i.id)).not.toContain(ids[1]);
    await saveRevision(db, { projectId: ids[1] as number, baseVersion: 2, project: p, actor: world.actor });
  });

  it('sorts by name, amount, status and update time, ascending or descending', async () => {
    const q = { departmentId: world.departmentId };
    const byName = await listProjects(db, { ...q, sort: 'name' });
    const codePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    expect(byName.items.map((i) => i.name)).toEqual([...names].sort(codePoint));
    const desc = await listProjects(db, { ...q, sort: 'name', order: 'desc' });
    expect(desc.items.map((i) => i.name)).toEqual([...names].sort(codePoint).reverse());

    const byAmount = await listProjects(db, { ...q, sort: 'annualTotal', order: 'desc' });
    const amounts = byAmount.items.map((i) => Number(i.annualTotal));
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    expect(byAmount.items[0]?.name).toBe(names[9]);

    await db
      .update(projects)
      .set({ status: 'published' })
      .where(eq(projects.id, ids[5] as number));
    await db
      .update(projects)
      .set({ status: 'submitted' })
      .where(eq(projects.id, ids[8] as number));
    const byStatus = await listProjects(db, { ...q, sort: 'status', order: 'desc' });
    expect(byStatus.items.slice(0, 2).map((i) => i.id)).toEqual([ids[5], ids[8]]);
    await db.update(projects).set({ status: 'draft' }).where(sql`${projects.id} in (${ids[5]}, ${ids[8]})`);

    await db
      .update(projects)
      .set({ updatedAt: new Date('2030-01-01T00:00:00Z') })
      .where(eq(projects.id, ids[4] as number));
    const recent = await listProjects(db, { ...q, sort: 'updatedAt', order: 'desc' });
    expect(recent.items[0]).toMatchObject({ id: ids[4], updatedAt: '2030-01-01T00:00:00.000Z' });
  });

  it('pages through the list, with the totals of the whole filtered set on every page', async () => {
    const q = { departmentId: world.departmentId, sort: 'name' as const, pageSize: 4 };
    const pages = await Promise.all([1, 2, 3, 4].map((page) => listProjects(db, { ...q, page })));
    expect(pages.map((p) => p.items.length)).toEqual([4, 4, 2, 0]);
    for (const p of pages) expect([p.total, p.totalWan]).toEqual([10, '3022.49']);
    const all = await listProjects(db, { ...q, pageSize: 100 });
    expect(pages.flatMap((p) => p.items.map((i) => i.id))).toEqual(all.items.map((i) => i.id));
  });

  it('gives an empty list and zero totals when nothing matches', async () => {
    const r = await listProjects(db, { departmentId: 999_999 });
    expect(r).toEqual({ items: [], total: 0, totalYuan: '0.00', totalWan: '0.00' });
  });

  it('refuses a bad page, page size or amount', async () => {
    for (const q of [
      { page: 0 },
      { pageSize: -1 },
      { page: 1.5 },
      { minYuan: '12,34' },
      { maxYuan: 'abc' },
    ]) {
      await expect(listProjects(db, q)).rejects.toBeInstanceOf(StoreError);
    }
  });
});
