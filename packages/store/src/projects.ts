/**
 * Project content: importing a disclosure, creating projects, saving immutable revisions under an
 * optimistic lock, reading a project at any revision, and a department's projects as a disclosure.
 */
import type { Disclosure, Finding, Project } from '@jixiao/core';
import { Disclosure as DisclosureSchema } from '@jixiao/core';
import { and, asc, eq, getTableColumns, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Actor } from './audit.ts';
import { recordAudit } from './audit.ts';
import type { Db } from './db.ts';
import { diffProjects } from './diff.ts';
import { conflict, notFound, StoreError } from './errors.ts';
import { assertYearOpen } from './orgs.ts';
import {
  allocateIds,
  asDisclosure,
  type IndicatorFields,
  insertRevisions,
  type LoadedRevision,
  loadRevisions,
  moneyToSql,
  type NewRevision,
  projectFromRows,
  reviewByProject,
  type SectionFields,
  validateProject,
} from './revision-rows.ts';
import {
  auditLog,
  findings,
  organizations,
  type PROJECT_STATUSES,
  projects,
  revisionIndicators,
  revisionSections,
  revisions,
} from './schema.ts';

/** The statuses in which the budget unit may still edit a project (domain.md §1.5). */
export const EDITABLE_STATUSES = ['draft', 'returned'] as const;

type Org = typeof organizations.$inferSelect;

async function orgOfKind(db: Db, id: number, kind: Org['kind'], what: string): Promise<Org> {
  const [org] = await db.select().from(organizations).where(eq(organizations.id, id));
  if (!org) throw notFound(what, id);
  if (org.kind !== kind)
    throw new StoreError('VALIDATION', `${what}（${id}）不是${what}，而是 ${org.kind}`, { id });
  return org;
}

/** The department and its region; a department must belong to a region. */
async function departmentOf(db: Db, departmentId: number): Promise<{ department: Org; regionId: number }> {
  const department = await orgOfKind(db, departmentId, 'department', '部门');
  if (department.parentId === null) {
    throw new StoreError('VALIDATION', `部门「${department.name}」未归属任何区域`, { departmentId });
  }
  return { department, regionId: department.parentId };
}

/** Names compare without whitespace: PDF text breaks a long 实施单位 anywhere. */
const nameKey = (name: string) => name.replace(/\s+/g, '');

/**
 * Finds the department's budget units by name, creating the missing ones. Returns the unit id for
 * every name key and the ids it created.
 */
async function resolveUnits(
  tx: Db,
  department: Org,
  names: readonly string[],
  actor: Actor,
): Promise<{ idByKey: Map<string, number>; created: number[] }> {
  const children = () =>
    tx
      .select({ id: organizations.id, name: organizations.name, kind: organizations.kind })
      .from(organizations)
      .where(eq(organizations.parentId, department.id))
      .orderBy(asc(organizations.id));
  const idByKey = new Map<string, number>();
  const remember = (rows: { id: number; name: string; kind: string }[]) => {
    for (const r of rows)
      if (r.kind === 'unit' && !idByKey.has(nameKey(r.name))) idByKey.set(nameKey(r.name), r.id);
  };
  remember(await children());
  const missing = new Map<string, string>();
  for (const name of names) if (!idByKey.has(nameKey(name))) missing.set(nameKey(name), name.trim());
  if (missing.size === 0) return { idByKey, created: [] };
  // ON CONFLICT: a concurrent import may create the same unit; then both use it.
  const created = await tx
    .insert(organizations)
    .values([...missing.values()].map((name) => ({ kind: 'unit' as const, name, parentId: department.id })))
    .onConflictDoNothing()
    .returning({ id: organizations.id, name: organizations.name });
  remember(await children());
  for (const [key, name] of missing) {
    if (!idByKey.has(key)) {
      throw new StoreError('VALIDATION', `部门「${department.name}」下已有同名的非预算单位机构「${name}」`, {
        name,
      });
    }
  }
  if (created.length > 0) {
    await tx.insert(auditLog).values(
      created.map((u) => ({
        actorId: actor.userId,
        actorRole: actor.role,
        action: 'organization.create',
        entity: 'organization',
        entityId: String(u.id),
        detail: { kind: 'unit', name: u.name, parentId: department.id },
      })),
    );
  }
  return { idByKey, created: created.map((u) => u.id) };
}

