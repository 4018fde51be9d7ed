/**
 * Test helpers: a small world of organisations, users and projects over a fresh test database,
 * and a client that logs in and sends requests through `app.request` (no network).
 */
import { readFileSync } from 'node:fs';
import { decodeDisclosure, type Project } from '@jixiao/core';
import {
  type Actor,
  createOrganization,
  createProject,
  createUser,
  type Database,
  type Role,
} from '@jixiao/store';
// @jixiao/store exports no `./testing` entry; its test-database helper is shared from source.
import { openTestDatabase } from '@jixiao/store/testing';
import { createApp } from './app.ts';

export const PASSWORD = 'demo1234';
export const FIXTURE_TEXT = new URL('../../../testdata/songjiang-zfw-2024.txt', import.meta.url);
export const FIXTURE_JSON = new URL('../../../testdata/songjiang-zfw-2024.json', import.meta.url);

export const fixture = () => decodeDisclosure(JSON.parse(readFileSync(FIXTURE_JSON, 'utf8')));

/** A fixture project, renamed and moved to another unit. */
export function projectFor(index: number, name: string, unitName: string): Project {
  const source = fixture().projects[index] as Project;
  return { ...source, form: { ...source.form, name, implementingUnit: unitName } };
}

export type App = ReturnType<typeof createApp>;

export interface Session {
  cookie: string;
  csrf: string;
}

/** Logs in through the API. @throws when the login fails */
export async function login(
  app: App,
  username: string,
  password = PASSWORD,
  ip = '192.0.2.1',
): Promise<Session> {
  const res = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const body = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: body.csrfToken };
}

/** A request as a session (or anonymous), with the CSRF header on writes. */
export function call(app: App, session: Session | null, method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = {};
  if (session) {
    headers.cookie = session.cookie;
    if (method !== 'GET') headers['x-csrf-token'] = session.csrf;
  }
  if (body !== undefined) headers['content-type'] = 'application/json';
  return app.request(path, {
    method,
    headers,
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
}

export interface World {
  database: Database;
  app: App;
  /** region A: departments A1 (units A1, A1b) and A2 (unit A2); region B: department B (unit B) */
  org: Record<
    'regionA' | 'regionB' | 'deptA1' | 'deptA2' | 'deptB' | 'unitA1' | 'unitA1b' | 'unitA2' | 'unitB',
    number
  >;
  /** projects, one per unit */
  project: Record<'a1' | 'a1b' | 'a2' | 'b', number>;
  actors: Record<string, Actor>;
  close(): Promise<void>;
}

/**
 * The world: users `prepa1`, `prepa1b`, `prepa2`, `reva1`, `reva2`, `fina`, `admina`, `prepb`,
 * `revb`, `finb`, `adminb`, each with PASSWORD; one draft project in each unit (year 2024).
 */
export async function buildWorld(): Promise<World> {
  const database = await openTestDatabase();
  const { db } = database;
  const region = (name: string) => createOrganization(db, { kind: 'region', name });
  const child = (kind: 'department' | 'unit', name: string, parentId: number) =>
    createOrganization(db, { kind, name, parentId });
  const regionA = await region('上海市松江区');
  const regionB = await region('上海市青浦区');
  const deptA1 = await child('department', '中共上海市松江区委政法委员会', regionA.id);
  const deptA2 = await child('department', '上海市松江区教育局', regionA.id);
  const deptB = await child('department', '上海市青浦区教育局', regionB.id);
  const unitA1 = await child('unit', '中共上海市松江区委政法委员会（本级）', deptA1.id);
  const unitA1b = await child('unit', '上海市松江区社会治安综合治理中心', deptA1.id);
  const unitA2 = await child('unit', '上海市松江区教育局（本级）', deptA2.id);
  const unitB = await child('unit', '上海市青浦区教育局（本级）', deptB.id);

  const actors: Record<string, Actor> = {};
  const users: [string, Role, number][] = [
    ['prepa1', 'preparer', unitA1.id],
    ['prepa1b', 'preparer', unitA1b.id],
    ['prepa2', 'preparer', unitA2.id],
    ['reva1', 'department_reviewer', deptA1.id],
    ['reva2', 'department_reviewer', deptA2.id],
    ['fina', 'finance_reviewer', regionA.id],
    ['admina', 'admin', regionA.id],
    ['prepb', 'preparer', unitB.id],
    ['revb', 'department_reviewer', deptB.id],
    ['finb', 'finance_reviewer', regionB.id],
    ['adminb', 'admin', regionB.id],
  ];
  for (const [username, role, orgId] of users) {
    const u = await createUser(db, { username, displayName: username, password: PASSWORD, role, orgId });
    actors[username] = { userId: u.id, role };
  }
  const make = async (unit: { id: number; name: string }, index: number, name: string, by: string) =>
    (
      await createProject(db, {
        unitId: unit.id,
        year: 2024,
        project: projectFor(index, name, unit.name),
        actor: actors[by] as Actor,
      })
    ).projectId;
  const project = {
    a1: await make(unitA1, 0, '平安维稳', 'prepa1'),
    a1b: await make(unitA1b, 1, '综治培训费', 'prepa1b'),
    a2: await make(unitA2, 2, '校园安全', 'prepa2'),
    b: await make(unitB, 3, '青浦教育信息化', 'prepb'),
  };
  const app = createApp(database, { trustProxy: true });
  return {
    database,
    app,
    org: {
      regionA: regionA.id,
      regionB: regionB.id,
      deptA1: deptA1.id,
      deptA2: deptA2.id,
      deptB: deptB.id,
      unitA1: unitA1.id,
      unitA1b: unitA1b.id,
      unitA2: unitA2.id,
      unitB: unitB.id,
    },
    project,
    actors,
    close: () => database.close(),
  };
}
