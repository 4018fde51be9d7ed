/** Organisations: the caller's visible tree; the admin adds departments and units. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { createOrganization, type Db, getOrganization, listOrganizations, orgScope } from '@jixiao/store';
import { type AppEnv, actorOf, requirePrincipal, secured } from '../auth.ts';
import { ApiError, errorResponses } from '../errors.ts';
import { can, orgVisible, type Principal } from '../policies.ts';
import { presentOrg } from '../presenters.ts';
import { IdParams, jsonBody, jsonResponse, Organization } from '../schemas.ts';

const listRoute = createRoute({
  method: 'get',
  path: '/api/organizations',
  tags: ['组织'],
  summary: '可见的组织（本人范围及其上级）',
  ...secured,
  responses: {
    200: jsonResponse(z.object({ items: z.array(Organization) }), '组织列表'),
    ...errorResponses(401),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/api/organizations/{id}',
  tags: ['组织'],
  summary: '一个组织',
  ...secured,
  request: { params: IdParams },
  responses: { 200: jsonResponse(Organization, '组织'), ...errorResponses(401, 404) },
});

const createRouteDef = createRoute({
  method: 'post',
  path: '/api/organizations',
  tags: ['组织'],
  summary: '新建主管部门或预算单位（管理员）',
  ...secured,
  request: {
    body: jsonBody(
      z.object({
        kind: z.enum(['department', 'unit']),
        name: z.string().trim().min(1).max(200),
        parentId: z.number().int().positive(),
      }),
    ),
  },
  responses: { 201: jsonResponse(Organization, '已新建'), ...errorResponses(400, 401, 403, 404, 409) },
});

/** The organisations a principal may see: their scope, and the organisations above them. */
async function visibleOrganizations(db: Db, me: Principal) {
  if (me.role === 'admin' || me.role === 'finance_reviewer')
    return listOrganizations(db, { regionId: me.regionId });
  const above = [me.regionId, me.departmentId].filter((x): x is number => x !== null);
  const own =
    me.role === 'department_reviewer'
      ? await listOrganizations(db, { departmentId: me.departmentId ?? -1 })
      : await listOrganizations(db, { ids: [me.unitId ?? -1] });
  const parents = await listOrganizations(db, { ids: above });
  const seen = new Set<number>();
  return [...parents, ...own].filter((o) => !seen.has(o.id) && seen.add(o.id)).sort((a, b) => a.id - b.id);
}

export function orgRoutes(app: OpenAPIHono<AppEnv>, db: Db): void {
  app.openapi(listRoute, async (c) => {
    const me = requirePrincipal(c);
    const items = await visibleOrganizations(db, me);
    return c.json({ items: items.map(presentOrg) }, 200);
  });

  app.openapi(getRoute, async (c) => {
    const me = requirePrincipal(c);
    const { id } = c.req.valid('param');
    const org = await getOrganization(db, id);
    const scope = await orgScope(db, id);
    if (!orgVisible(me, { id, ...scope })) throw new ApiError('NOT_FOUND');
    return c.json(presentOrg(org), 200);
  });

  app.openapi(createRouteDef, async (c) => {
    const me = requirePrincipal(c);
    const body = c.req.valid('json');
    const parent = await orgScope(db, body.parentId);
    can.manageOrgs(me, parent);
    const org = await createOrganization(db, { ...body, actor: actorOf(me) });
    return c.json(presentOrg(org), 201);
  });
}