/** The denormalised list columns of a project, from its form. */
function listColumns(project: Project) {
  return {
    name: project.form.name,
    category: project.form.category,
    annualTotal: moneyToSql(project.form.funds.annualTotal),
  };
}

/** Checks the whole disclosure against the interchange schema, naming the project at fault. */
function validateDisclosure(disclosure: Disclosure): void {
  const result = DisclosureSchema.safeEncode(disclosure);
  if (result.success) return;
  const issue = result.error.issues[0];
  const path = issue?.path.map(String) ?? [];
  const index = path[0] === 'projects' ? Number(path[1]) : Number.NaN;
  const where = Number.isInteger(index)
    ? `第 ${index + 1} 个项目「${disclosure.projects[index]?.form?.name ?? ''}」：字段 ${path.slice(2).join('.')}`
    : `公开文件：字段 ${path.join('.')}`;
  throw new StoreError('VALIDATION', `${where} ${issue?.message ?? '格式不正确'}`, {
    issues: result.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
  });
}

/** Thrown to roll a dry run back. */
const ROLLBACK = Symbol('rollback');

/**
 * Imports a disclosure into a department as draft projects, in one transaction: on any failure no
 * row at all is written. Budget units (kind 'unit' under the department) are found by 实施单位
 * (whitespace ignored) or created. Each project gets revision 1 (version 1) and the findings of the
 * core review of the whole disclosure. Audit: one `disclosure.import`, one `organization.create` per
 * new unit, one `project.create` per project.
 *
 * With `dryRun`, checks everything and rolls back: the result says what an import would do.
 *
 * @returns project ids in document order; unit ids in order of first appearance; the names of
 *   the budget units it creates (`newUnits`)
 * @throws StoreError NOT_FOUND (department), VALIDATION (not a department, no region, a project that
 *   fails the interchange schema or has no 实施单位)
 */
export async function importDisclosure(
  db: Db,
  input: { departmentId: number; disclosure: Disclosure; actor: Actor; dryRun?: boolean },
): Promise<{ projectIds: number[]; unitIds: number[]; newUnits: string[] }> {
  if (input.dryRun) {
    // Every check of a real import, in a transaction that is always rolled back (ids taken from
    // sequences are not given back; nothing else stays).
    let result: Awaited<ReturnType<typeof importDisclosure>> | null = null;
    try {
      await db.transaction(async (tx) => {
        result = await importDisclosure(tx, { ...input, dryRun: false });
        throw ROLLBACK;
      });
    } catch (e) {
      if (e !== ROLLBACK) throw e;
    }
    if (!result) throw new Error('dry run gave no result');
    return result;
  }
  const { departmentId, disclosure, actor } = input;
  validateDisclosure(disclosure);
  disclosure.projects.forEach((p, i) => {
    if (!nameKey(p.form.implementingUnit)) {
      throw new StoreError('VALIDATION', `第 ${i + 1} 个项目「${p.form.name}」没有实施单位`, { index: i });
    }
  });
  const reviewed = reviewByProject(disclosure);
  return db.transaction(async (tx) => {
    const { department, regionId } = await departmentOf(tx, departmentId);
    await assertYearOpen(tx, regionId, disclosure.year);
    const names = disclosure.projects.map((p) => p.form.implementingUnit);
    const units = await resolveUnits(tx, department, names, actor);
    const unitIdOf = (name: string) => units.idByKey.get(nameKey(name)) as number;
    const n = disclosure.projects.length;
    const projectIds = await allocateIds(tx, 'projects', n);
    const revisionIds = await allocateIds(tx, 'revisions', n);
    const projectRows = disclosure.projects.map((p, i) => ({
      id: projectIds[i] as number,
      unitId: unitIdOf(p.form.implementingUnit),
      departmentId,
      regionId,
      year: disclosure.year,
      status: 'draft' as const,
      currentRevision: 1,
      version: 1,
      ...listColumns(p),
    }));
    for (let i = 0; i < projectRows.length; i += 1000) {
      await tx.insert(projects).values(projectRows.slice(i, i + 1000));
    }
    await insertRevisions(
      tx,
      disclosure.projects.map(
        (project, i): NewRevision => ({
          revisionId: revisionIds[i] as number,
          projectId: projectIds[i] as number,
          number: 1,
          createdBy: actor.userId,
          note: '导入',
          project,
          findings: reviewed[i] ?? [],
        }),
      ),
    );
    const audit = [
      {
        action: 'disclosure.import',
        entity: 'organization',
        entityId: String(departmentId),
        detail: {
          year: disclosure.year,
          department: disclosure.department,
          projects: n,
          unitsCreated: units.created,
        },
      },
      ...projectRows.map((p) => ({
        action: 'project.create',
        entity: 'project',
        entityId: String(p.id),
        detail: { source: 'import', revision: 1, version: 1, name: p.name, unitId: p.unitId },
      })),
    ].map((a) => ({ ...a, actorId: actor.userId, actorRole: actor.role }));
    for (let i = 0; i < audit.length; i += 2000) await tx.insert(auditLog).values(audit.slice(i, i + 2000));
    const unitIds = [...new Set(projectRows.map((p) => p.unitId))];
    // the budget units this import creates, as the document names them
    const newUnits = units.created.map(
      (id) =>
        disclosure.projects.find((p) => unitIdOf(p.form.implementingUnit) === id)?.form.implementingUnit ??
        String(id),
    );
    return { projectIds, unitIds, newUnits };
  });
}

