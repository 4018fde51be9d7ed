/**
 * The review workflow (domain.md §1.5) as one table, and `transitionProject`, which applies a step
 * in one transaction: checks it, bumps the project's version (optimistic lock), records the
 * transition (who, role, when, opinion, grade) and an audit entry.
 *
 *   draft|returned ─submit→ submitted ─department_approve→ department_approved ─send_to_finance→
 *   finance_review ─finance_grade 优/良→ approved ─publish→ published
 *   submitted|department_approved ─department_return→ returned; finance_review ─finance_return→ returned
 *   finance_grade 中 → returned, 差 → rejected (terminal)
 *   approved|published ─adjust→ draft (a new version through the same review; old revisions stay)
 */

import type { Project } from '@jixiao/core';
import { ACTION_NAMES, STATUS_NAMES, WORKFLOW_ACTIONS, type WorkflowAction } from '@jixiao/core';
import { and, asc, eq } from 'drizzle-orm';
import type { Actor } from './audit.ts';
import { recordAudit } from './audit.ts';
import type { Db } from './db.ts';
import { conflict, notFound, StoreError } from './errors.ts';
import { assertYearOpen } from './orgs.ts';
import { writeRevision } from './projects.ts';
import { validateProject } from './revision-rows.ts';
import { type GRADES, type PROJECT_STATUSES, projects, transitions, users } from './schema.ts';
import { ROLE_NAMES, type Role } from './users.ts';

export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export type Grade = (typeof GRADES)[number];

export { ACTION_NAMES, STATUS_NAMES, WORKFLOW_ACTIONS, type WorkflowAction };

interface Step {
  from: readonly ProjectStatus[];
  role: Role;
  /** the next status; a grading step's depends on the grade */
  to: ProjectStatus | ((grade: Grade) => ProjectStatus);
  opinion: 'required' | 'optional' | ((grade: Grade) => 'required' | 'optional');
  grade: boolean;
}

/** The state machine: which action from which status by which role leads where. */
export const WORKFLOW: Record<WorkflowAction, Step> = {
  submit: {
    from: ['draft', 'returned'],
    role: 'preparer',
    to: 'submitted',
    opinion: 'optional',
    grade: false,
  },
  department_return: {
    from: ['submitted', 'department_approved'],
    role: 'department_reviewer',
    to: 'returned',
    opinion: 'required',
    grade: false,
  },
  department_approve: {
    from: ['submitted'],
    role: 'department_reviewer',
    to: 'department_approved',
    opinion: 'optional',
    grade: false,
  },
  send_to_finance: {
    from: ['department_approved'],
    role: 'department_reviewer',
    to: 'finance_review',
    opinion: 'optional',
    grade: false,
  },
  finance_return: {
    from: ['finance_review'],
    role: 'finance_reviewer',
    to: 'returned',
    opinion: 'required',
    grade: false,
  },
  // 优 → next budget step; 良 → perfected, next step; 中 → revise and resubmit; 差 → no budget.
  finance_grade: {
    from: ['finance_review'],
    role: 'finance_reviewer',
    to: (g) => (g === '中' ? 'returned' : g === '差' ? 'rejected' : 'approved'),
    opinion: (g) => (g === '中' || g === '差' ? 'required' : 'optional'),
    grade: true,
  },
  publish: {
    from: ['approved'],
    role: 'department_reviewer',
    to: 'published',
    opinion: 'optional',
    grade: false,
  },
  adjust: {
    from: ['approved', 'published'],
    role: 'preparer',
    to: 'draft',
    opinion: 'required',
    grade: false,
  },
};

/**
 * Where an action leads, or why it may not be taken. Pure.
 * @throws FORBIDDEN (wrong role), INVALID_TRANSITION (wrong status), VALIDATION (missing opinion or grade)
 */
export function nextStatus(
  status: ProjectStatus,
  action: WorkflowAction,
  role: string,
  input: { opinion?: string | undefined; grade?: Grade | undefined } = {},
): ProjectStatus {
  const step = WORKFLOW[action];
  if (step.role !== role) {
    const who = ROLE_NAMES[role as Role] ?? role;
    throw new StoreError(
      'FORBIDDEN',
      `「${who}」不能${ACTION_NAMES[action]}，应由「${ROLE_NAMES[step.role]}」办理`,
      {
        action,
        role,
      },
    );
  }
  if (!step.from.includes(status)) {
    throw new StoreError(
      'INVALID_TRANSITION',
      `项目当前状态为「${STATUS_NAMES[status]}」，不能${ACTION_NAMES[action]}`,
      { action, status },
    );
  }
  if (step.grade && input.grade === undefined) {
    throw new StoreError('VALIDATION', '财政评级须给出等级（优、良、中、差）', {
      fields: [{ path: 'grade' }],
    });
  }
  if (!step.grade && input.grade !== undefined) {
    throw new StoreError('VALIDATION', `${ACTION_NAMES[action]}不带等级`, { fields: [{ path: 'grade' }] });
  }
  const grade = input.grade as Grade;
  const opinion = typeof step.opinion === 'function' ? step.opinion(grade) : step.opinion;
  if (opinion === 'required' && (input.opinion ?? '').trim() === '') {
    throw new StoreError('VALIDATION', `${ACTION_NAMES[action]}须填写理由`, {
      fields: [{ path: 'opinion' }],
    });
  }
  return typeof step.to === 'function' ? step.to(grade) : step.to;
}

/** The actions a role may take from a status (for the UI's buttons). Pure. */
export function availableActions(status: ProjectStatus, role: string): WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter((a) => WORKFLOW[a].role === role && WORKFLOW[a].from.includes(status));
}

export interface TransitionResult {
  projectId: number;
  fromStatus: ProjectStatus;
  toStatus: ProjectStatus;
  version: number;
  grade: Grade | null;
  transitionId: number;
}

