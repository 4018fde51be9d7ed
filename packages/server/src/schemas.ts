/**
 * Request and response schemas shared by the routes: the OpenAPI document is generated from these.
 * Project content uses core's own schemas, so the API accepts exactly the interchange format.
 */
import { z } from '@hono/zod-openapi';
import { Disclosure as DisclosureSchema, Project as ProjectSchema } from '@jixiao/core';
import { GRADES, PROJECT_STATUSES, ROLES, WORKFLOW_ACTIONS } from '@jixiao/store';

/**
 * The wire (JSON) side of a codec schema as a response type: money as yuan strings. The OpenAPI
 * generator already documents a codec by its input; this only tells TypeScript the same.
 */
export const wire = <T extends z.ZodType>(schema: T) =>
  schema as unknown as z.ZodType<z.input<T>, z.input<T>>;

/**
 * Core's schemas were built before zod-openapi extended zod, so they are named with zod's own
 * `.meta({ id })`. Request bodies decode into the model (money in fen); responses send the wire form.
 */
export const ProjectInput = ProjectSchema.meta({
  id: 'Project',
  description: '一个项目（jixiao.disclosure/1 的 projects[] 元素）：项目经费情况说明与绩效目标申报表',
});
export const DisclosureInput = DisclosureSchema.meta({
  id: 'Disclosure',
  description: '规范格式的公开文件（jixiao.disclosure/1）',
});
export const ProjectJson = wire(ProjectInput);
export const DisclosureJson = wire(DisclosureInput);

const id = (name: string) =>
  z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name, in: 'path' }, example: 1 });
export const IdParams = z.object({ id: id('id') });
export const CommentParams = z.object({ id: id('id'), commentId: id('commentId') });

export const Role = z.enum(ROLES);
export const Status = z.enum(PROJECT_STATUSES);
export const Grade = z.enum(GRADES);
export const Year = z.coerce.number().int().min(2000).max(2100);

export const User = z
  .object({
    id: z.number(),
    username: z.string(),
    displayName: z.string(),
    role: Role,
    roleName: z.string(),
    orgId: z.number(),
    active: z.boolean(),
  })
  .openapi('User');

export const Organization = z
  .object({
    id: z.number(),
    kind: z.enum(['region', 'department', 'unit']),
    name: z.string(),
    parentId: z.number().nullable(),
  })
  .openapi('Organization');

export const Me = z
  .object({
    user: User,
    organization: Organization,
    scope: z.object({
      regionId: z.number(),
      departmentId: z.number().nullable(),
      unitId: z.number().nullable(),
    }),
    csrfToken: z.string().openapi({ description: '写请求须在 X-CSRF-Token 头中带上' }),
    expiresAt: z.string(),
  })
  .openapi('Me');

export const Finding = z
  .object({
    ruleId: z.string(),
    severity: z.enum(['error', 'warn', 'info']),
    message: z.string(),
    path: z.string(),
    data: z.record(z.string(), z.unknown()),
  })
  .openapi('Finding');

export const ProjectListItem = z
  .object({
    id: z.number(),
    name: z.string(),
    unitId: z.number(),
    unitName: z.string(),
    departmentId: z.number(),
    departmentName: z.string(),
    year: z.number(),
    status: z.string(),
    category: z.string(),
    annualTotal: z.string().nullable(),
    version: z.number(),
    currentRevision: z.number(),
    grade: z.string().nullable(),
    errorCount: z.number(),
    warnCount: z.number(),
    updatedAt: z.string(),
  })
  .openapi('ProjectListItem');

export const ProjectList = z
  .object({
    items: z.array(ProjectListItem),
    total: z.number(),
    totalYuan: z.string(),
    totalWan: z.string(),
  })
  .openapi('ProjectList');

export const ProjectDetail = z
  .object({
    id: z.number(),
    unitId: z.number(),
    departmentId: z.number(),
    regionId: z.number(),
    year: z.number(),
    status: z.string(),
    statusName: z.string(),
    version: z.number().openapi({ description: '写入时作为 baseVersion 传回' }),
    currentRevision: z.number(),
    revision: z.number(),
    grade: z.string().nullable(),
    name: z.string(),
    project: ProjectJson,
    findings: z.array(Finding),
    actions: z.array(z.enum(WORKFLOW_ACTIONS)).openapi({ description: '当前用户可办理的流程操作' }),
    updatedAt: z.string(),
  })
  .openapi('ProjectDetail');

export const Saved = z.object({ version: z.number(), revision: z.number() }).openapi('Saved');

export const Revision = z
  .object({
    number: z.number(),
    createdAt: z.string(),
    createdBy: z.number().nullable(),
    createdByName: z.string().nullable(),
    note: z.string(),
  })
  .openapi('Revision');

export const Diff = z
  .object({
    from: z.number(),
    to: z.number(),
    changes: z.array(z.object({ path: z.string(), before: z.unknown(), after: z.unknown() })),
  })
  .openapi('Diff');

export const Comment = z
  .object({
    id: z.number(),
    revision: z.number(),
    path: z.string(),
    authorId: z.number(),
    authorName: z.string(),
    body: z.string(),
    createdAt: z.string(),
    resolvedAt: z.string().nullable(),
  })
  .openapi('Comment');

export const Transition = z
  .object({
    id: z.number(),
    action: z.string(),
    fromStatus: z.string(),
    toStatus: z.string(),
    revisionNumber: z.number(),
    actorId: z.number(),
    actorName: z.string(),
    actorRole: z.string(),
    opinion: z.string(),
    grade: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Transition');

export const Summary = z
  .object({
    budgetUnitCount: z.number(),
    projectCount: z.number(),
    totalWan: z.string(),
    largeProjectCount: z.number().nullable(),
    largeThresholdWan: z.string().nullable(),
  })
  .openapi('Summary');

export const PublicationInfo = z
  .object({
    id: z.number(),
    departmentId: z.number(),
    departmentName: z.string(),
    regionId: z.number(),
    year: z.number(),
    version: z.number(),
    publishedAt: z.string(),
    summary: Summary,
  })
  .openapi('PublicationInfo');

export const Publication = PublicationInfo.extend({ snapshot: DisclosureJson }).openapi('Publication');

/** `?status=draft,returned` */
export const StatusList = z
  .string()
  .transform((s, ctx) => {
    const list = s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
    for (const x of list) {
      if (!(PROJECT_STATUSES as readonly string[]).includes(x)) {
        ctx.addIssue({ code: 'custom', message: `未知状态：${x}` });
        return z.NEVER;
      }
    }
    return list;
  })
  .openapi({ type: 'string', example: 'draft,returned', description: '逗号分隔的状态' });

/** JSON bodies: required, so a missing or non-JSON body is a 400, not an empty object. */
export const jsonBody = <T extends z.ZodType>(schema: T, description?: string) => ({
  required: true,
  ...(description ? { description } : {}),
  content: { 'application/json': { schema } },
});

export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
