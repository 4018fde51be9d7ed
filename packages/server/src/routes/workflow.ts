/** Workflow steps on one project and its history. Publishing is department-wide (departments.ts). */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { type Db, listTransitions, projectPlace, transitionProject, WORKFLOW_ACTIONS } from '@jixiao/store';
import { type AppEnv, actorOf, requirePrincipal, secured } from '../auth.ts';
import { errorResponses } from '../errors.ts';
import { can } from '../policies.ts';
import { Grade, IdParams, jsonBody, jsonResponse, ProjectInput, Status, Transition } from '../schemas.ts';

const ACTIONS = WORKFLOW_ACTIONS.filter((a) => a !== 'publish') as [
  Exclude<(typeof WORKFLOW_ACTIONS)[number], 'publish'>,
  ...Exclude<(typeof WORKFLOW_ACTIONS)[number], 'publish'>[],
];

const listRoute = createRoute({
  method: 'get',
  path: '/api/projects/{id}/transitions',
  tags: ['审核流程'],
  summary: '项目的流程记录（谁、角色、时间、意见、等级）',
  ...secured,
  request: { params: IdParams },
  responses: {
    200: jsonResponse(z.object({ items: z.array(Transition) }), '流程记录'),
    ...errorResponses(401, 404),
  },
});

const transitionRoute = createRoute({
  method: 'post',
  path: '/api/projects/{id}/transitions',
  tags: ['审核流程'],
  summary: '办理一步流程：提交、部门退回/通过、报送财政、财政退回/评级、调整',
  description:
    '退回须填写 opinion；财政评级须给 grade：优/良 → 已批复，中 → 退回修改（须填理由），差 → 未通过（须填理由）。评「良」时可附 project：财政直接完善的绩效目标，与评级在同一事务中保存为新修订。',
  ...secured,
  request: {
    params: IdParams,
    body: jsonBody(
      z.object({
        action: z.enum(ACTIONS),
        baseVersion: z.number().int().min(0),
        opinion: z.string().max(2000).optional(),
        grade: Grade.optional(),
        project: ProjectInput.optional().openapi({
          description: '仅在财政评级为「良」时：财政直接完善后的绩效目标，先保存为新修订，再评级',
        }),
      }),
    ),
  },
  responses: {
    200: jsonResponse(
      z.object({
        projectId: z.number(),
        fromStatus: Status,
        toStatus: Status,
        version: z.number(),
        grade: Grade.nullable(),
      }),
      '已办理',
    ),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

export function workflowRoutes(app: OpenAPIHono<AppEnv>, db: Db): void {
  app.openapi(listRoute, async (c) => {
    const me = requirePrincipal(c);
    const { id } = c.req.valid('param');
    can.viewProject(me, await projectPlace(db, id));
    const items = await listTransitions(db, id);
    return c.json({ items: items.map((t) => ({ ...t, createdAt: t.createdAt.toISOString() })) }, 200);
  });

  app.openapi(transitionRoute, async (c) => {
    const me = requirePrincipal(c);
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    can.transition(me, await projectPlace(db, id));
    const { project, ...step } = body;
    const r = await transitionProject(db, { projectId: id, ...step, perfected: project, actor: actorOf(me) });
    return c.json(
      {
        projectId: r.projectId,
        fromStatus: r.fromStatus,
        toStatus: r.toStatus,
        version: r.version,
        grade: r.grade,
      },
      200,
    );
  });
}
