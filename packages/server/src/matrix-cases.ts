/**
 * The authorization matrix's table: every route × every role × own / other organisation → the
 * status. "Own" targets sit in the caller's scope (project and unit A1, department A1); "other"
 * ones just outside it: another unit of the same department for a preparer, another department
 * for a department reviewer, another region for finance and the admin. Allowed writes are made
 * to stop at a later step (stale version, unreadable file, nothing to publish), so the table
 * shows that the policy let them through without changing the world for the next cell.
 */
import { encodeDisclosure, type Role } from '@jixiao/core';
import { encodeProject } from './presenters.ts';
import { fixture } from './testing.ts';

export { ROLES, type Role } from '@jixiao/core';
export const USER: Record<Role, string> = {
  preparer: 'prepa1',
  department_reviewer: 'reva1',
  finance_reviewer: 'fina',
  admin: 'admina',
};

export interface Target {
  region: number;
  project: number;
  comment: number;
  department: number;
  unit: number;
  user: number;
}

/** [own, other] per role: preparer, department reviewer, finance reviewer, admin. */
export type Expect = [[number, number], [number, number], [number, number], [number, number]];
const all = (own: number, other: number): Expect => [
  [own, other],
  [own, other],
  [own, other],
  [own, other],
];

let n = 0;
const project = () => encodeProject(fixture().projects[0] as never);

