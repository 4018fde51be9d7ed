/** @jixiao/store — the system of record on PGlite (default) or PostgreSQL (`DATABASE_URL`). */

export * from './audit.ts';
export * from './db.ts';
export * from './errors.ts';
export * as schema from './schema.ts';
export { GRADES, ORG_KINDS, PROJECT_STATUSES, ROLES } from './schema.ts';
