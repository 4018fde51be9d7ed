/** Budget years of a region: the finance bureau opens and closes a year for compiling. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { type Db, listBudgetYears, orgScope, setBudgetYear } from '@jixiao/store';
import { type AppEnv, actorOf, requirePrincipal, secured } from '../auth.ts';
import { errorResponses } from '../errors.ts';
import { can } from '../policies.ts';
import { IdParams, jsonBody, jsonResponse, Year } from '../schemas.ts';

export const BudgetYear = z
  .object({ regionId: z.number(), year: z.number(), open: z.boolean() })
  .openapi('BudgetYear');

const listRoute = createRoute({
  method: 'get',
  path: '/api/regions/{id}/budget-years',
  tags: ['组织'],
  summary: '地区的预算年度及是否开放编报（未列出的年度为开放）',
  ...secured,
  request: { params: IdParams },
  responses: {
    200: jsonResponse(z.object({ items: z.array(BudgetYear) }), '预算年度'),
    ...errorResponses(401, 404),
  },
});

const setRoute = createRoute({
  method: 'put',
  path: '/api/regions/{id}/budget-years/{year}',
  tags: ['组织'],
  summary: '开放或关闭预算年度的编报（财政审核人或管理员）',
  description: '关闭后，该年度不能再新建、导入、修改或提交项目；审核、评级和公开不受影响。',
  ...secured,
  request: {
    params: IdParams.extend({ year: Year }),
    body: jsonBody(z.object({ open: z.boolean() })),
  },
  responses: { 200: jsonResponse(BudgetYear, '已设置'), ...errorResponses(400, 401, 403, 404) },
});

export function yearRoutes(app: OpenAPIHono<AppEnv>, db: Db): void {
  app.openapi(listRoute, async (c) => {
    const me = requirePrincipal(c);
    const { id } = c.req.valid('param');
    can.viewRegion(me, { id, ...(await orgScope(db, id)) });
    const items = await listBudgetYears(db, id);
    return c.json({ items: items.map(({ regionId, year, open }) => ({ regionId, year, open })) }, 200);
  });

  app.openapi(setRoute, async (c) => {
    const me = requirePrincipal(c);
    const { id, year } = c.req.valid('param');
    can.manageYears(me, { id, ...(await orgScope(db, id)) });
    const row = await setBudgetYear(db, {
      regionId: id,
      year,
      open: c.req.valid('json').open,
      actor: actorOf(me),
    });
    return c.json({ regionId: row.regionId, year: row.year, open: row.open }, 200);
  });
}
