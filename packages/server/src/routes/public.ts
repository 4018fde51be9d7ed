/** Published disclosures, readable without login. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { type Db, getPublication, listPublications } from '@jixiao/store';
import type { AppEnv } from '../auth.ts';
import { errorResponses } from '../errors.ts';
import { presentPublication, presentPublicationInfo } from '../presenters.ts';
import { IdParams, jsonResponse, Publication, PublicationInfo, Year } from '../schemas.ts';

const listRoute = createRoute({
  method: 'get',
  path: '/api/public/publications',
  tags: ['公开'],
  summary: '已公开的绩效目标（无需登录）',
  request: {
    query: z.object({
      regionId: z.coerce.number().int().positive().optional(),
      departmentId: z.coerce.number().int().positive().optional(),
      year: Year.optional(),
    }),
  },
  responses: {
    200: jsonResponse(z.object({ items: z.array(PublicationInfo) }), '公开文件列表（新到旧）'),
    ...errorResponses(400),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/api/public/publications/{id}',
  tags: ['公开'],
  summary: '一份公开文件：发布时冻结的规范格式文本与汇总（无需登录）',
  request: { params: IdParams },
  responses: { 200: jsonResponse(Publication, '公开文件'), ...errorResponses(404) },
});

export function publicRoutes(app: OpenAPIHono<AppEnv>, db: Db): void {
  app.openapi(listRoute, async (c) => {
    const items = await listPublications(db, c.req.valid('query'));
    return c.json({ items: items.map(presentPublicationInfo) }, 200);
  });

  app.openapi(getRoute, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(presentPublication(await getPublication(db, id)), 200);
  });
}
