/**
 * Department-wide operations: the summary, review runs, the current disclosure, and publishing.
 * Imports are in imports.ts, downloads in files.ts.
 */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  countBySeverity,
  encodeDisclosure,
  getProfile,
  PROJECT_STATUSES,
  reviewDisclosure,
  summarizeDisclosure,
} from '@jixiao/core';
import {
  type Db,
  departmentDisclosure,
  getOrganization,
  listProjects,
  publishDisclosure,
} from '@jixiao/store';
import { type AppEnv, actorOf, requirePrincipal, secured } from '../auth.ts';
import { ApiError, errorResponses } from '../errors.ts';
import { can } from '../policies.ts';
import { presentPublicationInfo } from '../presenters.ts';
import {
  DisclosureJson,
  Finding,
  IdParams,
  jsonBody,
  jsonResponse,
  PublicationInfo,
  Status,
  StatusList,
  Summary,
  Year,
} from '../schemas.ts';

/** Everything but 未通过 when the caller names no statuses (also the department download's default). */
export const DEFAULT_STATUSES: string[] = PROJECT_STATUSES.filter((s) => s !== 'rejected');

const YearQuery = z.object({ year: Year, status: StatusList.optional() });

const summaryRoute = createRoute({
  method: 'get',
  path: '/api/departments/{id}/summary',
  tags: ['部门'],
  summary: '部门汇总：单位数、项目数、金额、1000万元以上项目数及汇总句',
  ...secured,
  request: { params: IdParams, query: YearQuery },
  responses: {
    200: jsonResponse(
      z.object({
        departmentId: z.number(),
        departmentName: z.string(),
        year: z.number(),
        figures: Summary.extend({ totalYuan: z.string() }),
        sentence: z.string(),
        byStatus: z.record(z.string(), z.number()),
      }),
      '汇总',
    ),
    ...errorResponses(400, 401, 403, 404),
  },
});

const reviewRoute = createRoute({
  method: 'post',
  path: '/api/departments/{id}/review-runs',
  tags: ['部门'],
  summary: '对部门全部项目运行审核规则（含跨项目规则）',
  ...secured,
  request: {
    params: IdParams,
    body: jsonBody(
      z.object({
        year: z.number().int().min(2000).max(2100),
        status: z.array(Status).optional(),
        profile: z.enum(['default', 'department', 'finance']).default('default'),
      }),
    ),
  },
  responses: {
    200: jsonResponse(
      z.object({
        projectIds: z.array(z.number()),
        findings: z.array(Finding.extend({ projectId: z.number().nullable() })),
        counts: z.record(z.string(), z.number()),
      }),
      '审核结果',
    ),
    ...errorResponses(400, 401, 403, 404),
  },
});

const disclosureRoute = createRoute({
  method: 'get',
  path: '/api/departments/{id}/disclosure',
  tags: ['部门'],
  summary: '部门当前各项目（当前修订）组成的规范格式文件',
  ...secured,
  request: { params: IdParams, query: YearQuery },
  responses: { 200: jsonResponse(DisclosureJson, '规范格式'), ...errorResponses(400, 401, 403, 404) },
});

const publishRoute = createRoute({
  method: 'post',
  path: '/api/departments/{id}/publications',
  tags: ['部门'],
  summary: '发布公开：冻结本部门已批复项目为公开文件（部门审核）',
  ...secured,
  request: { params: IdParams, body: jsonBody(z.object({ year: z.number().int().min(2000).max(2100) })) },
  responses: {
    201: jsonResponse(PublicationInfo.extend({ projectIds: z.array(z.number()) }), '已发布'),
    ...errorResponses(400, 401, 403, 404),
  },
});

/** The department, as a place for the policies. @throws NOT_FOUND when it is not a department */
export async function department(db: Db, id: number) {
  const org = await getOrganization(db, id);
  if (org.kind !== 'department' || org.parentId === null) throw new ApiError('NOT_FOUND');
  return { id, name: org.name, regionId: org.parentId, departmentId: id, unitId: null };
}

/** The department's projects of a year in id order, the order `departmentDisclosure` lists them. */
async function allProjects(db: Db, departmentId: number, year: number, status?: string[]) {
  const items: { id: number; status: string }[] = [];
  for (let page = 1; ; page++) {
    const r = await listProjects(db, {
      departmentId,
      year,
      ...(status ? { status } : {}),
      page,
      pageSize: 500,
    });
    items.push(...r.items);
    if (items.length >= r.total || r.items.length === 0) return items;
  }
}

export function departmentRoutes(app: OpenAPIHono<AppEnv>, db: Db): void {
  app.openapi(summaryRoute, async (c) => {
    const me = requirePrincipal(c);
    const { id } = c.req.valid('param');
    const { year, status = DEFAULT_STATUSES } = c.req.valid('query');
    const dept = await department(db, id);
    can.readDepartment(me, dept);
    const d = await departmentDisclosure(db, id, year, status);
    const s = summarizeDisclosure(d);
    const byStatus: Record<string, number> = {};
    for (const p of await allProjects(db, id, year)) byStatus[p.status] = (byStatus[p.status] ?? 0) + 1;
    return c.json(
      {
        departmentId: id,
        departmentName: dept.name,
        year,
        figures: s.computed,
        sentence: s.sentence,
        byStatus,
      },
      200,
    );
  });

  app.openapi(reviewRoute, async (c) => {
    const me = requirePrincipal(c);
    const { id } = c.req.valid('param');
    const { year, status = DEFAULT_STATUSES, profile } = c.req.valid('json');
    can.readDepartment(me, await department(db, id));
    const d = await departmentDisclosure(db, id, year, status);
    const projectIds = (await allProjects(db, id, year, status)).map((p) => p.id);
    const raw = reviewDisclosure(d, getProfile(profile) ?? undefined);
    const findings = raw.map((f) => {
      const index = /^projects\[(\d+)\]/.exec(f.path)?.[1];
      return {
        ...f,
        data: f.data as Record<string, unknown>,
        projectId: index ? (projectIds[Number(index)] ?? null) : null,
      };
    });
    return c.json({ projectIds, findings, counts: { ...countBySeverity(raw) } }, 200);
  });

  app.openapi(disclosureRoute, async (c) => {
    const me = requirePrincipal(c);
    const { id } = c.req.valid('param');
    const { year, status = DEFAULT_STATUSES } = c.req.valid('query');
    can.readDepartment(me, await department(db, id));
    const d = await departmentDisclosure(db, id, year, status);
    return c.json(encodeDisclosure(d), 200);
  });

  app.openapi(publishRoute, async (c) => {
    const me = requirePrincipal(c);
    const { id } = c.req.valid('param');
    const { year } = c.req.valid('json');
    can.publish(me, await department(db, id));
    const { publication, projectIds } = await publishDisclosure(db, {
      departmentId: id,
      year,
      actor: actorOf(me),
    });
    return c.json({ ...presentPublicationInfo(publication), projectIds }, 201);
  });
}
