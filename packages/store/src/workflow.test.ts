import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from './audit.ts';
import type { Database } from './db.ts';
import { createOrganization } from './orgs.ts';
import { auditLog, projects } from './schema.ts';
import { ON_POSTGRES, openTestDatabase } from './testing.ts';
import { createUser } from './users.ts';
import {
  availableActions,
  listTransitions,
  nextStatus,
  type ProjectStatus,
  transitionProject,
  type WorkflowAction,
} from './workflow.ts';

describe('the workflow table', () => {
  const cases: [
    ProjectStatus,
    WorkflowAction,
    string,
    { opinion?: string; grade?: '优' | '良' | '中' | '差' },
    string,
  ][] = [
    ['draft', 'submit', 'preparer', {}, 'submitted'],
    ['returned', 'submit', 'preparer', {}, 'submitted'],
    ['submitted', 'department_return', 'department_reviewer', { opinion: '指标不全' }, 'returned'],
    ['submitted', 'department_approve', 'department_reviewer', {}, 'department_approved'],
    ['department_approved', 'department_return', 'department_reviewer', { opinion: '再看看' }, 'returned'],
    ['department_approved', 'send_to_finance', 'department_reviewer', {}, 'finance_review'],
    ['finance_review', 'finance_grade', 'finance_reviewer', { grade: '优' }, 'approved'],
    ['finance_review', 'finance_grade', 'finance_reviewer', { grade: '良' }, 'approved'],
    ['finance_review', 'finance_grade', 'finance_reviewer', { grade: '中', opinion: '目标不清' }, 'returned'],
    ['finance_review', 'finance_grade', 'finance_reviewer', { grade: '差', opinion: '不予安排' }, 'rejected'],
    ['finance_review', 'finance_return', 'finance_reviewer', { opinion: '补充说明' }, 'returned'],
    ['approved', 'publish', 'department_reviewer', {}, 'published'],
    ['approved', 'adjust', 'preparer', { opinion: '预算调整' }, 'draft'],
    ['published', 'adjust', 'preparer', { opinion: '预算调整' }, 'draft'],
  ];
  it.each(cases)('%s —%s by %s→ %s', (from, action, role, input, to) => {
    expect(nextStatus(from, action, role, input)).toBe(to);
  });

  it('refuses the wrong role, the wrong status, a return without reason and a grade without grade', () => {
    expect(() => nextStatus('draft', 'submit', 'department_reviewer')).toThrow(/部门审核.*不能提交/);
    expect(() => nextStatus('submitted', 'submit', 'preparer')).toThrow(
      expect.objectContaining({ code: 'INVALID_TRANSITION' }),
    );
    expect(() =>
      nextStatus('submitted', 'department_return', 'department_reviewer', { opinion: '  ' }),
    ).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    expect(() => nextStatus('finance_review', 'finance_grade', 'finance_reviewer')).toThrow(/等级/);
    expect(() => nextStatus('finance_review', 'finance_grade', 'finance_reviewer', { grade: '中' })).toThrow(
      /理由/,
    );
    expect(() => nextStatus('rejected', 'submit', 'preparer')).toThrow(
      expect.objectContaining({ code: 'INVALID_TRANSITION' }),
    );
    expect(() => nextStatus('approved', 'adjust', 'admin', { opinion: 'x' })).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });

  it('lists the actions a role has from a status', () => {
    expect(availableActions('submitted', 'department_reviewer')).toEqual([
      'department_return',
      'department_approve',
    ]);
    expect(availableActions('finance_review', 'finance_reviewer')).toEqual([
      'finance_return',
      'finance_grade',
    ]);
    expect(availableActions('rejected', 'preparer')).toEqual([]);
  });
});

