/** A project's revisions and the differences between two of them. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { type Db, diffRevisions, listRevisions, projectPlace } from '@jixiao/store';
import { type AppEnv, requirePrincipal, secured } from '../auth.ts';
import { errorResponses } from '../errors.ts';
import { can } from '../policies.ts';
import { Diff, IdParams, jsonResponse, Revision } from '../schemas.ts';

const listRoute = createRoute({
  method: 'get',
  path: '/api/projects/{id}/revisions',
  tags: ['修订'],
  summary: '项目的全部修订（旧到新）',
  ...secured,
  request: { params: IdParams },
  responses: {
    200: jsonResponse(z.object({ items: z.array(Revision) }), '修订列表'),
    ...errorResponses(401, 404),
  },
});

const diffRoute = createRoute({
  method: 'get',
  path: '/api/projects/{id}/diff',
  tags: ['修订'],
  summary: '两个修订之间的差异（字段路径、修改前、修改后）',
  ...secured,
  request: {
    params: IdParams,
    query: z.object({ from: z.coerce.number().int().positive(), to: z.coerce.number().int().positive() }),
  },
  responses: { 200: jsonResponse(Diff, '差异'), ...errorResponses(400, 401, 404) },
});

export function revisionRoutes(app: OpenAPIHono<AppEnv>, db: Db): void {
  app.openapi(listRoute, async (c) => {
    const me = requirePrincipal(c);
    const { id } = c.req.valid('param');
    can.viewProject(me, await projectPlace(db, id));
    return c.json({ items: await listRevisions(db, id) }, 200);
  });

  app.openapi(diffRoute, async (c) => {
    const me = requirePrincipal(c);
    const { id } = c.req.valid('param');
    const { from, to } = c.req.valid('query');
    can.viewProject(me, await projectPlace(db, id));
    return c.json(await diffRevisions(db, id, from, to), 200);
  });
}
