/**
 * Indicator suggestions for the editor: names, units and typical targets already used in the
 * projects the caller may see (their scope, and the region's published projects, public anyway).
 */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { type Db, MAX_SUGGESTIONS, suggestIndicators } from '@jixiao/store';
import { type AppEnv, requirePrincipal, secured } from '../auth.ts';
import { errorResponses } from '../errors.ts';
import { scopeFilter } from '../policies.ts';
import { jsonResponse } from '../schemas.ts';

const SuggestedTarget = z
  .union([
    z.object({
      kind: z.literal('quantitative'),
      operator: z.string(),
      value: z.string(),
      unit: z.string(),
      count: z.number(),
    }),
    z.object({ kind: z.literal('qualitative'), text: z.string(), count: z.number() }),
  ])
  .openapi('SuggestedTarget');

export const IndicatorSuggestion = z
  .object({
    name: z.string(),
    level1: z.string().openapi({ description: '最常见的一级指标' }),
    level2: z.string().openapi({ description: '最常见的二级指标' }),
    projectCount: z.number().openapi({ description: '使用此指标名称的项目数（各项目的当前修订）' }),
    useCount: z.number(),
    sameLevel: z.boolean().openapi({ description: '是否在所问的一级/二级指标下用过' }),
    unit: z.string().openapi({ description: '最常见的计量单位（定量），无则为空' }),
    targets: z.array(SuggestedTarget).openapi({ description: '最常见的指标值，最多 3 个' }),
  })
  .openapi('IndicatorSuggestion');

const suggestRoute = createRoute({
  method: 'get',
  path: '/api/indicator-suggestions',
  tags: ['项目'],
  summary: '指标名称联想：已有指标的名称、计量单位与常见指标值（本人范围及本地区已公开的项目）',
  description:
    '按名称部分匹配（不区分大小写，% 与 _ 按字面匹配）；在所给一级/二级指标下用过的名称在前，其余按使用的项目数排序。',
  ...secured,
  request: {
    query: z.object({
      q: z.string().max(100).optional().openapi({ description: '指标名称的一部分；空则列出最常用的' }),
      level1: z.string().max(50).optional(),
      level2: z.string().max(50).optional(),
      limit: z.coerce.number().int().min(1).max(MAX_SUGGESTIONS).optional(),
    }),
  },
  responses: {
    200: jsonResponse(z.object({ items: z.array(IndicatorSuggestion) }), '联想结果'),
    ...errorResponses(400, 401),
  },
});

export function suggestionRoutes(app: OpenAPIHono<AppEnv>, db: Db): void {
  app.openapi(suggestRoute, async (c) => {
    const me = requirePrincipal(c);
    const { q, level1, level2, limit } = c.req.valid('query');
    const items = await suggestIndicators(db, {
      q: q ?? '',
      level1,
      level2,
      limit,
      ...scopeFilter(me),
      alsoPublishedIn: me.regionId,
    });
    return c.json({ items }, 200);
  });
}
