/**
 * The system of record (drizzle, PostgreSQL 15+ and PGlite). A project's form and 说明 are rows:
 * every revision has its funds as numeric(18,2) columns, its sections and indicators as child rows,
 * so questions like "every 满意度 target ≥ 100% in the district" are one SQL query. Revisions are
 * immutable; `projects` points at the current one and carries a version for optimistic locking.
 */
import { GRADES, PROJECT_STATUSES, ROLES } from '@jixiao/core';
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const money = (name: string) => numeric(name, { precision: 18, scale: 2 });
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const ORG_KINDS = ['region', 'department', 'unit'] as const;
export { GRADES, PROJECT_STATUSES, ROLES };

/** Region (finance bureau) → departments (主管部门) → budget units (预算单位). */
export const organizations = pgTable(
  'organizations',
  {
    id: serial('id').primaryKey(),
    kind: text('kind', { enum: ORG_KINDS }).notNull(),
    name: text('name').notNull(),
    parentId: integer('parent_id').references((): never => organizations.id as never),
    createdAt: createdAt(),
  },
  (t) => [
    check('organizations_kind_check', sql`${t.kind} in ('region', 'department', 'unit')`),
    uniqueIndex('organizations_parent_name_idx').on(t.parentId, t.name),
  ],
);

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    /** scrypt: `scrypt$N$r$p$salt$hash` (base64) */
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    orgId: integer('org_id')
      .notNull()
      .references(() => organizations.id),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    check(
      'users_role_check',
      sql`${t.role} in ('preparer', 'department_reviewer', 'finance_reviewer', 'admin')`,
    ),
  ],
);

/** Sessions live in the database: any server process can serve any request. */
export const sessions = pgTable(
  'sessions',
  {
    /** sha256 of the session token (the cookie holds the token) */
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Login attempts, for a rate limit that holds across server processes. */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    username: text('username').notNull(),
    ip: text('ip').notNull(),
    success: boolean('success').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('login_attempts_user_at_idx').on(t.username, t.at),
    index('login_attempts_ip_at_idx').on(t.ip, t.at),
  ],
);

export const budgetYears = pgTable(
  'budget_years',
  {
    regionId: integer('region_id')
      .notNull()
      .references(() => organizations.id),
    year: integer('year').notNull(),
    open: boolean('open').notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.year] })],
);

export const projects = pgTable(
  'projects',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => organizations.id),
    departmentId: integer('department_id')
      .notNull()
      .references(() => organizations.id),
    regionId: integer('region_id')
      .notNull()
      .references(() => organizations.id),
    year: integer('year').notNull(),
    status: text('status', { enum: PROJECT_STATUSES }).notNull().default('draft'),
    /** number of the current revision */
    currentRevision: integer('current_revision').notNull().default(0),
    /** optimistic lock: every accepted write increments it */
    version: integer('version').notNull().default(0),
    /** denormalised from the current revision, for lists */
    name: text('name').notNull(),
    category: text('category').notNull().default(''),
    annualTotal: money('annual_total'),
    grade: text('grade', { enum: GRADES }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'projects_status_check',
      sql`${t.status} in ('draft', 'returned', 'submitted', 'department_approved', 'finance_review', 'approved', 'published', 'rejected')`,
    ),
    index('projects_department_year_idx').on(t.departmentId, t.year),
    index('projects_unit_year_idx').on(t.unitId, t.year),
    index('projects_region_year_status_idx').on(t.regionId, t.year, t.status),
  ],
);

/** One immutable version of a project's form and 说明. */
export const revisions = pgTable(
  'revisions',
  {
    id: serial('id').primaryKey(),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id),
    number: integer('number').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: createdAt(),
    note: text('note').notNull().default(''),
    title: text('title').notNull(),
    year: integer('year').notNull(),
    name: text('name').notNull(),
    nature: text('nature').notNull(),
    category: text('category').notNull(),
    competentDepartment: text('competent_department').notNull(),
    implementingUnit: text('implementing_unit').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    overallGoal: text('overall_goal').notNull(),
    annualGoal: text('annual_goal').notNull(),
    total: money('total'),
    fiscal: money('fiscal'),
    other: money('other'),
    annualTotal: money('annual_total'),
    currentYearAppropriation: money('current_year_appropriation'),
    priorYearCarryover: money('prior_year_carryover'),
    annualOther: money('annual_other'),
    /** false when the document printed no 项目经费情况说明 for the project */
    hasExplanation: boolean('has_explanation').notNull(),
    budgetYuan: money('budget_yuan'),
    /** how many of its findings are errors / warnings: fixed with the revision, for project lists */
    errorCount: integer('error_count').notNull().default(0),
    warnCount: integer('warn_count').notNull().default(0),
  },
  (t) => [uniqueIndex('revisions_project_number_idx').on(t.projectId, t.number)],
);