/**
 * The department's projects of a year at their current revisions, ordered by id, with this project
 * put in (replacing `projectId`'s current revision, or appended for a new project) — the context the
 * review needs — and the findings of `project`.
 */
async function reviewInDepartment(
  tx: Db,
  scope: { departmentId: number; departmentName: string; year: number },
  project: Project,
  projectId: number | null,
  currentCondition: SQL,
): Promise<{ findings: Finding[]; previous: LoadedRevision | null }> {
  const others = await loadRevisions(
    tx,
    and(
      eq(projects.departmentId, scope.departmentId),
      eq(projects.year, scope.year),
      currentCondition,
    ) as SQL,
  );
  let index = others.findIndex((r) => r.projectId === projectId);
  const previous = index >= 0 ? (others[index] as LoadedRevision) : null;
  const list = others.map((r) => r.project);
  if (index >= 0) list[index] = project;
  else index = list.push(project) - 1;
  const byProject = reviewByProject(asDisclosure(scope.year, scope.departmentName, list));
  return { findings: byProject[index] ?? [], previous };
}

/**
 * Creates one draft project in a budget unit from a core Project: revision 1, version 1, findings of
 * the review among the department's projects of that year. Audit `project.create`.
 *
 * @throws StoreError NOT_FOUND (unit), VALIDATION (not a unit, unit outside a department, bad project)
 */
export async function createProject(
  db: Db,
  input: { unitId: number; year: number; project: Project; actor: Actor },
): Promise<{ projectId: number; version: number }> {
  const { unitId, year, project, actor } = input;
  validateProject(project, `项目「${project.form.name}」`);
  return db.transaction(async (tx) => {
    const unit = await orgOfKind(tx, unitId, 'unit', '预算单位');
    if (unit.parentId === null) throw new StoreError('VALIDATION', `预算单位「${unit.name}」未归属任何部门`);
    const { department, regionId } = await departmentOf(tx, unit.parentId);
    await assertYearOpen(tx, regionId, year);
    const { findings } = await reviewInDepartment(
      tx,
      { departmentId: department.id, departmentName: department.name, year },
      project,
      null,
      eq(revisions.number, projects.currentRevision),
    );
    const [row] = await tx
      .insert(projects)
      .values({
        unitId,
        departmentId: department.id,
        regionId,
        year,
        currentRevision: 1,
        version: 1,
        ...listColumns(project),
      })
      .returning({ id: projects.id });
    const projectId = (row as { id: number }).id;
    const [revisionId] = await allocateIds(tx, 'revisions', 1);
    await insertRevisions(tx, [
      {
        revisionId: revisionId as number,
        projectId,
        number: 1,
        createdBy: actor.userId,
        note: '',
        project,
        findings,
      },
    ]);
    await recordAudit(tx, actor, 'project.create', 'project', projectId, {
      source: 'form',
      revision: 1,
      version: 1,
      name: project.form.name,
      unitId,
    });
    return { projectId, version: 1 };
  });
}

