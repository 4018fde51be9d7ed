/** Indicator suggestions through the API: mined from what the caller may see, and nothing else. */
import { getProject, saveRevision } from '@jixiao/store';
import { ON_POSTGRES } from '@jixiao/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, call, login, type World } from './testing.ts';

type Items = { items: { name: string; projectCount: number; unit: string; targets: unknown[] }[] };

describe(`GET /api/indicator-suggestions (${ON_POSTGRES ? 'PostgreSQL' : 'PGlite'})`, () => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld();
    // a name only project a1b (unit A1b of department A1) uses
    const { db } = w.database;
    const id = w.project.a1b;
    const before = await getProject(db, id);
    const project = structuredClone(before.project);
    project.form.indicators.push({
      level1: '产出指标',
      level2: '时效指标',
      name: '综治培训按时完成率',
      kind: 'quantitative',
      operator: '=',
      value: '100.00',
      unit: '%',
    });
    await saveRevision(db, {
      projectId: id,
      baseVersion: before.version,
      project,
      actor: w.actors.prepa1b as never,
    });
  });
  afterAll(async () => {
    await w.close();
  });

  const names = async (user: string, query: string) => {
    const res = await call(w.app, await login(w.app, user), 'GET', `/api/indicator-suggestions?${query}`);
    expect(res.status).toBe(200);
    return ((await res.json()) as Items).items;
  };

  it('suggests names with their unit and typical targets', async () => {
    const [cost] = await names('prepa1', `q=${encodeURIComponent('项目成本')}`);
    expect(cost).toMatchObject({ name: '项目成本', projectCount: 1, unit: '元' });
    expect(cost?.targets).toHaveLength(1);
  });

  it('mines only the caller’s scope', async () => {
    const q = `q=${encodeURIComponent('按时完成率')}`;
    expect(await names('prepa1', q)).toEqual([]); // another unit of the same department
    expect((await names('prepa1b', q)).map((s) => s.name)).toEqual(['综治培训按时完成率']);
    expect((await names('reva1', q)).map((s) => s.name)).toEqual(['综治培训按时完成率']);
    expect(await names('reva2', q)).toEqual([]);
    expect((await names('fina', q)).map((s) => s.name)).toEqual(['综治培训按时完成率']);
    expect(await names('finb', q)).toEqual([]);
    // every project of region A uses 项目成本; region B sees only its own
    const cost = `q=${encodeURIComponent('项目成本')}`;
    expect((await names('fina', cost))[0]?.projectCount).toBe(3);
    expect((await names('finb', cost))[0]?.projectCount).toBe(1);
  });

  it('refuses a bad limit and needs a session', async () => {
    const s = await login(w.app, 'prepa1');
    expect((await call(w.app, s, 'GET', '/api/indicator-suggestions?limit=0')).status).toBe(400);
    expect((await call(w.app, s, 'GET', '/api/indicator-suggestions?limit=51')).status).toBe(400);
    expect((await call(w.app, null, 'GET', '/api/indicator-suggestions?q=x')).status).toBe(401);
  });
});
