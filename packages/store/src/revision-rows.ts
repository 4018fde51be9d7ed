/**
 * A project's form and 说明 as rows, and back. A revision is one `revisions` row (form fields,
 * funds as numeric(18,2)), its `revision_sections` and `revision_indicators` in printed order, and
 * the findings of the review run when it was saved. Rebuilding a core `Project` from the rows gives
 * back exactly what was saved (tested on every fixture project).
 */
import {
  type Disclosure,
  type Fen,
  type Finding,
  FORMAT,
  fenToYuan,
  type Indicator,
  type Operator,
  type Project,
  Project as ProjectSchema,
  reviewDisclosure,
  yuanToFen,
} from '@jixiao/core';
import { asc, getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { Db } from './db.ts';
import { StoreError } from './errors.ts';
import { findings, projects, revisionIndicators, revisionSections, revisions } from './schema.ts';

type RevisionRow = typeof revisions.$inferSelect;
type SectionRow = typeof revisionSections.$inferSelect;
type IndicatorRow = typeof revisionIndicators.$inferSelect;

/** Fen → the yuan string a numeric(18,2) column takes. */
export const moneyToSql = (fen: Fen | null): string | null => (fen === null ? null : fenToYuan(fen));

/** A numeric(18,2) value as the drivers return it (`"5850000.00"`) → fen. */
export function moneyFromSql(value: string | null): Fen | null {
  if (value === null) return null;
  const fen = yuanToFen(value);
  if (fen === null) throw new Error(`unexpected numeric value from the database: ${value}`);
  return fen;
}

/**
 * Checks a model project (money in fen) against the interchange schema, so that what is stored can
 * always be published again. Throws StoreError VALIDATION naming the project and the field.
 */
export function validateProject(project: Project, label: string): void {
  const result = ProjectSchema.safeEncode(project);
  if (result.success) return;
  const issue = result.error.issues[0];
  const where = issue ? issue.path.join('.') : '';
  throw new StoreError(
    'VALIDATION',
    `${label}：${where ? `字段 ${where} ` : ''}${issue?.message ?? '格式不正确'}`,
    {
      issues: result.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
    },
  );
}

/** One revision to write: the ids are allocated beforehand so that child rows can refer to them. */
export interface NewRevision {
  revisionId: number;
  projectId: number;
  number: number;
  createdBy: number | null;
  note: string;
  project: Project;
  /** findings with paths relative to the project (`form.funds.total`) */
  findings: readonly Finding[];
}

function revisionValues(r: NewRevision): typeof revisions.$inferInsert {
  const { form, explanation } = r.project;
  const f = form.funds;
  return {
    id: r.revisionId,
    projectId: r.projectId,
    number: r.number,
    errorCount: r.findings.filter((f) => f.severity === 'error').length,
    warnCount: r.findings.filter((f) => f.severity === 'warn').length,
    createdBy: r.createdBy,
    note: r.note,
    title: form.title,
    year: form.year,
    name: form.name,
    nature: form.nature,
    category: form.category,
    competentDepartment: form.competentDepartment,
    implementingUnit: form.implementingUnit,
    startDate: form.startDate,
    endDate: form.endDate,
    overallGoal: form.overallGoal,
    annualGoal: form.annualGoal,
    total: moneyToSql(f.total),
    fiscal: moneyToSql(f.fiscal),
    other: moneyToSql(f.other),
    annualTotal: moneyToSql(f.annualTotal),
    currentYearAppropriation: moneyToSql(f.currentYearAppropriation),
    priorYearCarryover: moneyToSql(f.priorYearCarryover),
    annualOther: moneyToSql(f.annualOther),
    hasExplanation: explanation !== null,
    budgetYuan: moneyToSql(explanation?.budgetYuan ?? null),
  };
}

function indicatorValues(
  revisionId: number,
  ind: Indicator,
  position: number,
): typeof revisionIndicators.$inferInsert {
  const base = {
    revisionId,
    position,
    level1: ind.level1,
    level2: ind.level2,
    name: ind.name,
    kind: ind.kind,
  };
  return ind.kind === 'quantitative'
    ? { ...base, operator: ind.operator, value: ind.value, valueNum: ind.value, unit: ind.unit, text: null }
    : { ...base, operator: null, value: null, valueNum: null, unit: null, text: ind.text };
}

/** PostgreSQL takes at most 65,535 parameters per statement; stay well below. */
function* chunks<T>(rows: readonly T[], columns: number): Generator<T[]> {
  const size = Math.max(1, Math.floor(20_000 / columns));
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

/** Writes revisions with their sections, indicators and findings: a few multi-row inserts. */
export async function insertRevisions(tx: Db, items: readonly NewRevision[]): Promise<void> {
  const revisionRows = items.map(revisionValues);
  const sectionRows = items.flatMap((r) =>
    (r.project.explanation?.sections ?? []).map((s, position) => ({
      revisionId: r.revisionId,
      position,
      number: s.number,
      title: s.title,
      text: s.text,
    })),
  );
  const indicatorRows = items.flatMap((r) =>
    r.project.form.indicators.map((ind, position) => indicatorValues(r.revisionId, ind, position)),
  );
  const findingRows = items.flatMap((r) =>
    r.findings.map((f) => ({
      revisionId: r.revisionId,
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      path: f.path,
      data: f.data,
    })),
  );
  for (const part of chunks(revisionRows, 27)) await tx.insert(revisions).values(part);
  for (const part of chunks(sectionRows, 5)) await tx.insert(revisionSections).values(part);
  for (const part of chunks(indicatorRows, 11)) await tx.insert(revisionIndicators).values(part);
  for (const part of chunks(findingRows, 6)) await tx.insert(findings).values(part);
}

/** Sets every revision's error and warning counts from its findings (as migration 0002 does). */
export async function recountFindings(tx: Db): Promise<void> {
  await tx.execute(sql`update revisions as r set error_count = c.errors, warn_count = c.warnings
    from (
      select revision_id,
        count(*) filter (where severity = 'error')::int as errors,
        count(*) filter (where severity = 'warn')::int as warnings
      from findings group by revision_id
    ) as c
    where c.revision_id = r.id`);
}

/** Takes `n` ids from a table's `id` sequence, ascending. */
export async function allocateIds(tx: Db, table: 'projects' | 'revisions', n: number): Promise<number[]> {
  if (n === 0) return [];
  const result = (await tx.execute(
    sql`select nextval(pg_get_serial_sequence(${table}, 'id'))::int as id from generate_series(1, ${n}::int)`,
  )) as unknown as { rows: { id: number }[] };
  return result.rows.map((r) => r.id).sort((a, b) => a - b);
}

/** The sections and indicators a project needs (the rows without their keys). */
export type SectionFields = Pick<SectionRow, 'number' | 'title' | 'text'>;
export type IndicatorFields = Omit<IndicatorRow, 'revisionId' | 'position' | 'valueNum'>;

/** A core Project from its revision row, its sections and its indicators (both in printed order). */
export function projectFromRows(
  r: RevisionRow,
  sections: readonly SectionFields[],
  indicators: readonly IndicatorFields[],
) {
  const project: Project = {
    explanation: r.hasExplanation
      ? {
          sections: sections.map((s) => ({ number: s.number, title: s.title, text: s.text })),
          budgetYuan: moneyFromSql(r.budgetYuan),
        }
      : null,
    form: {
      title: r.title,
      year: r.year,
      name: r.name,
      nature: r.nature,
      category: r.category,
      competentDepartment: r.competentDepartment,
      implementingUnit: r.implementingUnit,
      startDate: r.startDate,
      endDate: r.endDate,
      funds: {
        total: moneyFromSql(r.total),
        fiscal: moneyFromSql(r.fiscal),
        other: moneyFromSql(r.other),
        annualTotal: moneyFromSql(r.annualTotal),
        currentYearAppropriation: moneyFromSql(r.currentYearAppropriation),
        priorYearCarryover: moneyFromSql(r.priorYearCarryover),
        annualOther: moneyFromSql(r.annualOther),
      },
      overallGoal: r.overallGoal,
      annualGoal: r.annualGoal,
      indicators: indicators.map(indicatorFromRow),
    },
  };
  return project;
}

function indicatorFromRow(i: IndicatorFields): Indicator {
  const base = { level1: i.level1, level2: i.level2, name: i.name };
  return i.kind === 'quantitative'
    ? {
        ...base,
        kind: 'quantitative',
        operator: i.operator as Operator,
        value: i.value ?? '',
        unit: i.unit ?? '',
      }
    : { ...base, kind: 'qualitative', text: i.text ?? '' };
}

export interface LoadedRevision {
  revisionId: number;
  projectId: number;
  number: number;
  createdAt: Date;
  createdBy: number | null;
  note: string;
  project: Project;
}

/**
 * Loads the revisions selected by `where` (a condition on `projects` and `revisions`, joined) as
 * core Projects, ordered by project id then revision number: three queries, whatever the count.
 */
export async function loadRevisions(db: Db, where: SQL): Promise<LoadedRevision[]> {
  const revs = await db
    .select(getTableColumns(revisions))
    .from(revisions)
    .innerJoin(projects, sql`${projects.id} = ${revisions.projectId}`)
    .where(where)
    .orderBy(asc(projects.id), asc(revisions.number));
  if (revs.length === 0) return [];
  const [sections, indicators] = await Promise.all([
    db
      .select(getTableColumns(revisionSections))
      .from(revisionSections)
      .innerJoin(revisions, sql`${revisions.id} = ${revisionSections.revisionId}`)
      .innerJoin(projects, sql`${projects.id} = ${revisions.projectId}`)
      .where(where)
      .orderBy(asc(revisionSections.revisionId), asc(revisionSections.position)),
    db
      .select(getTableColumns(revisionIndicators))
      .from(revisionIndicators)
      .innerJoin(revisions, sql`${revisions.id} = ${revisionIndicators.revisionId}`)
      .innerJoin(projects, sql`${projects.id} = ${revisions.projectId}`)
      .where(where)
      .orderBy(asc(revisionIndicators.revisionId), asc(revisionIndicators.position)),
  ]);
  const sectionsOf = groupBy(sections, (s) => s.revisionId);
  const indicatorsOf = groupBy(indicators, (i) => i.revisionId);
  return revs.map((r) => ({
    revisionId: r.id,
    projectId: r.projectId,
    number: r.number,
    createdAt: r.createdAt,
    createdBy: r.createdBy,
    note: r.note,
    project: projectFromRows(r, sectionsOf.get(r.id) ?? [], indicatorsOf.get(r.id) ?? []),
  }));
}

function groupBy<T>(rows: readonly T[], key: (row: T) => number): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

/** A disclosure around projects, for the review and for publishing. */
export function asDisclosure(year: number, department: string, list: Project[]): Disclosure {
  return { format: FORMAT, year, department, summary: null, projects: list };
}

const PROJECT_PATH = /^projects\[(\d+)\]\.?/;

/**
 * Reviews a disclosure and splits the findings by project, with paths relative to the project
 * (`form.funds.total`; '' for the project as a whole). Disclosure-wide findings (the summary
 * sentence) belong to no project and are dropped: the store keeps findings per revision.
 * The whole department is reviewed together because some rules compare projects (copied
 * narratives, boilerplate shared by most projects, a newer document cited elsewhere).
 */
export function reviewByProject(disclosure: Disclosure): Finding[][] {
  const byProject: Finding[][] = disclosure.projects.map(() => []);
  for (const f of reviewDisclosure(disclosure)) {
    const m = PROJECT_PATH.exec(f.path);
    if (!m) continue;
    byProject[Number(m[1])]?.push({ ...f, path: f.path.slice(m[0].length) });
  }
  return byProject;
}