/**
 * Saves a new immutable revision. `baseVersion` must equal the project's version: the version check
 * and increment are one `UPDATE … WHERE id = ? AND version = ? AND status IN (editable)`, so of many
 * concurrent writers with the same base exactly one wins; the others get CONFLICT and write nothing.
 * Runs the core review (among the department's projects) and stores the findings with the revision.
 * Audit `project.revise` with the changed paths.
 *
 * @throws StoreError NOT_FOUND, CONFLICT (stale `baseVersion`), NOT_EDITABLE (status not draft or
 *   returned), VALIDATION (project fails the interchange schema)
 */
export async function saveRevision(
  db: Db,
  input: { projectId: number; baseVersion: number; project: Project; actor: Actor; note?: string },
): Promise<{ version: number; revision: number }> {
  validateProject(input.project, `项目「${input.project.form.name}」`);
  return db.transaction((tx) => writeRevision(tx, input, EDITABLE_STATUSES, { yearOpen: true }));
}

/**
 * `saveRevision` inside the caller's transaction, for a project in one of `statuses` (the finance
 * bureau perfecting targets graded 良 writes one in `finance_review`). The project must have been
 * validated.
 *
 * @throws StoreError NOT_FOUND, CONFLICT, NOT_EDITABLE (status not in `statuses`), YEAR_CLOSED
 */
export async function writeRevision(
  tx: Db,
  input: { projectId: number; baseVersion: number; project: Project; actor: Actor; note?: string },
  statuses: readonly (typeof PROJECT_STATUSES)[number][],
  /** `yearOpen`: refuse when the project's budget year is closed (the unit's own edits) */
  options: { yearOpen?: boolean } = {},
): Promise<{ version: number; revision: number }> {
  const { projectId, baseVersion, project, actor } = input;
  const [row] = await tx
    .update(projects)
    .set({
      version: sql`${projects.version} + 1`,
      currentRevision: sql`${projects.currentRevision} + 1`,
      updatedAt: sql`now()`,
      ...listColumns(project),
    })
    .where(
      and(
        eq(projects.id, projectId),
        eq(projects.version, baseVersion),
        inArray(projects.status, [...statuses]),
      ),
    )
    .returning({
      version: projects.version,
      revision: projects.currentRevision,
      regionId: projects.regionId,
      departmentId: projects.departmentId,
      year: projects.year,
    });
  if (!row) throw await whyNotSaved(tx, projectId, baseVersion);
  // after the versioned UPDATE (which decides conflicts); throwing rolls it back
  if (options.yearOpen) await assertYearOpen(tx, row.regionId, row.year);
  const [department] = await tx
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, row.departmentId));
  // The current revision number already points at the new one (not yet written): for the other
  // projects take their current revision, for this one the previous.
  const { findings, previous } = await reviewInDepartment(
    tx,
    { departmentId: row.departmentId, departmentName: department?.name ?? '', year: row.year },
    project,
    projectId,
    or(
      eq(revisions.number, projects.currentRevision),
      and(eq(revisions.projectId, projectId), eq(revisions.number, row.revision - 1)),
    ) as SQL,
  );
  const [revisionId] = await allocateIds(tx, 'revisions', 1);
  const note = input.note ?? '';
  await insertRevisions(tx, [
    {
      revisionId: revisionId as number,
      projectId,
      number: row.revision,
      createdBy: actor.userId,
      note,
      project,
      findings,
    },
  ]);
  const changes = previous ? diffProjects(previous.project, project).map((c) => c.path) : [];
  await recordAudit(tx, actor, 'project.revise', 'project', projectId, {
    revision: row.revision,
    version: row.version,
    baseVersion,
    note,
    changes: changes.slice(0, 100),
    changeCount: changes.length,
  });
  return { version: row.version, revision: row.revision };
}