describe(`transitionProject (${ON_POSTGRES ? 'PostgreSQL' : 'PGlite'})`, () => {
  let database: Database;
  let preparer: Actor;
  let reviewer: Actor;
  let finance: Actor;
  let place: { unitId: number; departmentId: number; regionId: number };
  beforeAll(async () => {
    database = await openTestDatabase();
    const { db } = database;
    const region = await createOrganization(db, { kind: 'region', name: '松江区' });
    const dept = await createOrganization(db, { kind: 'department', name: '政法委', parentId: region.id });
    const unit = await createOrganization(db, { kind: 'unit', name: '政法委（本级）', parentId: dept.id });
    place = { unitId: unit.id, departmentId: dept.id, regionId: region.id };
    const mk = async (
      username: string,
      role: 'preparer' | 'department_reviewer' | 'finance_reviewer',
      orgId: number,
    ) => {
      const u = await createUser(db, { username, displayName: username, password: 'demo1234', role, orgId });
      return { userId: u.id, role };
    };
    preparer = await mk('tianbao', 'preparer', unit.id);
    reviewer = await mk('bumen', 'department_reviewer', dept.id);
    finance = await mk('caizheng', 'finance_reviewer', region.id);
  });
  afterAll(async () => {
    await database.close();
  });

  async function newProject() {
    const [p] = await database.db
      .insert(projects)
      .values({ ...place, year: 2024, name: '测试项目' })
      .returning();
    if (!p) throw new Error('no project');
    return p.id;
  }

  it('walks a project to approved, recording who, role, opinion and grade', async () => {
    const { db } = database;
    const id = await newProject();
    let v = 0;
    const step = async (
      actor: Actor,
      action: WorkflowAction,
      extra: { opinion?: string; grade?: '良' } = {},
    ) => {
      const r = await transitionProject(db, { projectId: id, action, baseVersion: v, actor, ...extra });
      v = r.version;
      return r;
    };
    await step(preparer, 'submit');
    await step(reviewer, 'department_return', { opinion: '请补充满意度指标' });
    await step(preparer, 'submit');
    await step(reviewer, 'department_approve');
    await step(reviewer, 'send_to_finance');
    const last = await step(finance, 'finance_grade', { grade: '良', opinion: '良好' });
    expect(last).toMatchObject({ toStatus: 'approved', grade: '良', version: 6 });
    const history = await listTransitions(db, id);
    expect(history.map((h) => [h.action, h.toStatus, h.actorRole])).toEqual([
      ['submit', 'submitted', 'preparer'],
      ['department_return', 'returned', 'department_reviewer'],
      ['submit', 'submitted', 'preparer'],
      ['department_approve', 'department_approved', 'department_reviewer'],
      ['send_to_finance', 'finance_review', 'department_reviewer'],
      ['finance_grade', 'approved', 'finance_reviewer'],
    ]);
    expect(history[1]?.opinion).toBe('请补充满意度指标');
    expect(history[5]?.grade).toBe('良');
    const audit = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(id)));
    expect(audit.filter((a) => a.entity === 'project')).toHaveLength(6);
  });

  it('refuses a stale version and changes nothing', async () => {
    const { db } = database;
    const id = await newProject();
    await transitionProject(db, { projectId: id, action: 'submit', baseVersion: 0, actor: preparer });
    await expect(
      transitionProject(db, { projectId: id, action: 'department_approve', baseVersion: 0, actor: reviewer }),
    ).rejects.toMatchObject({ code: 'CONFLICT', status: 409 });
    const [p] = await db.select().from(projects).where(eq(projects.id, id));
    expect(p).toMatchObject({ status: 'submitted', version: 1 });
    expect(await listTransitions(db, id)).toHaveLength(1);
  });

  it('rejects on 差 and leaves the project terminal', async () => {
    const { db } = database;
    const id = await newProject();
    const steps: [Actor, WorkflowAction][] = [
      [preparer, 'submit'],
      [reviewer, 'department_approve'],
      [reviewer, 'send_to_finance'],
    ];
    for (const [i, [actor, action]] of steps.entries()) {
      await transitionProject(db, { projectId: id, action, baseVersion: i, actor });
    }
    const r = await transitionProject(db, {
      projectId: id,
      action: 'finance_grade',
      baseVersion: 3,
      actor: finance,
      grade: '差',
      opinion: '绩效目标与项目无关',
    });
    expect(r.toStatus).toBe('rejected');
    await expect(
      transitionProject(db, { projectId: id, action: 'submit', baseVersion: 4, actor: preparer }),
    ).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
  });

  it('refuses publishing one project by itself', async () => {
    const id = await newProject();
    await expect(
      transitionProject(database.db, { projectId: id, action: 'publish', baseVersion: 0, actor: reviewer }),
    ).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
  });
});
