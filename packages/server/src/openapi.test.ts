/** The OpenAPI document: generated from the route schemas, complete and self-consistent. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ELSEWHERE, MATRIX_ROUTES } from './matrix-cases.ts';
import { buildWorld, call, type World } from './testing.ts';

type Doc = {
  openapi: string;
  info: { title: string };
  paths: Record<string, Record<string, { responses: Record<string, unknown>; security?: unknown[] }>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
};

describe('the OpenAPI document', () => {
  let w: World;
  let doc: Doc;
  beforeAll(async () => {
    w = await buildWorld();
    const res = await call(w.app, null, 'GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    doc = (await res.json()) as Doc;
  });
  afterAll(async () => {
    await w.close();
  });

  /** Every API route the app serves, as `METHOD /path/{param}`, minus the document and its page. */
  const servedRoutes = () =>
    [
      ...new Set(
        w.app.routes
          .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/'))
          .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
      ),
    ].filter((r) => !['GET /api/openapi.json', 'GET /api/docs'].includes(r));

  it('is OpenAPI 3.1 and documents every route the app serves', () => {
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(servedRoutes().sort());
    expect(documented.length).toBeGreaterThanOrEqual(25);
  });

  it('covers every documented route in the authorization matrix or a named test', () => {
    expect([...MATRIX_ROUTES, ...Object.keys(ELSEWHERE)].sort()).toEqual(servedRoutes().sort());
  });

  it('gives every operation a success response and resolvable references', () => {
    const json = JSON.stringify(doc);
    for (const ref of json.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) {
      expect(doc.components.schemas).toHaveProperty(ref[1] as string);
    }
    for (const ops of Object.values(doc.paths)) {
      for (const op of Object.values(ops)) {
        expect(Object.keys(op.responses).some((s) => /^2\d\d$/.test(s))).toBe(true);
      }
    }
    expect(doc.components.securitySchemes).toHaveProperty('session');
    expect(doc.paths['/api/projects']?.get?.security).toEqual([{ session: [] }]);
    expect(doc.paths['/api/public/publications']?.get?.security).toBeUndefined();
  });

  it('documents money as yuan strings, the wire form', () => {
    const project = JSON.stringify(doc.components.schemas.Project);
    expect(project).toContain('^-?[0-9]+\\\\.[0-9]{2}$');
  });

  it('has a readable reference page that needs nothing from the internet', async () => {
    const res = await call(w.app, null, 'GET', '/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toContain('/api/projects/{id}/transitions');
    expect(html).toContain('办理一步流程');
    expect(html).not.toMatch(/https?:\/\/(?!localhost)/);
    expect(html).not.toMatch(/<script/);
  });
});
