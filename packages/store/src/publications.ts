/**
 * Publishing (公开): a department's approved projects of a year frozen as one canonical
 * `jixiao.disclosure/1` document with its computed summary. The snapshot never changes; publishing
 * again after an adjustment makes a new version.
 */
import { type DisclosureJson, encodeDisclosure, type Summary, summarizeDisclosure } from '@jixiao/core';
import { and, asc, desc, eq, inArray, max, type SQL, sql } from 'drizzle-orm';
import { type Actor, recordAudit } from './audit.ts';
import type { Db } from './db.ts';
import { notFound, StoreError } from './errors.ts';
import { getOrganization } from './orgs.ts';
import { departmentDisclosure } from './projects.ts';
import { organizations, projects, publications } from './schema.ts';
import { applyTransition } from './workflow.ts';

export interface PublicationInfo {
  id: number;
  departmentId: number;
  departmentName: string;
  regionId: number;
  year: number;
  version: number;
  publishedAt: Date;
  publishedBy: number;
  summary: Summary;
}

export interface Publication extends PublicationInfo {
  snapshot: DisclosureJson;
}

/**
 * Publishes a department's year: freezes every approved (and already published) project at its
 * current revision, with the summary computed from them, and moves the approved ones to published
 * (one `publish` transition each). One transaction.
 *
 * @returns the new publication and the ids of the projects it published
 * @throws NOT_FOUND (department); VALIDATION when nothing is approved and unpublished; FORBIDDEN
 *   unless the actor is a department reviewer
 */
export async function publishDisclosure(
  db: Db,
  input: { departmentId: number; year: number; actor: Actor },
): Promise<{ publication: PublicationInfo; projectIds: number[] }> {
  const { departmentId, year, actor } = input;
  return db.transaction(async (tx) => {
    const department = await getOrganization(tx, departmentId);
    if (department.kind !== 'department') throw notFound('部门', departmentId);
    const rows = await tx
      .select({ id: projects.id, version: projects.version, status: projects.status })
      .from(projects)
      .where(
        and(
          eq(projects.departmentId, departmentId),
          eq(projects.year, year),
          inArray(projects.status, ['approved', 'published']),
        ),
      )
      .orderBy(asc(projects.id))
      .for('update');
    const fresh = rows.filter((r) => r.status === 'approved');
    if (fresh.length === 0) {
      throw new StoreError('VALIDATION', `「${department.name}」${year}年没有已批复待公开的项目`, {
        departmentId,
        year,
      });
    }
    const disclosure = await departmentDisclosure(tx, departmentId, year, ['approved', 'published']);
    const { computed } = summarizeDisclosure(disclosure);
    const summary: Summary = {
      budgetUnitCount: computed.budgetUnitCount,
      projectCount: computed.projectCount,
      totalWan: computed.totalWan,
      largeProjectCount: computed.largeProjectCount,
      largeThresholdWan: computed.largeThresholdWan,
    };
    const snapshot = encodeDisclosure({ ...disclosure, summary });
    const [last] = await tx
      .select({ v: max(publications.version) })
      .from(publications)
      .where(and(eq(publications.departmentId, departmentId), eq(publications.year, year)));
    const version = (last?.v ?? 0) + 1;
    const [row] = await tx
      .insert(publications)
      .values({ departmentId, year, version, publishedBy: actor.userId, snapshot })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    for (const p of fresh) {
      await applyTransition(tx, {
        projectId: p.id,
        action: 'publish',
        baseVersion: p.version,
        actor,
        opinion: `随第 ${version} 版公开发布`,
      });
    }
    const projectIds = rows.map((r) => r.id);
    await recordAudit(tx, actor, 'disclosure.publish', 'publication', row.id, {
      departmentId,
      year,
      version,
      projectIds,
      summary,
    });
    return {
      publication: {
        id: row.id,
        departmentId,
        departmentName: department.name,
        regionId: department.parentId ?? 0,
        year,
        version,
        publishedAt: row.publishedAt,
        publishedBy: row.publishedBy,
        summary,
      },
      projectIds,
    };
  });
}

const infoColumns = {
  id: publications.id,
  departmentId: publications.departmentId,
  departmentName: organizations.name,
  regionId: organizations.parentId,
  year: publications.year,
  version: publications.version,
  publishedAt: publications.publishedAt,
  publishedBy: publications.publishedBy,
  summary: sql<Summary>`${publications.snapshot} -> 'summary'`,
};

/** A publication with its frozen document. @throws NOT_FOUND */
export async function getPublication(db: Db, id: number): Promise<Publication> {
  const [row] = await db
    .select({ ...infoColumns, snapshot: publications.snapshot })
    .from(publications)
    .innerJoin(organizations, eq(organizations.id, publications.departmentId))
    .where(eq(publications.id, id));
  if (!row) throw notFound('公开文件', id);
  return { ...row, regionId: row.regionId ?? 0, snapshot: row.snapshot as DisclosureJson };
}

/** Publications without their documents, newest first; filter by region, department, year. */
export async function listPublications(
  db: Db,
  filter: { regionId?: number; departmentId?: number; year?: number } = {},
): Promise<PublicationInfo[]> {
  const where: SQL[] = [];
  if (filter.regionId !== undefined) where.push(eq(organizations.parentId, filter.regionId));
  if (filter.departmentId !== undefined) where.push(eq(publications.departmentId, filter.departmentId));
  if (filter.year !== undefined) where.push(eq(publications.year, filter.year));
  const rows = await db
    .select(infoColumns)
    .from(publications)
    .innerJoin(organizations, eq(organizations.id, publications.departmentId))
    .where(and(...where))
    .orderBy(desc(publications.publishedAt), desc(publications.id));
  return rows.map((r) => ({ ...r, regionId: r.regionId ?? 0 }));
}