/**
 * Applies one workflow step to a project in one transaction. `publish` is refused here: a
 * department publishes its approved projects together (`publishDisclosure`).
 * @throws NOT_FOUND; CONFLICT when `baseVersion` is not current (nothing changes); and as `nextStatus`
 */
export async function transitionProject(
  db: Db,
  input: {
    projectId: number;
    action: WorkflowAction;
    baseVersion: number;
    actor: Actor;
    opinion?: string | undefined;
    grade?: Grade | undefined;
    /** 良 only: the targets as the finance bureau perfected them, saved as a new revision first */
    perfected?: Project | undefined;
  },
): Promise<TransitionResult> {
  if (input.action === 'publish') {
    throw new StoreError('INVALID_TRANSITION', '公开须由主管部门按部门整体发布', { action: input.action });
  }
  return db.transaction((tx) => applyTransition(tx, input));
}

/** `transitionProject` inside the caller's transaction (publishing uses it for each project). */
export async function applyTransition(
  tx: Db,
  input: {
    projectId: number;
    action: WorkflowAction;
    baseVersion: number;
    actor: Actor;
    opinion?: string | undefined;
    grade?: Grade | undefined;
    perfected?: Project | undefined;
  },
): Promise<TransitionResult> {
  if (input.perfected !== undefined) return perfectAndGrade(tx, { ...input, perfected: input.perfected });
  const [project] = await tx
    .select({
      status: projects.status,
      version: projects.version,
      rev: projects.currentRevision,
      regionId: projects.regionId,
      year: projects.year,
    })
    .from(projects)
    .where(eq(projects.id, input.projectId))
    .for('update');
  if (!project) throw notFound('项目', input.projectId);
  if (project.version !== input.baseVersion)
    throw conflict(input.projectId, input.baseVersion, project.version);
  const toStatus = nextStatus(project.status, input.action, input.actor.role, input);
  if (input.action === 'submit') await assertYearOpen(tx, project.regionId, project.year);
  const opinion = (input.opinion ?? '').trim();
  const grade = input.grade ?? null;
  const [updated] = await tx
    .update(projects)
    .set({
      status: toStatus,
      version: project.version + 1,
      updatedAt: new Date(),
      ...(grade !== null ? { grade } : {}),
      // an adjustment starts a new round: the old grade belongs to the approved version
      ...(input.action === 'adjust' ? { grade: null } : {}),
    })
    .where(and(eq(projects.id, input.projectId), eq(projects.version, input.baseVersion)))
    .returning({ version: projects.version, grade: projects.grade });
  if (!updated) throw conflict(input.projectId, input.baseVersion, project.version + 1);
  const [row] = await tx
    .insert(transitions)
    .values({
      projectId: input.projectId,
      revisionNumber: project.rev,
      action: input.action,
      fromStatus: project.status,
      toStatus,
      actorId: input.actor.userId,
      actorRole: input.actor.role,
      opinion,
      grade,
    })
    .returning({ id: transitions.id });
  if (!row) throw new Error('insert returned nothing');
  await recordAudit(tx, input.actor, `project.${input.action}`, 'project', input.projectId, {
    from: project.status,
    to: toStatus,
    version: updated.version,
    revision: project.rev,
    opinion,
    grade,
  });
  return {
    projectId: input.projectId,
    fromStatus: project.status,
    toStatus,
    version: updated.version,
    grade: updated.grade,
    transitionId: row.id,
  };
}

/**
 * 良: "finance and department perfect the targets directly, then next step" (domain §1.3) — the
 * perfected targets become a new revision written by the finance reviewer (reviewed and audited
 * like any save), then the grade moves the project on. One transaction: both or neither.
 *
 * @throws VALIDATION when the action is not a 良 grade or the project fails the schema; and as
 *   `writeRevision` and `applyTransition`
 */
async function perfectAndGrade(
  tx: Db,
  input: Parameters<typeof applyTransition>[1] & { perfected: Project },
): Promise<TransitionResult> {
  const { perfected, ...step } = input;
  if (step.action !== 'finance_grade' || step.grade !== '良') {
    throw new StoreError('VALIDATION', '只有财政评级为「良」时，才能由财政直接完善绩效目标', {
      fields: [{ path: 'project' }],
    });
  }
  const [current] = await tx
    .select({ status: projects.status })
    .from(projects)
    .where(eq(projects.id, step.projectId));
  if (!current) throw notFound('项目', step.projectId);
  // who may grade, from which status, with which opinion: refused before anything is written
  nextStatus(current.status, step.action, step.actor.role, step);
  validateProject(perfected, `项目「${perfected.form.name}」`);
  const saved = await writeRevision(
    tx,
    {
      projectId: step.projectId,
      baseVersion: step.baseVersion,
      project: perfected,
      actor: step.actor,
      note: '财政评级为「良」，由财政直接完善',
    },
    ['finance_review'],
  );
  return applyTransition(tx, { ...step, baseVersion: saved.version });
}

/** A project's workflow history, oldest first, with the actor's name. */
export async function listTransitions(db: Db, projectId: number) {
  return db
    .select({
      id: transitions.id,
      action: transitions.action,
      fromStatus: transitions.fromStatus,
      toStatus: transitions.toStatus,
      revisionNumber: transitions.revisionNumber,
      actorId: transitions.actorId,
      actorName: users.displayName,
      actorRole: transitions.actorRole,
      opinion: transitions.opinion,
      grade: transitions.grade,
      createdAt: transitions.createdAt,
    })
    .from(transitions)
    .innerJoin(users, eq(users.id, transitions.actorId))
    .where(eq(transitions.projectId, projectId))
    .orderBy(asc(transitions.id));
}
