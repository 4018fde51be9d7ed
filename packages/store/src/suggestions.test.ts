import type { Project } from '@jixiao/core';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copy, fixture, openContentTestDatabase, seedWorld, type World } from './content-testing.ts';
import type { Database, Db } from './db.ts';
import { getProject, importDisclosure, saveRevision } from './projects.ts';
import { projects } from './schema.ts';
import { suggestIndicators } from './suggestions.ts';
import { ON_POSTGRES } from './testing.ts';

describe(`suggestIndicators (${ON_POSTGRES ? 'PostgreSQL' : 'PGlite'})`, () => {
  let database: Database;
  let db: Db;
  let world: World;
  let other: World;
  let ids: number[];
  let otherIds: number[];
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
    // Another department (in another region): three projects, one indicator renamed.
    const d = fixture();
    const three = d.projects.slice(0, 3).map((p) => copy(p));
    const first = three[0] as Project;
    first.form.indicators[1] = { ...(first.form.indicators[1] as Project['form']['indicators'][number]) };
    first.form.indicators[1].name = '司法局专用指标';
    ({ projectIds: otherIds } = await importDisclosure(db, {
      departmentId: other.departmentId,
      disclosure: { ...d, year: 2025, department: '上海市松江区司法局', projects: three },
      actor: other.actor,
    }));
  });
  afterAll(async () => {
    await database.close();
  });

  const mine = (q: string, extra: Partial<Parameters<typeof suggestIndicators>[1]> = {}) =>
    suggestIndicators(db, { q, departmentId: world.departmentId, ...extra });

  it('groups by name with its usual levels, unit, project count and most frequent targets', async () => {
    const [cost] = await mine('项目成本');
    expect(cost).toMatchObject({
      name: '项目成本',
      level1: '成本指标',
      level2: '经济成本指标',
      projectCount: 10,
      useCount: 10,
      unit: '元',
    });
    // ten different amounts, once each: the first three in code-point order of the value
    expect(cost?.targets).toHaveLength(3);
    expect(cost?.targets.every((t) => t.kind === 'quantitative' && t.count === 1)).toBe(true);

    const [satisfied] = await mine('服务对象满意率');
    expect(satisfied).toMatchObject({ projectCount: 5, unit: '%', level1: '满意度指标' });
    expect(satisfied?.targets[0]).toEqual({
      kind: 'quantitative',
      operator: '≥',
      value: '85.00',
      unit: '%',
      count: 4,
    });
    expect(satisfied?.targets[1]).toMatchObject({ value: '80.00', count: 1 });

    const [boiler] = await mine('降本增效');
    expect(boiler).toMatchObject({ projectCount: 10, unit: '' });
    expect(boiler?.targets).toEqual([{ kind: 'qualitative', text: '降本增效', count: 10 }]);
  });

  it('matches part of the name, case-insensitively, most used first, up to the limit', async () => {
    const all = await mine('满意');
    expect(all.map((s) => s.name)).toEqual([
      '服务对象满意率',
      '用户满意率',
      '群众满意度',
      '培训对象满意率',
      '用人单位满意度',
      '用户满意度',
      '群众满意率',
    ]);
    expect((await mine('满意', { limit: 2 })).map((s) => s.name)).toEqual(['服务对象满意率', '用户满意率']);
    expect(await mine('没有这个指标')).toEqual([]);
    expect((await mine('')).length).toBe(10);
  });

  it('puts names used under the asked 一级 and 二级 first', async () => {
    const byUse = await mine('稳定');
    const byLevel = await mine('稳定', { level1: '效益指标', level2: '社会效益指标' });
    expect(byUse[0]?.name).toBe('运行稳定'); // 3 projects, under 可持续影响指标
    // 维护社会稳定: 2 projects, once under 社会效益 and once under 可持续影响
    expect(byLevel[0]).toMatchObject({ name: '维护社会稳定', sameLevel: true, projectCount: 2 });
    expect(byLevel.find((s) => s.name === '运行稳定')?.sameLevel).toBe(false);
  });

  it('takes % and _ in the query literally', async () => {
    expect(await mine('%')).toEqual([]);
    expect(await mine('_')).toEqual([]);
    const before = await getProject(db, ids[1] as number);
    const project = copy(before.project);
    project.form.indicators.push({
      level1: '产出指标',
      level2: '质量指标',
      name: '合格率_100%',
      kind: 'quantitative',
      operator: '≥',
      value: '95.00',
      unit: '%',
    });
    await saveRevision(db, {
      projectId: ids[1] as number,
      baseVersion: before.version,
      project,
      actor: world.actor,
    });
    expect((await mine('率_1')).map((s) => s.name)).toEqual(['合格率_100%']);
    expect((await mine('100%')).map((s) => s.name)).toEqual(['合格率_100%']);
  });

  it('counts only the current revision of each project', async () => {
    const id = ids[0] as number;
    const before = await getProject(db, id);
    const project = copy(before.project);
    const cost = project.form.indicators[0];
    if (cost) cost.name = '项目总成本（修订）';
    await saveRevision(db, { projectId: id, baseVersion: before.version, project, actor: world.actor });
    expect((await mine('项目成本'))[0]?.projectCount).toBe(9);
    expect((await mine('项目总成本'))[0]).toMatchObject({ name: '项目总成本（修订）', projectCount: 1 });
  });

  it('stays in the scope, plus the published projects of a region when asked', async () => {
    expect(await mine('司法局专用指标')).toEqual([]);
    expect(await suggestIndicators(db, { q: '司法局专用指标', unitId: -1 })).toEqual([]);
    const theirs = await suggestIndicators(db, { q: '司法局专用指标', departmentId: other.departmentId });
    expect(theirs.map((s) => s.projectCount)).toEqual([1]);
    // other's region publishes that project: visible to anyone of that region who asks for it
    await db
      .update(projects)
      .set({ status: 'published' })
      .where(eq(projects.id, otherIds[0] as number));
    expect(await mine('司法局专用指标', { alsoPublishedIn: world.regionId })).toEqual([]);
    expect((await mine('司法局专用指标', { alsoPublishedIn: other.regionId })).map((s) => s.name)).toEqual([
      '司法局专用指标',
    ]);
    expect((await suggestIndicators(db, { q: '', regionId: other.regionId, limit: 3 })).length).toBe(3);
  });
});
