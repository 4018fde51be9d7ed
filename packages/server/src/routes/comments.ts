/** Comments on a project's fields: list, add, resolve. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { addComment, type Db, listComments, projectPlace, resolveComment } from '@jixiao/store';
import { type AppEnv, actorOf, requirePrincipal, secured } from '../auth.ts';
import { ApiError, errorResponses } from '../errors.ts';
import { can } from '../policies.ts';
import { Comment, CommentParams, IdParams, jsonBody, jsonResponse } from '../schemas.ts';

const listRoute = createRoute({
  method: 'get',
  path: '/api/projects/{id}/comments',
  tags: ['意见'],
  summary: '项目的意见',
  ...secured,
  request: { params: IdParams },
  responses: {
    200: jsonResponse(z.object({ items: z.array(Comment) }), '意见列表'),
    ...errorResponses(401, 404),
  },
});

const addRoute = createRoute({
  method: 'post',
  path: '/api/projects/{id}/comments',
  tags: ['意见'],
  summary: '对项目某一字段发表意见（记在当前修订上）',
  ...secured,
  request: {
    params: IdParams,
    body: jsonBody(
      z.object({
        path: z.string().max(500).default('').openapi({ example: 'form.indicators[3]' }),
        body: z.string().trim().min(1).max(10_000),
      }),
    ),
  },
  responses: {
    201: jsonResponse(z.object({ id: z.number() }), '已发表'),
    ...errorResponses(400, 401, 403, 404),
  },
});

const resolveRoute = createRoute({
  method: 'post',
  path: '/api/projects/{id}/comments/{commentId}/resolve',
  tags: ['意见'],
  summary: '将意见标为已处理',
  ...secured,
  request: { params: CommentParams },
  responses: {
    200: jsonResponse(z.object({ ok: z.literal(true) }), '已处理'),
    ...errorResponses(401, 403, 404),
  },
});

export function commentRoutes(app: OpenAPIHono<AppEnv>, db: Db): void {
  app.openapi(listRoute, async (c) => {
    const me = requirePrincipal(c);
    const { id } = c.req.valid('param');
    can.viewProject(me, await projectPlace(db, id));
    return c.json({ items: await listComments(db, id) }, 200);
  });

  app.openapi(addRoute, async (c) => {
    const me = requirePrincipal(c);
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    can.comment(me, await projectPlace(db, id));
    const created = await addComment(db, {
      projectId: id,
      path: body.path,
      body: body.body,
      actor: actorOf(me),
    });
    return c.json(created, 201);
  });

  app.openapi(resolveRoute, async (c) => {
    const me = requirePrincipal(c);
    const { id, commentId } = c.req.valid('param');
    can.comment(me, await projectPlace(db, id));
    const comments = await listComments(db, id);
    if (!comments.some((x) => x.id === commentId)) throw new ApiError('NOT_FOUND');
    await resolveComment(db, { commentId, actor: actorOf(me) });
    return c.json({ ok: true as const }, 200);
  });
}
