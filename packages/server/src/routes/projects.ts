/** Projects: list (within the caller's scope), create, read at any revision, save a new revision. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  createProject,
  type Db,
  getProject,
  listProjects,
  orgScope,
  projectPlace,
  saveRevision,
} from '@jixiao/store';
import { type AppEnv, actorOf, requirePrincipal, secured } from '../auth.ts';
import { errorResponses } from '../errors.ts';
import { can, narrowToScope } from '../policies.ts';
import { jsonText, presentProjectJson } from '../presenters.ts';
import {
  IdParams,
  jsonBody,
  jsonResponse,
  ProjectDetail,
  ProjectInput,
  ProjectList,
  Saved,
  StatusList,
  Year,
} from '../schemas.ts';

const optionalId = z.coerce.number().int().positive().optional();

const listRoute = createRoute({
  method: 'get',
  path: '/api/projects',
  tags: ['项目'],
  summary: '项目列表（仅本人范围内）',
  ...secured,
  request: {
    query: z.object({
      year: Year.optional(),
      status: StatusList.optional(),
      departmentId: optionalId,
      unitId: optionalId,
      category: z.string().max(50).optional(),
      minYuan: z.string().max(30).optional(),
      maxYuan: z.string().max(30).optional(),
      search: z.string().max(100).optional(),
      sort: z.enum(['name', 'annualTotal', 'updatedAt', 'status']).optional(),
      order: z.enum(['asc', 'desc']).optional(),
      page: z.coerce.number().int().min(1).optional(),
      pageSize: z.coerce.number().int().min(1).max(500).optional(),
    }),
  },
  responses: {
    200: jsonResponse(ProjectList, '一页项目，及全部匹配项目的数量与金额合计'),
    ...errorResponses(400, 401),
  },
});

const createProjectRoute = createRoute({
  method: 'post',
  path: '/api/projects',
  tags: ['项目'],
  summary: '新建项目草稿（填报人，本单位）',
  ...secured,
  request: {
    body: jsonBody(
      z.object({
        unitId: z.number().int().positive().optional().openapi({ description: '默认为本人所在单位' }),
        year: z.number().int().min(2000).max(2100),
        project: ProjectInput,
      }),
    ),
  },
  responses: {
    201: jsonResponse(z.object({ id: z.number(), version: z.number() }), '已新建'),
    ...errorResponses(400, 401, 403, 404),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/api/projects/{id}',
  tags: ['项目'],
  summary: '项目（当前修订或指定修订）、审核发现与可办理的操作',
  ...secured,
  request: { params: IdParams, query: z.object({ revision: z.coerce.number().int().positive().optional() }) },
  responses: { 200: jsonResponse(ProjectDetail, '项目'), ...errorResponses(401, 404) },
});

const saveRoute = createRoute({
  method: 'put',
  path: '/api/projects/{id}',
  tags: ['项目'],
  summary: '保存新修订（仅草稿或已退回；baseVersion 过期则 409，不作任何修改）',
  ...secured,
  request: {
    params: IdParams,
    body: jsonBody(
      z.object({
        baseVersion: z.number().int().min(0).openapi({ description: '所编辑的版本（读取时的 version）' }),
        project: ProjectInput,
        note: z.string().max(500).optional(),
      }),
    ),
  },
  responses: { 200: jsonResponse(Saved, '已保存'), ...errorResponses(400, 401, 403, 404, 409) },
});

export function projectRoutes(app: OpenAPIHono<AppEnv>, db: Db): void {
  app.openapi(listRoute, async (c) => {
    const me = requirePrincipal(c);
    const q = c.req.valid('query');
    // the caller's scope is always applied; the query can only narrow it
    const filter = narrowToScope(me, q);
    if (!filter) return c.json({ items: [], total: 0, totalYuan: '0.00', totalWan: '0.00' }, 200);
    return c.json(await listProjects(db, filter), 200);
  });

  app.openapi(createProjectRoute, async (c) => {
    const me = requirePrincipal(c);
    const body = c.req.valid('json');
    const unitId = body.unitId ?? me.unitId ?? 0;
    can.createProject(me, await orgScope(db, unitId));
    const created = await createProject(db, {
      unitId,
      year: body.year,
      project: body.project,
      actor: actorOf(me),
    });
    return c.json({ id: created.projectId, version: created.version }, 201);
  });

  app.openapi(getRoute, async (c) => {
    const me = requirePrincipal(c);
    const { id } = c.req.valid('param');
    // one query: the scope is checked on the loaded project before anything else is revealed
    const detail = await getProject(db, id, c.req.valid('query').revision, (place) =>
      can.viewProject(me, place),
    );
    // JSON text with the revision's part encoded once per revision (see presentProjectJson)
    return jsonText<typeof getRoute>(c, presentProjectJson(detail, me));
  });

  app.openapi(saveRoute, async (c) => {
    const me = requirePrincipal(c);
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    can.editProject(me, await projectPlace(db, id));
    const saved = await saveRevision(db, {
      projectId: id,
      baseVersion: body.baseVersion,
      project: body.project,
      actor: actorOf(me),
      ...(body.note !== undefined ? { note: body.note } : {}),
    });
    return c.json(saved, 200);
  });
}