/** Why the versioned UPDATE matched no row. */
async function whyNotSaved(tx: Db, projectId: number, baseVersion: number): Promise<StoreError> {
  const [p] = await tx
    .select({ version: projects.version, status: projects.status })
    .from(projects)
    .where(eq(projects.id, projectId));
  if (!p) return notFound('项目', projectId);
  if (p.version !== baseVersion) return conflict(projectId, baseVersion, p.version);
  return new StoreError('NOT_EDITABLE', `项目 ${projectId} 当前状态为「${p.status}」，不能修改`, {
    projectId,
    status: p.status,
  });
}

export interface ProjectDetail {
  id: number;
  unitId: number;
  departmentId: number;
  regionId: number;
  year: number;
  status: string;
  version: number;
  currentRevision: number;
  /** the revision shown in `project` */
  revision: number;
  grade: string | null;
  /** the project's current name */
  name: string;
  project: Project;
  /** findings of the revision shown; paths relative to the project (`form.funds.total`) */
  findings: Finding[];
  updatedAt: string;
}

/** JSON from the database: parsed by the drivers, or text when a driver leaves it so. */
const fromJson = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

/**
 * The project row and the key of the revision asked for (current when `revision` is null). Small
 * and indexed: this is what every detail read costs once the revision's content is cached.
 */
