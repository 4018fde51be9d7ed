/** @jixiao/store — the system of record on PGlite (default) or PostgreSQL (`DATABASE_URL`). */

export * from './audit.ts';
export * from './backup.ts';
export * from './comments.ts';
export * from './db.ts';
export * from './demo.ts';
export * from './diff.ts';
export * from './errors.ts';
export * from './list.ts';
export * from './orgs.ts';
export * from './passwords.ts';
export * from './projects.ts';
export * from './publications.ts';
export * from './revisions.ts';
export * as schema from './schema.ts';
export { GRADES, ORG_KINDS, PROJECT_STATUSES, ROLES } from './schema.ts';
export * from './sessions.ts';
export * from './suggestions.ts';
export * from './users.ts';
export * from './workflow.ts';
