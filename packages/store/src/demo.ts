/**
 * Demo data (`npm start` unless `JIXIAO_DEMO=0`): the Songjiang fixture as one department with its
 * 10 projects in mixed states and one publication, a second department with a few projects, and
 * accounts with the password `demo1234`. Idempotent: does nothing once any user exists. One
 * transaction, so a failed seed leaves nothing behind.
 */
import { readFileSync } from 'node:fs';
import { type Disclosure, importDisclosureText, type Project } from '@jixiao/core';
import type { Actor } from './audit.ts';
import { addComment } from './comments.ts';
import type { Db } from './db.ts';
import { createOrganization, setBudgetYear } from './orgs.ts';
import { createProject, getProject, importDisclosure, saveRevision } from './projects.ts';
import { publishDisclosure } from './publications.ts';
import { createUser, hasUsers, type Role } from './users.ts';
import { type Grade, transitionProject, WORKFLOW, type WorkflowAction } from './workflow.ts';

export const DEMO_PASSWORD = 'demo1234';
export const DEMO_FIXTURE = new URL('../../../testdata/songjiang-zfw-2024.txt', import.meta.url);

export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  orgName: string;
}

type Step = [WorkflowAction, { opinion?: string; grade?: Grade }?];
const SUBMIT: Step = ['submit'];
const APPROVE: Step[] = [SUBMIT, ['department_approve', { opinion: '同意' }], ['send_to_finance']];
const GRADE = (grade: Grade, opinion = ''): Step => ['finance_grade', { grade, opinion }];

/** The fixture's projects by position → the steps that bring each to its demo state. */
const SONGJIANG_PLAN: Step[][] = [
  [...APPROVE, GRADE('优', '目标明确，指标量化')], // published (with the first publication)
  [...APPROVE, GRADE('良', '满意度指标可再细化')], // approved
  [...APPROVE, GRADE('良')], // approved
  [...APPROVE], // finance_review
  [SUBMIT, ['department_approve']], // department_approved
  [SUBMIT], // submitted
  [SUBMIT, ['department_return', { opinion: '产出指标缺少时效指标，请补充' }]], // returned
  [...APPROVE, GRADE('中', '效益指标与项目内容关联不足，请修改后重报')], // returned by finance
  [], // draft (edited below)
  [], // draft
];

/**
 * Seeds the demo. @returns the accounts (all with `DEMO_PASSWORD`), or `seeded: false` when the
 * database already had users.
 */