export const CASES: {
  route: string;
  req: (t: Target) => [string, string, unknown?];
  expect: Expect;
  public?: true;
}[] = [
  { route: 'GET /api/health', req: () => ['GET', '/api/health'], expect: all(200, 200), public: true },
  {
    route: 'GET /api/public/publications',
    req: () => ['GET', '/api/public/publications'],
    expect: all(200, 200),
    public: true,
  },
  { route: 'GET /api/auth/me', req: () => ['GET', '/api/auth/me'], expect: all(200, 200) },
  { route: 'GET /api/organizations', req: () => ['GET', '/api/organizations'], expect: all(200, 200) },
  {
    route: 'GET /api/organizations/{id}',
    req: (t) => ['GET', `/api/organizations/${t.department}`],
    expect: all(200, 404),
  },
  {
    route: 'POST /api/organizations',
    req: (t) => [
      'POST',
      '/api/organizations',
      { kind: 'unit', name: `新单位${++n}`, parentId: t.department },
    ],
    expect: [
      [403, 403],
      [403, 403],
      [403, 403],
      [201, 404],
    ],
  },
  {
    route: 'GET /api/regions/{id}/budget-years',
    req: (t) => ['GET', `/api/regions/${t.region}/budget-years`],
    expect: [
      [200, 200],
      [200, 200],
      [200, 404],
      [200, 404],
    ],
  },
  {
    // open: true leaves the (open) year as it was
    route: 'PUT /api/regions/{id}/budget-years/{year}',
    req: (t) => ['PUT', `/api/regions/${t.region}/budget-years/2024`, { open: true }],
    expect: [
      [403, 403],
      [403, 403],
      [200, 404],
      [200, 404],
    ],
  },
  {
    route: 'GET /api/departments/{id}/template',
    req: (t) => ['GET', `/api/departments/${t.department}/template?year=2025`],
    expect: all(200, 404),
  },
  {
    route: 'GET /api/users',
    req: () => ['GET', '/api/users'],
    expect: [
      [403, 403],
      [403, 403],
      [403, 403],
      [200, 200],
    ],
  },
  {
    route: 'POST /api/users',
    req: (t) => [
      'POST',
      '/api/users',
      { username: `new${++n}`, password: 'demo1234', role: 'preparer', orgId: t.unit },
    ],
    expect: [
      [403, 403],
      [403, 403],
      [403, 403],
      [201, 404],
    ],
  },
  {
    route: 'PATCH /api/users/{id}',
    req: (t) => ['PATCH', `/api/users/${t.user}`, { active: true }],
    expect: [
      [403, 403],
      [403, 403],
      [403, 403],
      [200, 404],
    ],
  },
  { route: 'GET /api/projects', req: () => ['GET', '/api/projects'], expect: all(200, 200) },
  {
    route: 'POST /api/projects',
    req: (t) => ['POST', '/api/projects', { unitId: t.unit, year: 2025, project: project() }],
    expect: [
      [201, 404],
      [403, 404],
      [403, 404],
      [403, 404],
    ],
  },
  {
    route: 'GET /api/projects/{id}',
    req: (t) => ['GET', `/api/projects/${t.project}`],
    expect: all(200, 404),
  },
  {
    route: 'PUT /api/projects/{id}',
    req: (t) => ['PUT', `/api/projects/${t.project}`, { baseVersion: 999, project: project() }],
    expect: [
      [409, 404],
      [403, 404],
      [403, 404],
      [403, 404],
    ],
  },
  {
    route: 'GET /api/indicator-suggestions',
    req: () => ['GET', '/api/indicator-suggestions?q=满意&limit=5'],
    expect: all(200, 200),
  },
  {
    // CSV: the cheapest writer; files.test.ts downloads every format
    route: 'GET /api/projects/{id}/export',
    req: (t) => ['GET', `/api/projects/${t.project}/export?format=csv`],
    expect: all(200, 404),
  },
  {
    route: 'GET /api/projects/{id}/revisions',
    req: (t) => ['GET', `/api/projects/${t.project}/revisions`],
    expect: all(200, 404),
  },
  {
    route: 'GET /api/projects/{id}/diff',
    req: (t) => ['GET', `/api/projects/${t.project}/diff?from=1&to=1`],
    expect: all(200, 404),
  },
  {
    route: 'GET /api/projects/{id}/comments',
    req: (t) => ['GET', `/api/projects/${t.project}/comments`],
    expect: all(200, 404),
  },
  {
    route: 'POST /api/projects/{id}/comments',
    req: (t) => ['POST', `/api/projects/${t.project}/comments`, { path: 'form.name', body: '请核对' }],
    expect: [
      [201, 404],
      [201, 404],
      [201, 404],
      [403, 404],
    ],
  },
  {
    route: 'POST /api/projects/{id}/comments/{commentId}/resolve',
    req: (t) => ['POST', `/api/projects/${t.project}/comments/${t.comment}/resolve`],
    expect: [
      [200, 404],
      [200, 404],
      [200, 404],
      [403, 404],
    ],
  },
  {
    route: 'GET /api/projects/{id}/transitions',
    req: (t) => ['GET', `/api/projects/${t.project}/transitions`],
    expect: all(200, 404),
  },
  {
    route: 'POST /api/projects/{id}/transitions',
    req: (t) => ['POST', `/api/projects/${t.project}/transitions`, { action: 'submit', baseVersion: 999 }],
    expect: [
      [409, 404],
      [409, 404],
      [409, 404],
      [403, 404],
    ],
  },
  {
    route: 'POST /api/departments/{id}/imports',
    req: (t) => [
      'POST',
      `/api/departments/${t.department}/imports`,
      { format: 'text', text: '这不是公开文件' },
    ],
    expect: [
      [403, 404],
      [400, 404],
      [403, 404],
      [400, 404],
    ],
  },
  {
    // a preview writes nothing, so an allowed one can succeed
    route: 'POST /api/departments/{id}/imports/preview',
    req: (t) => [
      'POST',
      `/api/departments/${t.department}/imports/preview`,
      { format: 'json', disclosure: encodeDisclosure(fixture()) },
    ],
    expect: [
      [403, 404],
      [200, 404],
      [403, 404],
      [200, 404],
    ],
  },
  {
    route: 'GET /api/departments/{id}/summary',
    req: (t) => ['GET', `/api/departments/${t.department}/summary?year=2024`],
    expect: [
      [403, 404],
      [200, 404],
      [200, 404],
      [200, 404],
    ],
  },
  {
    route: 'POST /api/departments/{id}/review-runs',
    req: (t) => ['POST', `/api/departments/${t.department}/review-runs`, { year: 2024 }],
    expect: [
      [403, 404],
      [200, 404],
      [200, 404],
      [200, 404],
    ],
  },
  {
    route: 'GET /api/departments/{id}/disclosure',
    req: (t) => ['GET', `/api/departments/${t.department}/disclosure?year=2024`],
    expect: [
      [403, 404],
      [200, 404],
      [200, 404],
      [200, 404],
    ],
  },
  {
    route: 'GET /api/departments/{id}/export',
    req: (t) => ['GET', `/api/departments/${t.department}/export?year=2024&format=csv`],
    expect: [
      [403, 404],
      [200, 404],
      [200, 404],
      [200, 404],
    ],
  },
  {
    route: 'POST /api/departments/{id}/publications',
    req: (t) => ['POST', `/api/departments/${t.department}/publications`, { year: 2024 }],
    expect: [
      [403, 404],
      [400, 404],
      [403, 404],
      [403, 404],
    ],
  },
];

/** Routes the matrix leaves to other tests, with where they are tested. */
export const ELSEWHERE = {
  'POST /api/auth/login': 'auth.test.ts',
  'POST /api/auth/logout': 'auth.test.ts',
  'GET /api/auth/session': 'auth.test.ts',
  'GET /api/public/publications/{id}': 'workflow.test.ts',
  // the matrix's world has no publication; files.test.ts publishes one and downloads it
  'GET /api/public/publications/{id}/export': 'files.test.ts',
};
export const MATRIX_ROUTES = CASES.map((c) => c.route);
