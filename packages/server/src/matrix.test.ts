/** The authorization matrix (the table is in `matrix-cases.ts`), and scoped lists. */
import { addComment } from '@jixiao/store';
import { ON_POSTGRES } from '@jixiao/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASES, ROLES, type Role, type Target, USER } from './matrix-cases.ts';
import { buildWorld, call, login, type Session, type World } from './testing.ts';

describe(`the authorization matrix (${ON_POSTGRES ? 'PostgreSQL' : 'PGlite'})`, () => {
  let w: World;
  const sessions = {} as Record<Role, Session>;
  const targets = {} as Record<Role, { own: Target; other: Target }>;
  beforeAll(async () => {
    w = await buildWorld();
    const { db } = w.database;
    const comment: Record<number, number> = {};
    for (const [key, id] of Object.entries(w.project)) {
      const by = w.actors[{ a1: 'prepa1', a1b: 'prepa1b', a2: 'prepa2', b: 'prepb' }[key] as string];
      comment[id] = (await addComment(db, { projectId: id, path: '', body: '意见', actor: by as never })).id;
    }
    const target = (p: keyof World['project'], d: number, u: number, user: string): Target => ({
      region: p === 'b' ? w.org.regionB : w.org.regionA,
      project: w.project[p],
      comment: comment[w.project[p]] as number,
      department: d,
      unit: u,
      user: w.actors[user]?.userId as number,
    });
    const own = target('a1', w.org.deptA1, w.org.unitA1, 'prepa1');
    const otherRegion = target('b', w.org.deptB, w.org.unitB, 'prepb');
    targets.preparer = { own, other: target('a1b', w.org.deptA2, w.org.unitA1b, 'prepb') };
    targets.department_reviewer = { own, other: target('a2', w.org.deptA2, w.org.unitA2, 'prepb') };
    targets.finance_reviewer = { own, other: otherRegion };
    targets.admin = { own, other: otherRegion };
    for (const role of ROLES) sessions[role] = await login(w.app, USER[role]);
  });
  afterAll(async () => {
    await w.close();
  });

  for (const c of CASES) {
    ROLES.forEach((role, i) => {
      (['own', 'other'] as const).forEach((side, j) => {
        const expected = c.expect[i]?.[j];
        it(`${c.route} as ${role} (${side}) → ${expected}`, async () => {
          const [method, path, body] = c.req(targets[role][side]);
          const res = await call(w.app, sessions[role], method, path, body);
          expect({ status: res.status, body: res.status === expected ? null : await res.text() }).toEqual({
            status: expected,
            body: null,
          });
        });
      });
    });
    it(`${c.route} without login → ${c.public ? 200 : 401}`, async () => {
      const [method, path, body] = c.req(targets.admin.own);
      const res = await call(w.app, null, method, path, body);
      expect(res.status).toBe(c.public ? 200 : 401);
    });
  }

  it('lists only the projects in the caller’s scope, whatever the filter asks', async () => {
    type List = { items: { id: number; unitId: number; departmentId: number }[] };
    const list = async (role: Role, query = '') =>
      ((await (await call(w.app, sessions[role], 'GET', `/api/projects?year=2024${query}`)).json()) as List)
        .items;
    expect((await list('preparer')).map((p) => p.id)).toEqual([w.project.a1]);
    expect(await list('preparer', `&unitId=${w.org.unitA1b}`)).toEqual([]);
    expect((await list('department_reviewer')).map((p) => p.id)).toEqual([w.project.a1, w.project.a1b]);
    expect(await list('department_reviewer', `&departmentId=${w.org.deptA2}`)).toEqual([]);
    for (const role of ['finance_reviewer', 'admin'] as const) {
      expect((await list(role)).map((p) => p.id)).toEqual([w.project.a1, w.project.a1b, w.project.a2]);
    }
  });

  it('shows each role only its organisations', async () => {
    type Orgs = { items: { id: number }[] };
    const ids = async (role: Role) =>
      ((await (await call(w.app, sessions[role], 'GET', '/api/organizations')).json()) as Orgs).items.map(
        (o) => o.id,
      );
    const { regionA, regionB, deptA1, deptA2, deptB, unitA1, unitA1b, unitA2, unitB } = w.org;
    expect(await ids('preparer')).toEqual([regionA, deptA1, unitA1]);
    const dept = await ids('department_reviewer');
    expect(dept).toEqual(expect.arrayContaining([regionA, deptA1, unitA1, unitA1b]));
    for (const outside of [deptA2, unitA2, regionB]) expect(dept).not.toContain(outside);
    const finance = await ids('finance_reviewer');
    expect(finance).toEqual(expect.arrayContaining([regionA, deptA1, deptA2, unitA1, unitA1b, unitA2]));
    for (const outside of [regionB, deptB, unitB]) expect(finance).not.toContain(outside);
  });
});
