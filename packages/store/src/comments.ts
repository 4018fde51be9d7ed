/** Reviewer and preparer comments, anchored to a field of a project's revision. */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { type Actor, recordAudit } from './audit.ts';
import type { Db } from './db.ts';
import { notFound, StoreError } from './errors.ts';
import { comments, projects, revisions, users } from './schema.ts';

const MAX_BODY = 10_000;
const MAX_PATH = 500;

/**
 * Adds a comment on a field (`form.indicators[3]`; '' for the project as a whole), anchored to the
 * project's current revision. Audit `comment.add` on the project.
 *
 * @throws StoreError NOT_FOUND (project), VALIDATION (empty or too long body, too long path)
 */
export async function addComment(
  db: Db,
  input: { projectId: number; path: string; body: string; actor: Actor },
): Promise<{ id: number }> {
  const { projectId, path, actor } = input;
  const body = input.body.trim();
  if (!body) throw new StoreError('VALIDATION', '评论内容不能为空');
  if (body.length > MAX_BODY) throw new StoreError('VALIDATION', `评论内容不能超过 ${MAX_BODY} 字`);
  if (path.length > MAX_PATH) throw new StoreError('VALIDATION', `评论位置过长（${path.length} 字）`);
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ revisionId: revisions.id, number: revisions.number })
      .from(projects)
      .innerJoin(
        revisions,
        and(eq(revisions.projectId, projects.id), eq(revisions.number, projects.currentRevision)),
      )
      .where(eq(projects.id, projectId));
    if (!current) throw notFound('项目', projectId);
    const [row] = await tx
      .insert(comments)
      .values({ projectId, revisionId: current.revisionId, path, authorId: actor.userId, body })
      .returning({ id: comments.id });
    const id = (row as { id: number }).id;
    await recordAudit(tx, actor, 'comment.add', 'project', projectId, {
      commentId: id,
      revision: current.number,
      path,
    });
    return { id };
  });
}

/**
 * A project's comments, oldest first, with the revision number each was made on and its author's name.
 *
 * @throws StoreError NOT_FOUND when the project does not exist
 */
export async function listComments(
  db: Db,
  projectId: number,
): Promise<
  {
    id: number;
    revision: number;
    path: string;
    authorId: number;
    authorName: string;
    body: string;
    createdAt: string;
    resolvedAt: string | null;
  }[]
> {
  const rows = await db
    .select({
      id: comments.id,
      revision: revisions.number,
      path: comments.path,
      authorId: comments.authorId,
      authorName: users.displayName,
      body: comments.body,
      createdAt: comments.createdAt,
      resolvedAt: comments.resolvedAt,
    })
    .from(comments)
    .innerJoin(revisions, eq(revisions.id, comments.revisionId))
    .innerJoin(users, eq(users.id, comments.authorId))
    .where(eq(comments.projectId, projectId))
    .orderBy(asc(comments.id));
  if (rows.length === 0) {
    const [p] = await db.select({ id: projects.id }).from(projects).where(eq(projects.id, projectId));
    if (!p) throw notFound('项目', projectId);
  }
  return rows.map((r) => ({
    ...r,
    createdAt: r.createdAt.toISOString(),
    resolvedAt: r.resolvedAt ? r.resolvedAt.toISOString() : null,
  }));
}

/**
 * Marks a comment resolved (now). Resolving a resolved comment changes nothing. Audit
 * `comment.resolve` on the project.
 *
 * @throws StoreError NOT_FOUND when the comment does not exist
 */
export async function resolveComment(db: Db, input: { commentId: number; actor: Actor }): Promise<void> {
  const { commentId, actor } = input;
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(comments)
      .set({ resolvedAt: sql`now()` })
      .where(and(eq(comments.id, commentId), isNull(comments.resolvedAt)))
      .returning({ projectId: comments.projectId });
    if (!row) {
      const [c] = await tx.select({ id: comments.id }).from(comments).where(eq(comments.id, commentId));
      if (!c) throw notFound('评论', commentId);
      return;
    }
    await recordAudit(tx, actor, 'comment.resolve', 'project', row.projectId, { commentId });
  });
}
