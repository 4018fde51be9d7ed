/** The whole workflow through the API, from the preparer's edit to the public disclosure. */

import { ON_POSTGRES } from '@jixiao/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, call, login, type Session, type World } from './testing.ts';

type Detail = {
  version: number;
  status: string;
  currentRevision: number;
  grade: string | null;
  actions: string[];
  project: { form: { name: string; annualGoal: string; overallGoal: string } };
};

describe(`the workflow through the API (${ON_POSTGRES ? 'PostgreSQL' : 'PGlite'})`, () => {
  let w: World;
  let prep: Session;
  let rev: Session;
  let fin: Session;
  beforeAll(async () => {
    w = await buildWorld();
    prep = await login(w.app, 'prepa1');
    rev = await login(w.app, 'reva1');
    fin = await login(w.app, 'fina');
  });
  afterAll(async () => {
    await w.close();
  });

  const get = async (s: Session, id: number) => {
    const res = await call(w.app, s, 'GET', `/api/projects/${id}`);
    expect(res.status).toBe(200);
    return (await res.json()) as Detail;
  };
  const step = async (s: Session, id: number, body: Record<string, unknown>, status = 200) => {
    const res = await call(w.app, s, 'POST', `/api/projects/${id}/transitions`, body);
    const json = (await res.json()) as { version: number; toStatus: string; error?: { code: string } };
    expect({ status: res.status, json }).toMatchObject({ status });
    return json;
  };
  const edit = async (s: Session, id: number, change: (d: Detail['project']) => void, note?: string) => {
    const d = await get(s, id);
    change(d.project);
    const res = await call(w.app, s, 'PUT', `/api/projects/${id}`, {
      baseVersion: d.version,
      project: d.project,
      note,
    });
    expect(res.status).toBe(200);
    return (await res.json()) as { version: number; revision: number };
  };

  it('goes draft → submitted → returned → resubmitted → department-approved → finance → 良 approved → published', async () => {
    const id = w.project.a1;
    expect((await get(prep, id)).actions).toEqual(['submit']);
    await edit(prep, id, (p) => {
      p.form.annualGoal = '完成年度平安建设任务。';
    });
    let v = (await get(prep, id)).version;
    v = (await step(prep, id, { action: 'submit', baseVersion: v })).version;

    // the department returns it: a reason is required
    const noReason = await step(rev, id, { action: 'department_return', baseVersion: v }, 400);
    expect(noReason.error?.code).toBe('VALIDATION');
    v = (await step(rev, id, { action: 'department_return', baseVersion: v, opinion: '请细化年度目标' }))
      .version;
    expect((await get(prep, id)).status).toBe('returned');

    // the preparer fixes and resubmits
    await edit(
      prep,
      id,
      (p) => {
        p.form.annualGoal = '完成年度平安建设任务，矛盾纠纷化解率不低于95%。';
      },
      '按部门意见修改',
    );
    v = (await get(prep, id)).version;
    v = (await step(prep, id, { action: 'submit', baseVersion: v })).version;
    expect((await get(rev, id)).actions).toEqual(['department_return', 'department_approve']);
    v = (await step(rev, id, { action: 'department_approve', baseVersion: v, opinion: '同意' })).version;
    v = (await step(rev, id, { action: 'send_to_finance', baseVersion: v })).version;

    // finance grades 良: approved; the role check is the state machine's
    const wrongRole = await step(rev, id, { action: 'finance_grade', baseVersion: v, grade: '优' }, 403);
    expect(wrongRole.error?.code).toBe('FORBIDDEN');
    const graded = await step(fin, id, {
      action: 'finance_grade',
      baseVersion: v,
      grade: '良',
      opinion: '可',
    });
    expect(graded.toStatus).toBe('approved');
    const approved = await get(prep, id);
    expect(approved).toMatchObject({ status: 'approved', grade: '良', currentRevision: 3 });

    // an approved version never changes
    const frozen = await call(w.app, prep, 'PUT', `/api/projects/${id}`, {
      baseVersion: approved.version,
      project: approved.project,
    });
    expect(frozen.status).toBe(409);
    expect(((await frozen.json()) as { error: { code: string } }).error.code).toBe('NOT_EDITABLE');

    // the department publishes; the public reads it without login
    const pub = await call(w.app, rev, 'POST', `/api/departments/${w.org.deptA1}/publications`, {
      year: 2024,
    });
    expect(pub.status).toBe(201);
    const published = (await pub.json()) as {
      id: number;
      projectIds: number[];
      summary: { projectCount: number };
    };
    expect(published.projectIds).toEqual([id]);
    expect((await get(prep, id)).status).toBe('published');

    const list = await call(w.app, null, 'GET', `/api/public/publications?departmentId=${w.org.deptA1}`);
    expect(list.status).toBe(200);
    expect(((await list.json()) as { items: { id: number }[] }).items.map((p) => p.id)).toEqual([
      published.id,
    ]);
    const doc = await call(w.app, null, 'GET', `/api/public/publications/${published.id}`);
    expect(doc.status).toBe(200);
    const body = (await doc.json()) as {
      departmentName: string;
      snapshot: {
        format: string;
        summary: { projectCount: number; totalWan: string };
        projects: Detail['project'][];
      };
    };
    expect(body.departmentName).toBe('中共上海市松江区委政法委员会');
    expect(body.snapshot.format).toBe('jixiao.disclosure/1');
    expect(body.snapshot.summary).toMatchObject({ projectCount: 1, totalWan: '585.00' });
    expect(body.snapshot.projects[0]?.form.annualGoal).toBe(
      '完成年度平安建设任务，矛盾纠纷化解率不低于95%。',
    );

    // every step is on record: who, role, when, opinion
    const history = await call(w.app, rev, 'GET', `/api/projects/${id}/transitions`);
    const items = ((await history.json()) as { items: Record<string, unknown>[] }).items;
    expect(items.map((t) => [t.action, t.actorRole])).toEqual([
      ['submit', 'preparer'],
      ['department_return', 'department_reviewer'],
      ['submit', 'preparer'],
      ['department_approve', 'department_reviewer'],
      ['send_to_finance', 'department_reviewer'],
      ['finance_grade', 'finance_reviewer'],
      ['publish', 'department_reviewer'],
    ]);
    expect(items[1]).toMatchObject({ opinion: '请细化年度目标', actorName: 'reva1' });
    expect(items[5]).toMatchObject({ grade: '良' });
    expect(typeof items[0]?.createdAt).toBe('string');

    // revisions and their differences
    const revisions = await call(w.app, prep, 'GET', `/api/projects/${id}/revisions`);
    expect(((await revisions.json()) as { items: unknown[] }).items).toHaveLength(3);
    const diff = await call(w.app, prep, 'GET', `/api/projects/${id}/diff?from=1&to=3`);
    const changes = ((await diff.json()) as { changes: { path: string; after: unknown }[] }).changes;
    expect(changes).toContainEqual(
      expect.objectContaining({
        path: 'form.annualGoal',
        after: '完成年度平安建设任务，矛盾纠纷化解率不低于95%。',
      }),
    );
  });

  it('returns on 中 and rejects on 差, each with a required reason', async () => {
    const id = w.project.a1b;
    const toFinance = async () => {
      let v = (await get(rev, id)).version;
      const prepB = await login(w.app, 'prepa1b');
      v = (await step(prepB, id, { action: 'submit', baseVersion: v })).version;
      v = (await step(rev, id, { action: 'department_approve', baseVersion: v })).version;
      return (await step(rev, id, { action: 'send_to_finance', baseVersion: v })).version;
    };
    let v = await toFinance();
    await step(fin, id, { action: 'finance_grade', baseVersion: v, grade: '中' }, 400);
    const mid = await step(fin, id, {
      action: 'finance_grade',
      baseVersion: v,
      grade: '中',
      opinion: '指标需细化',
    });
    expect(mid.toStatus).toBe('returned');
    v = await toFinance();
    const bad = await step(fin, id, {
      action: 'finance_grade',
      baseVersion: v,
      grade: '差',
      opinion: '不予安排',
    });
    expect(bad.toStatus).toBe('rejected');
    expect((await get(rev, id)).actions).toEqual([]);
  });

  it('answers a stale write with 409 and loses nothing', async () => {
    const id = w.project.a2;
    const a = await login(w.app, 'prepa2');
    const b = await login(w.app, 'prepa2');
    const seenByA = await get(a, id);
    const seenByB = await get(b, id);
    seenByA.project.form.overallGoal = 'A 的修改';
    const first = await call(w.app, a, 'PUT', `/api/projects/${id}`, {
      baseVersion: seenByA.version,
      project: seenByA.project,
    });
    expect(first.status).toBe(200);
    seenByB.project.form.overallGoal = 'B 的修改';
    const second = await call(w.app, b, 'PUT', `/api/projects/${id}`, {
      baseVersion: seenByB.version,
      project: seenByB.project,
    });
    expect(second.status).toBe(409);
    const err = (await second.json()) as { error: { code: string; message: string; details: unknown } };
    expect(err.error.code).toBe('CONFLICT');
    expect(err.error.message).toMatch(/已被他人修改/);
    expect(err.error.details).toMatchObject({
      expectedVersion: seenByB.version,
      currentVersion: seenByB.version + 1,
    });
    const now = await get(a, id);
    expect(now.project.form.overallGoal).toBe('A 的修改');
    expect(now.currentRevision).toBe(2);
    // a stale workflow step is refused the same way
    const stale = await call(w.app, a, 'POST', `/api/projects/${id}/transitions`, {
      action: 'submit',
      baseVersion: seenByB.version,
    });
    expect(stale.status).toBe(409);
    expect((await get(a, id)).status).toBe('draft');
  });

  it('lets finance perfect the targets directly when it grades 良: a new revision by finance, then approved', async () => {
    const id = w.project.a2;
    const prepB = await login(w.app, 'prepa2');
    const revB = await login(w.app, 'reva2');
    let v = (await get(revB, id)).version;
    v = (await step(prepB, id, { action: 'submit', baseVersion: v })).version;
    v = (await step(revB, id, { action: 'department_approve', baseVersion: v })).version;
    v = (await step(revB, id, { action: 'send_to_finance', baseVersion: v })).version;
    const before = await get(fin, id);
    const perfected = structuredClone(before.project);
    perfected.form.annualGoal = '财政完善后的年度目标：矛盾纠纷化解率不低于95%。';

    // only a 良 grade carries targets; only finance grades; nothing is written when refused
    const withTop = await call(w.app, fin, 'POST', `/api/projects/${id}/transitions`, {
      action: 'finance_grade',
      baseVersion: v,
      grade: '优',
      project: perfected,
    });
    expect(withTop.status).toBe(400);
    expect(((await withTop.json()) as { error: { code: string } }).error.code).toBe('VALIDATION');
    const byPreparer = await call(w.app, prepB, 'POST', `/api/projects/${id}/transitions`, {
      action: 'finance_grade',
      baseVersion: v,
      grade: '良',
      project: perfected,
    });
    expect(byPreparer.status).toBe(403);
    const stale = await call(w.app, fin, 'POST', `/api/projects/${id}/transitions`, {
      action: 'finance_grade',
      baseVersion: v - 1,
      grade: '良',
      project: perfected,
    });
    expect(stale.status).toBe(409);
    expect(await get(fin, id)).toMatchObject({
      status: 'finance_review',
      version: v,
      currentRevision: before.currentRevision,
    });

    const done = await step(fin, id, {
      action: 'finance_grade',
      baseVersion: v,
      grade: '良',
      project: perfected,
    });
    expect(done.toStatus).toBe('approved');
    const after = await get(prepB, id);
    expect(after).toMatchObject({
      status: 'approved',
      grade: '良',
      currentRevision: before.currentRevision + 1,
    });
    expect(after.project.form.annualGoal).toBe(perfected.form.annualGoal);
    const revisions = await call(w.app, fin, 'GET', `/api/projects/${id}/revisions`);
    const items = ((await revisions.json()) as { items: { createdBy: number | null; note: string }[] }).items;
    expect(items.at(-1)).toMatchObject({
      createdBy: w.actors.fina?.userId,
      note: expect.stringContaining('良'),
    });
    const history = await call(w.app, fin, 'GET', `/api/projects/${id}/transitions`);
    const last = ((await history.json()) as { items: Record<string, unknown>[] }).items.at(-1);
    expect(last).toMatchObject({
      action: 'finance_grade',
      grade: '良',
      revisionNumber: after.currentRevision,
    });
  });

  it('refuses compiling in a budget year finance has closed, and allows it again once reopened', async () => {
    const years = `/api/regions/${w.org.regionA}/budget-years`;
    const setOpen = async (open: boolean) => {
      const res = await call(w.app, fin, 'PUT', `${years}/2024`, { open });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ regionId: w.org.regionA, year: 2024, open });
    };
    const create = (year: number) =>
      call(w.app, prep, 'POST', '/api/projects', { year, project: structuredClone(project) });
    const project = (await get(prep, w.project.a1)).project;

    await setOpen(false);
    const listed = await call(w.app, prep, 'GET', years);
    expect(((await listed.json()) as { items: unknown[] }).items).toContainEqual({
      regionId: w.org.regionA,
      year: 2024,
      open: false,
    });
    const refused = await create(2024);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'YEAR_CLOSED',
      message: expect.stringContaining('2024年度预算编报已关闭'),
    });
    expect((await create(2025)).status).toBe(201);

    await setOpen(true);
    const made = await create(2024);
    expect(made.status).toBe(201);
    const { id, version } = (await made.json()) as { id: number; version: number };
    await setOpen(false);
    const save = await call(w.app, prep, 'PUT', `/api/projects/${id}`, { baseVersion: version, project });
    expect(save.status).toBe(409);
    expect(((await save.json()) as { error: { code: string } }).error.code).toBe('YEAR_CLOSED');
    const submit = await call(w.app, prep, 'POST', `/api/projects/${id}/transitions`, {
      action: 'submit',
      baseVersion: version,
    });
    expect(submit.status).toBe(409);
    expect(await get(prep, id)).toMatchObject({ status: 'draft', version, currentRevision: 1 });
    await setOpen(true);
    expect((await step(prep, id, { action: 'submit', baseVersion: version })).toStatus).toBe('submitted');
  });
});
