/** User accounts (admin only): list, create, deactivate, reset a password. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  createUser,
  type Db,
  getUser,
  listOrganizations,
  listUsers,
  orgScope,
  setPassword,
  setUserActive,
} from '@jixiao/store';
import { type AppEnv, actorOf, requirePrincipal, secured } from '../auth.ts';
import { errorResponses } from '../errors.ts';
import { assertCovers, can } from '../policies.ts';
import { presentUser } from '../presenters.ts';
import { IdParams, jsonBody, jsonResponse, Role, User } from '../schemas.ts';

const listRoute = createRoute({
  method: 'get',
  path: '/api/users',
  tags: ['用户'],
  summary: '本地区的用户（管理员）',
  ...secured,
  responses: {
    200: jsonResponse(z.object({ items: z.array(User) }), '用户列表'),
    ...errorResponses(401, 403),
  },
});

const createUserRoute = createRoute({
  method: 'post',
  path: '/api/users',
  tags: ['用户'],
  summary: '新建用户（管理员）',
  ...secured,
  request: {
    body: jsonBody(
      z.object({
        username: z.string().min(2).max(64),
        displayName: z.string().max(100).default(''),
        password: z.string().min(8).max(256),
        role: Role,
        orgId: z.number().int().positive(),
      }),
    ),
  },
  responses: { 201: jsonResponse(User, '已新建'), ...errorResponses(400, 401, 403, 404, 409) },
});

const updateRoute = createRoute({
  method: 'patch',
  path: '/api/users/{id}',
  tags: ['用户'],
  summary: '停用/启用用户，或重设密码（管理员）',
  ...secured,
  request: {
    params: IdParams,
    body: jsonBody(
      z.object({ active: z.boolean().optional(), password: z.string().min(8).max(256).optional() }),
    ),
  },
  responses: { 200: jsonResponse(User, '已更新'), ...errorResponses(400, 401, 403, 404) },
});

export function userRoutes(app: OpenAPIHono<AppEnv>, db: Db): void {
  app.openapi(listRoute, async (c) => {
    const me = requirePrincipal(c);
    can.manageUsers(me);
    const orgs = await listOrganizations(db, { regionId: me.regionId });
    const items = await listUsers(db, { orgIds: orgs.map((o) => o.id) });
    return c.json({ items: items.map(presentUser) }, 200);
  });

  app.openapi(createUserRoute, async (c) => {
    const me = requirePrincipal(c);
    can.manageUsers(me);
    const body = c.req.valid('json');
    assertCovers(me, await orgScope(db, body.orgId));
    const user = await createUser(db, { ...body, actor: actorOf(me) });
    return c.json(presentUser(user), 201);
  });

  app.openapi(updateRoute, async (c) => {
    const me = requirePrincipal(c);
    can.manageUsers(me);
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const target = await getUser(db, id);
    assertCovers(me, await orgScope(db, target.orgId));
    const actor = actorOf(me);
    if (body.password !== undefined) await setPassword(db, { userId: id, password: body.password, actor });
    const user =
      body.active === undefined
        ? target
        : await setUserActive(db, { userId: id, active: body.active, actor });
    return c.json(presentUser(user), 200);
  });
}
