/**
 * Test helpers for the project-content tests: the fixture and its variants as core Disclosures, and
 * the organizations and users a test needs, inserted directly.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { type Disclosure, decodeDisclosure, type Project } from '@jixiao/core';
import type { Actor } from './audit.ts';
import { type Database, type Db, openDatabase } from './db.ts';
import { organizations, users } from './schema.ts';
import { openTestDatabase } from './testing.ts';

const TESTDATA = new URL('../../../testdata/', import.meta.url);

/** The Songjiang fixture (10 projects, 3022.49万元). */
export function fixture(): Disclosure {
  return decodeDisclosure(JSON.parse(readFileSync(new URL('songjiang-zfw-2024.json', TESTDATA), 'utf8')));
}

/** Every variant under `testdata/variants`, by file name. */
export function variants(): [string, Disclosure][] {
  const dir = new URL('variants/', TESTDATA);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => [f, decodeDisclosure(JSON.parse(readFileSync(new URL(f, dir), 'utf8')))]);
}

/**
 * `openTestDatabase()`, with an error listener on the PostgreSQL pool: `pool.end()` resolves before
 * its idle connections are closed, and the `drop database … with (force)` of `close()` then kills
 * them — an idle client's error is re-emitted on the pool, which without a listener throws.
 */
export async function openContentTestDatabase(): Promise<Database> {
  const database = await openTestDatabase();
  const client = (database.db as unknown as { $client?: { on?: (e: string, f: () => void) => void } })
    .$client;
  if (database.kind === 'postgres') client?.on?.('error', () => undefined);
  return database;
}

/**
 * An embedded PGlite database even when `DATABASE_URL` is set (an empty url means none), in memory
 * or in `dataDir`.
 */
export function openPglite(dataDir = 'memory://'): Promise<Database> {
  return openDatabase({ url: '', dataDir });
}

/** A deep copy, to edit a project without touching the original. */
export const copy = <T>(value: T): T => structuredClone(value);

/** The fixture's projects repeated to `n`. */
export function bigDisclosure(n: number): Disclosure {
  const d = fixture();
  return {
    ...d,
    projects: Array.from({ length: n }, (_, i) => copy(d.projects[i % d.projects.length] as Project)),
  };
}

export interface World {
  regionId: number;
  departmentId: number;
  userId: number;
  actor: Actor;
  reviewer: Actor;
}

let seq = 0;

/** A region with one department and two users (a preparer and a department reviewer). */
export async function seedWorld(db: Db, departmentName = '中共上海市松江区委政法委员会'): Promise<World> {
  seq++;
  const [region] = await db
    .insert(organizations)
    .values({ kind: 'region', name: `松江区-${seq}-${Math.random()}` })
    .returning();
  const [department] = await db
    .insert(organizations)
    .values({ kind: 'department', name: departmentName, parentId: region?.id })
    .returning();
  const [preparer, reviewer] = await db
    .insert(users)
    .values([
      {
        username: `preparer-${seq}-${Math.random()}`,
        displayName: '编报人',
        passwordHash: 'x',
        role: 'preparer',
        orgId: department?.id as number,
      },
      {
        username: `reviewer-${seq}-${Math.random()}`,
        displayName: '审核人',
        passwordHash: 'x',
        role: 'department_reviewer',
        orgId: department?.id as number,
      },
    ])
    .returning();
  return {
    regionId: region?.id as number,
    departmentId: department?.id as number,
    userId: preparer?.id as number,
    actor: { userId: preparer?.id as number, role: 'preparer' },
    reviewer: { userId: reviewer?.id as number, role: 'department_reviewer' },
  };
}
