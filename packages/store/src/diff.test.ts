import type { Indicator, Project } from '@jixiao/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copy, fixture, openContentTestDatabase, seedWorld, type World } from './content-testing.ts';
import type { Database, Db } from './db.ts';
import { diffProjects } from './diff.ts';
import { StoreError } from './errors.ts';
import { getProject, importDisclosure, saveRevision } from './projects.ts';
import { diffRevisions, listRevisions } from './revisions.ts';
import { ON_POSTGRES } from './testing.ts';

const base = () => copy(fixture().projects[0] as Project);
const extra: Indicator = {
  level1: '产出指标',
  level2: '时效指标',
  name: '按时完成率',
  kind: 'quantitative',
  operator: '≥',
  value: '95.00',
  unit: '%',
};

describe('diffProjects', () => {
  it('finds no change between a project and its copy', () => {
    expect(diffProjects(base(), base())).toEqual([]);
  });

  it('names changed form fields, with money as yuan strings', () => {
    const b = base();
    b.form.name = '新名称';
    b.form.funds.total = 6_000_000_00;
    b.form.funds.other = 0;
    b.form.endDate = '2024-06-30';
    expect(diffProjects(base(), b)).toEqual([
      { path: 'form.name', before: '平安维稳', after: '新名称' },
      { path: 'form.endDate', before: '2024-12-31', after: '2024-06-30' },
      { path: 'form.funds.total', before: '5850000.00', after: '6000000.00' },
      { path: 'form.funds.other', before: null, after: '0.00' },
    ]);
  });

  it('names a changed indicator field and a changed 说明 section', () => {
    const b = base();
    const ind = b.form.indicators[3] as Indicator;
    if (ind.kind === 'quantitative') ind.value = '9.00';
    else ind.text = '改';
    const sec = b.explanation?.sections[1];
    if (sec) sec.text = '新的立项依据';
    const a = base();
    const paths = diffProjects(a, b).map((c) => c.path);
    expect(paths).toEqual([
      'explanation.sections[1].text',
      ind.kind === 'quantitative' ? 'form.indicators[3].value' : 'form.indicators[3].text',
    ]);
    expect(diffProjects(a, b)[0]).toEqual({
      path: 'explanation.sections[1].text',
      before: a.explanation?.sections[1]?.text,
      after: '新的立项依据',
    });
  });

  it('shows an inserted or removed indicator as one row, not as every later row changed', () => {
    const a = base();
    const b = base();
    b.form.indicators.splice(5, 0, extra);
    expect(diffProjects(a, b)).toEqual([{ path: 'form.indicators[5]', before: null, after: extra }]);
    expect(diffProjects(b, a)).toEqual([{ path: 'form.indicators[5]', before: extra, after: null }]);
  });

  it('reports a qualitative indicator turned quantitative field by field', () => {
    const a = base();
    const i = a.form.indicators.findIndex((x) => x.kind === 'qualitative');
    const b = base();
    const q = b.form.indicators[i] as Indicator;
    b.form.indicators[i] = { ...extra, level1: q.level1, level2: q.level2, name: q.name };
    const changes = diffProjects(a, b);
    expect(changes.map((c) => c.path)).toEqual([
      `form.indicators[${i}].kind`,
      `form.indicators[${i}].operator`,
      `form.indicators[${i}].value`,
      `form.indicators[${i}].unit`,
      `form.indicators[${i}].text`,
    ]);
    expect(changes.at(-1)).toMatchObject({
      before: (a.form.indicators[i] as { text: string }).text,
      after: null,
    });
  });

  it('treats a 说明 added or removed as a whole', () => {
    const a = base();
    const b: Project = { ...base(), explanation: null };
    const [change, ...rest] = diffProjects(a, b);
    expect(rest).toEqual([]);
    expect(change).toMatchObject({ path: 'explanation', after: null });
    expect(change?.before).toMatchObject({ budgetYuan: '5850000.00' });
  });
});

describe(`revisions of a project (${ON_POSTGRES ? 'PostgreSQL' : 'PGlite'})`, () => {
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

  it('lists the revisions and diffs any two of them', async () => {
    const { projectIds } = await importDisclosure(db, {
      departmentId: world.departmentId,
      disclosure: fixture(),
      actor: world.actor,
    });
    const id = projectIds[0] as number;
    const p1 = (await getProject(db, id)).project;
    const p2 = copy(p1);
    p2.form.funds.annualTotal = 5_900_000_00;
    p2.form.indicators.push(extra);
    await saveRevision(db, {
      projectId: id,
      baseVersion: 1,
      project: p2,
      actor: world.actor,
      note: '加时效指标',
    });
    const p3 = copy(p2);
    p3.form.indicators.splice(0, 1);
    await saveRevision(db, { projectId: id, baseVersion: 2, project: p3, actor: world.reviewer });

    const revs = await listRevisions(db, id);
    expect(revs.map((r) => [r.number, r.note, r.createdBy, r.createdByName])).toEqual([
      [1, '导入', world.userId, '编报人'],
      [2, '加时效指标', world.userId, '编报人'],
      [3, '', world.reviewer.userId, '审核人'],
    ]);
    expect(revs[0]?.createdAt).toMatch(/Z$/);

    const d12 = await diffRevisions(db, id, 1, 2);
    expect(d12).toEqual({
      from: 1,
      to: 2,
      changes: [
        { path: 'form.funds.annualTotal', before: '5850000.00', after: '5900000.00' },
        { path: `form.indicators[${p1.form.indicators.length}]`, before: null, after: extra },
      ],
    });
    const d23 = await diffRevisions(db, id, 2, 3);
    expect(d23.changes).toEqual([{ path: 'form.indicators[0]', before: p1.form.indicators[0], after: null }]);
    expect((await diffRevisions(db, id, 3, 1)).changes.map((c) => c.path)).toEqual([
      'form.funds.annualTotal',
      'form.indicators[0]',
      `form.indicators[${p1.form.indicators.length - 1}]`,
    ]);
    expect((await diffRevisions(db, id, 2, 2)).changes).toEqual([]);
  });

  it('reports NOT_FOUND for a missing project or revision', async () => {
    await expect(listRevisions(db, 999_999)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(diffRevisions(db, 999_999, 1, 2)).rejects.toBeInstanceOf(StoreError);
    const { projectIds } = await importDisclosure(db, {
      departmentId: world.departmentId,
      disclosure: { ...fixture(), projects: fixture().projects.slice(0, 1) },
      actor: world.actor,
    });
    await expect(diffRevisions(db, projectIds[0] as number, 1, 5)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('#5'),
    });
  });
});