function projectHeadQuery(db: Db) {
  return db
    .select({
      p: {
        id: projects.id,
        unitId: projects.unitId,
        departmentId: projects.departmentId,
        regionId: projects.regionId,
        year: projects.year,
        status: projects.status,
        version: projects.version,
        currentRevision: projects.currentRevision,
        grade: projects.grade,
        name: projects.name,
        updatedAt: sql<string>`to_char(${projects.updatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
      },
      revisionId: revisions.id,
      revisionNumber: revisions.number,
      // microseconds: with the id, tells a revision from another that reused its id (a restore)
      revisionStamp: sql<string | null>`${revisions.createdAt}::text`,
    })
    .from(projects)
    .leftJoin(
      revisions,
      and(
        eq(revisions.projectId, projects.id),
        eq(revisions.number, sql`coalesce(${sql.placeholder('revision')}::int, ${projects.currentRevision})`),
      ),
    )
    .where(eq(projects.id, sql.placeholder('id')))
    .prepare('jixiao_project_head');
}

/** One revision's content: its row, and its sections, indicators and findings as JSON. */
function revisionContentQuery(db: Db) {
  const s = revisionSections;
  const i = revisionIndicators;
  const f = findings;
  // Spelled out: drizzle leaves columns unqualified in a one-table select, and a bare "id" in the
  // subqueries would name the subquery's own table.
  const rid = sql.raw('"revisions"."id"');
  return db
    .select({
      r: getTableColumns(revisions),
      sections: sql<unknown>`(select coalesce(json_agg(json_build_object('number', ${s.number}, 'title', ${s.title}, 'text', ${s.text}) order by ${s.position}), '[]'::json) from ${s} where ${s.revisionId} = ${rid})`,
      indicators: sql<unknown>`(select coalesce(json_agg(json_build_object('level1', ${i.level1}, 'level2', ${i.level2}, 'name', ${i.name}, 'kind', ${i.kind}, 'operator', ${i.operator}, 'value', ${i.value}, 'unit', ${i.unit}, 'text', ${i.text}) order by ${i.position}), '[]'::json) from ${i} where ${i.revisionId} = ${rid})`,
      findings: sql<unknown>`(select coalesce(json_agg(json_build_object('ruleId', ${f.ruleId}, 'severity', ${f.severity}, 'message', ${f.message}, 'path', ${f.path}, 'data', ${f.data}) order by ${f.id}), '[]'::json) from ${f} where ${f.revisionId} = ${rid})`,
    })
    .from(revisions)
    .where(eq(revisions.id, sql.placeholder('id')))
    .prepare('jixiao_revision_content');
}

/** What a revision holds; never changes once written (revisions and their findings are immutable). */
export interface RevisionContent {
  project: Project;
  findings: Finding[];
}

interface DetailQueries {
  head: ReturnType<typeof projectHeadQuery>;
  content: ReturnType<typeof revisionContentQuery>;
  /**
   * Revision contents by `id@createdAt`, least recently used first. Safe in every process at once:
   * a revision is never updated, so there is nothing to invalidate — the key only has to tell it
   * apart from a revision that reuses its id after a restore.
   */
  cache: Map<string, RevisionContent>;
}

/** Revision contents kept per database handle (~10 kB each). */
export const REVISION_CACHE_SIZE = 2_000;

/** Prepared statements and the content cache, one set per database handle. */
const detailQueries = new WeakMap<Db, DetailQueries>();

function queriesOf(db: Db): DetailQueries {
  let q = detailQueries.get(db);
  if (!q) {
    q = { head: projectHeadQuery(db), content: revisionContentQuery(db), cache: new Map() };
    detailQueries.set(db, q);
  }
  return q;
}

async function revisionContent(q: DetailQueries, id: number, stamp: string): Promise<RevisionContent | null> {
  const key = `${id}@${stamp}`;
  const hit = q.cache.get(key);
  if (hit) {
    q.cache.delete(key);
    q.cache.set(key, hit);
    return hit;
  }
  const [row] = await q.content.execute({ id });
  if (!row) return null;
  const content: RevisionContent = {
    project: projectFromRows(
      row.r,
      fromJson<SectionFields[]>(row.sections),
      fromJson<IndicatorFields[]>(row.indicators),
    ),
    findings: fromJson<Finding[]>(row.findings),
  };
  q.cache.set(key, content);
  if (q.cache.size > REVISION_CACHE_SIZE) q.cache.delete(q.cache.keys().next().value as string);
  return content;
}

/**
 * The project at its current revision, or at `revision`. One small prepared query for the
 * project's state; the revision's content comes from a per-process cache of immutable revisions,
 * or from one more prepared query the first time.
 *
 * The returned `project` and `findings` are shared with the cache: treat them as read-only.
 *
 * `authorize`, when given, sees where the project sits before anything else is decided (it throws
 * to refuse): a caller out of scope learns nothing, not even whether the revision exists.
 *
 * @throws StoreError NOT_FOUND when the project or the revision does not exist
 */
export async function getProject(
  db: Db,
  projectId: number,
  revision?: number,
  authorize?: (place: { regionId: number; departmentId: number; unitId: number }) => void,
): Promise<ProjectDetail> {
  const q = queriesOf(db);
  const [row] = await q.head.execute({ id: projectId, revision: revision ?? null });
  if (!row) throw notFound('项目', projectId);
  const { p } = row;
  authorize?.({ regionId: p.regionId, departmentId: p.departmentId, unitId: p.unitId });
  const number = revision ?? p.currentRevision;
  const content =
    row.revisionId === null || row.revisionStamp === null
      ? null
      : await revisionContent(q, row.revisionId, row.revisionStamp);
  if (!content || row.revisionNumber === null) throw notFound('项目修订', `${projectId}#${number}`);
  return { ...p, revision: row.revisionNumber, ...content };
}

/**
 * The department's projects of a year at their current revisions, in id (import) order, as a core
 * Disclosure with no stated summary — for the summary and for publishing. `statuses` limits the
 * projects (e.g. `['approved']`); all statuses when omitted.
 *
 * @throws StoreError NOT_FOUND when the department does not exist
 */
export async function departmentDisclosure(
  db: Db,
  departmentId: number,
  year: number,
  statuses?: readonly string[],
): Promise<Disclosure> {
  const [department] = await db.select().from(organizations).where(eq(organizations.id, departmentId));
  if (!department) throw notFound('部门', departmentId);
  const conditions = [
    eq(projects.departmentId, departmentId),
    eq(projects.year, year),
    eq(revisions.number, projects.currentRevision),
  ];
  if (statuses) {
    if (statuses.length === 0) return asDisclosure(year, department.name, []);
    conditions.push(inArray(projects.status, statuses as (typeof projects.$inferSelect.status)[]));
  }
  const loaded = await loadRevisions(db, and(...conditions) as SQL);
  return asDisclosure(
    year,
    department.name,
    loaded.map((r) => r.project),
  );
}
