/** A project's revision history and the differences between two revisions. */
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from './db.ts';
import { type Change, diffProjects } from './diff.ts';
import { notFound } from './errors.ts';
import { loadRevisions } from './revision-rows.ts';
import { projects, revisions, users } from './schema.ts';

/**
 * The revisions of a project, oldest first, with who made each (null for an import without a user).
 *
 * @throws StoreError NOT_FOUND when the project does not exist
 */
export async function listRevisions(
  db: Db,
  projectId: number,
): Promise<
  {
    number: number;
    createdAt: string;
    createdBy: number | null;
    createdByName: string | null;
    note: string;
  }[]
> {
  const rows = await db
    .select({
      number: revisions.number,
      createdAt: revisions.createdAt,
      createdBy: revisions.createdBy,
      createdByName: users.displayName,
      note: revisions.note,
    })
    .from(revisions)
    .leftJoin(users, eq(users.id, revisions.createdBy))
    .where(eq(revisions.projectId, projectId))
    .orderBy(asc(revisions.number));
  if (rows.length === 0) {
    const [p] = await db.select({ id: projects.id }).from(projects).where(eq(projects.id, projectId));
    if (!p) throw notFound('项目', projectId);
  }
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

/**
 * The changes from revision `from` to revision `to` of a project (either order; `from` = `to` gives
 * none). Paths as in `diffProjects`.
 *
 * @throws StoreError NOT_FOUND when the project or either revision does not exist
 */
export async function diffRevisions(
  db: Db,
  projectId: number,
  from: number,
  to: number,
): Promise<{ from: number; to: number; changes: Change[] }> {
  const loaded = await loadRevisions(
    db,
    and(eq(revisions.projectId, projectId), inArray(revisions.number, [from, to])) as SQL,
  );
  const a = loaded.find((r) => r.number === from);
  const b = loaded.find((r) => r.number === to);
  if (!a || !b) {
    const [p] = await db.select({ id: projects.id }).from(projects).where(eq(projects.id, projectId));
    if (!p) throw notFound('项目', projectId);
    throw notFound('项目修订', `${projectId}#${a ? to : from}`);
  }
  return { from, to, changes: diffProjects(a.project, b.project) };
}