export const revisionSections = pgTable(
  'revision_sections',
  {
    revisionId: integer('revision_id')
      .notNull()
      .references(() => revisions.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    number: text('number').notNull(),
    title: text('title').notNull(),
    text: text('text').notNull(),
  },
  (t) => [primaryKey({ columns: [t.revisionId, t.position] })],
);

export const revisionIndicators = pgTable(
  'revision_indicators',
  {
    revisionId: integer('revision_id')
      .notNull()
      .references(() => revisions.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    level1: text('level1').notNull(),
    level2: text('level2').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['quantitative', 'qualitative'] }).notNull(),
    operator: text('operator'),
    /** the number as printed (`"4.00"`) */
    value: text('value'),
    /** the same number, for comparisons in SQL */
    valueNum: numeric('value_num'),
    unit: text('unit'),
    text: text('text'),
  },
  (t) => [
    primaryKey({ columns: [t.revisionId, t.position] }),
    check('revision_indicators_kind_check', sql`${t.kind} in ('quantitative', 'qualitative')`),
    index('revision_indicators_name_idx').on(t.name),
    index('revision_indicators_levels_idx').on(t.level1, t.level2),
  ],
);

/** Review findings of one revision (core rules, as run when the revision was saved). */
export const findings = pgTable(
  'findings',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    revisionId: integer('revision_id')
      .notNull()
      .references(() => revisions.id, { onDelete: 'cascade' }),
    ruleId: text('rule_id').notNull(),
    severity: text('severity', { enum: ['error', 'warn', 'info'] }).notNull(),
    message: text('message').notNull(),
    path: text('path').notNull(),
    data: jsonb('data').notNull(),
  },
  (t) => [index('findings_revision_idx').on(t.revisionId), index('findings_rule_idx').on(t.ruleId)],
);

/** Reviewer and preparer comments, anchored to a field path (`form.indicators[3]`). */
export const comments = pgTable(
  'comments',
  {
    id: serial('id').primaryKey(),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id),
    revisionId: integer('revision_id')
      .notNull()
      .references(() => revisions.id),
    path: text('path').notNull(),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    createdAt: createdAt(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [index('comments_project_idx').on(t.projectId)],
);

/** Every workflow step: who, in which role, when, from and to which state, and the opinion. */
export const transitions = pgTable(
  'transitions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id),
    revisionNumber: integer('revision_number').notNull(),
    action: text('action').notNull(),
    fromStatus: text('from_status').notNull(),
    toStatus: text('to_status').notNull(),
    actorId: integer('actor_id')
      .notNull()
      .references(() => users.id),
    actorRole: text('actor_role').notNull(),
    opinion: text('opinion').notNull().default(''),
    grade: text('grade'),
    createdAt: createdAt(),
  },
  (t) => [index('transitions_project_idx').on(t.projectId)],
);

/** Append-only: a trigger (migration 0001) refuses UPDATE and DELETE. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: integer('actor_id'),
    actorRole: text('actor_role'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    detail: jsonb('detail').notNull().default({}),
  },
  (t) => [index('audit_log_entity_idx').on(t.entity, t.entityId)],
);

/** A published disclosure: a frozen snapshot in the canonical format, readable without login. */
export const publications = pgTable(
  'publications',
  {
    id: serial('id').primaryKey(),
    departmentId: integer('department_id')
      .notNull()
      .references(() => organizations.id),
    year: integer('year').notNull(),
    /** 1, 2, … when a department publishes again after an adjustment */
    version: integer('version').notNull(),
    publishedAt: createdAt(),
    publishedBy: integer('published_by')
      .notNull()
      .references(() => users.id),
    /** `jixiao.disclosure/1` JSON */
    snapshot: jsonb('snapshot').notNull(),
  },
  (t) => [uniqueIndex('publications_department_year_version_idx').on(t.departmentId, t.year, t.version)],
);