export async function seedDemo(
  db: Db,
  options: { fixture?: string | URL } = {},
): Promise<{ seeded: boolean; accounts: DemoAccount[] }> {
  if (await hasUsers(db)) return { seeded: false, accounts: [] };
  const text = readFileSync(options.fixture ?? DEMO_FIXTURE, 'utf8');
  const { disclosure, diagnostics } = importDisclosureText(text, { source: 'songjiang-zfw-2024.txt' });
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (!disclosure || errors.length > 0) {
    throw new Error(`demo fixture unreadable: ${errors.map((d) => d.message).join('; ')}`);
  }
  return db.transaction(async (tx) => {
    const accounts: DemoAccount[] = [];
    const user = async (
      username: string,
      displayName: string,
      role: Role,
      org: { id: number; name: string },
    ) => {
      const u = await createUser(tx, { username, displayName, password: DEMO_PASSWORD, role, orgId: org.id });
      accounts.push({ username, displayName, role, orgName: org.name });
      return { userId: u.id, role } satisfies Actor;
    };
    const region = await createOrganization(tx, { kind: 'region', name: '上海市松江区' });
    await setBudgetYear(tx, { regionId: region.id, year: disclosure.year });
    const admin = await user('admin', '系统管理员', 'admin', region);
    const finance = await user('caizheng', '区财政局绩效科', 'finance_reviewer', region);
    const dept = await createOrganization(tx, {
      kind: 'department',
      name: disclosure.department,
      parentId: region.id,
      actor: admin,
    });
    const reviewer = await user('bumen', '区委政法委审核员', 'department_reviewer', dept);
    const { projectIds, unitIds } = await importDisclosure(tx, {
      departmentId: dept.id,
      disclosure,
      actor: reviewer,
    });
    const unit = { id: unitIds[0] as number, name: disclosure.projects[0]?.form.implementingUnit ?? '' };
    const preparer = await user('tianbao', '区委政法委填报员', 'preparer', unit);
    const actors: Record<string, Actor> = {
      preparer,
      department_reviewer: reviewer,
      finance_reviewer: finance,
    };

    const run = async (projectId: number, steps: Step[]) => {
      let { version } = await getProject(tx, projectId);
      for (const [action, extra] of steps) {
        const r = await transitionProject(tx, {
          projectId,
          action,
          baseVersion: version,
          actor: actors[WORKFLOW[action].role] as Actor,
          ...extra,
        });
        version = r.version;
      }
    };
    // Project 0 is approved and published first; 1 and 2 are approved after, awaiting publication.
    await run(projectIds[0] as number, SONGJIANG_PLAN[0] ?? []);
    await publishDisclosure(tx, { departmentId: dept.id, year: disclosure.year, actor: reviewer });
    for (let i = 1; i < projectIds.length; i++) await run(projectIds[i] as number, SONGJIANG_PLAN[i] ?? []);
    const edited = projectIds[8] as number;
    const before = await getProject(tx, edited);
    await saveRevision(tx, {
      projectId: edited,
      baseVersion: before.version,
      project: {
        ...before.project,
        form: { ...before.project.form, annualGoal: `${before.project.form.annualGoal}（已修改）` },
      },
      actor: preparer,
      note: '完善年度目标',
    });
    await addComment(tx, {
      projectId: projectIds[6] as number,
      path: 'form.indicators',
      body: '请补充“完成时限”类时效指标。',
      actor: reviewer,
    });

    await seedSecondDepartment(tx, region, disclosure, admin, user);
    return { seeded: true, accounts };
  });
}

/** 区教育局 with three projects borrowed from the fixture, renamed, in early states. */
async function seedSecondDepartment(
  tx: Db,
  region: { id: number },
  disclosure: Disclosure,
  admin: Actor,
  user: (
    username: string,
    displayName: string,
    role: Role,
    org: { id: number; name: string },
  ) => Promise<Actor>,
) {
  const dept = await createOrganization(tx, {
    kind: 'department',
    name: '上海市松江区教育局',
    parentId: region.id,
    actor: admin,
  });
  const unit = await createOrganization(tx, {
    kind: 'unit',
    name: '上海市松江区教育局（本级）',
    parentId: dept.id,
    actor: admin,
  });
  const preparer = await user('jiaoyu', '区教育局填报员', 'preparer', unit);
  const reviewer = await user('jiaoyubm', '区教育局审核员', 'department_reviewer', dept);
  const names = ['校园安全管理服务', '教师培训经费', '教育信息化平台运维'];
  const ids: number[] = [];
  for (const [i, name] of names.entries()) {
    const source = disclosure.projects[[1, 2, 8][i] as number] as Project;
    const project: Project = {
      ...source,
      form: { ...source.form, name, competentDepartment: dept.name, implementingUnit: unit.name },
    };
    const { projectId } = await createProject(tx, {
      unitId: unit.id,
      year: disclosure.year,
      project,
      actor: preparer,
    });
    ids.push(projectId);
  }
  // ids[0] stays a draft; ids[1] is submitted; ids[2] passed the department.
  await transitionProject(tx, {
    projectId: ids[1] as number,
    action: 'submit',
    baseVersion: 1,
    actor: preparer,
  });
  await transitionProject(tx, {
    projectId: ids[2] as number,
    action: 'submit',
    baseVersion: 1,
    actor: preparer,
  });
  await transitionProject(tx, {
    projectId: ids[2] as number,
    action: 'department_approve',
    baseVersion: 2,
    actor: reviewer,
  });
}
