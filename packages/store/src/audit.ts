import type { Db } from './db.ts';
import { auditLog } from './schema.ts';

/** Who does something: recorded on every transition and in the audit log. */
export interface Actor {
  userId: number;
  role: string;
}

/**
 * Appends to the audit log inside the caller's transaction, so the entry exists exactly when the
 * change does.
 */
export async function recordAudit(
  tx: Db,
  actor: Actor | null,
  action: string,
  entity: string,
  entityId: string | number,
  detail: Record<string, unknown> = {},
): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: actor?.userId ?? null,
    actorRole: actor?.role ?? null,
    action,
    entity,
    entityId: String(entityId),
    detail,
  });
}
