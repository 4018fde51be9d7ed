/**
 * Downloads: a project, a department's current disclosure, or a published one, as PDF, Excel,
 * Word, CSV, HTML or canonical JSON — the same documents `jixiao export` writes (@jixiao/formats).
 *
 * What each download holds:
 * - a project: a one-project disclosure (its year, its department's name) with **no** summary
 *   paragraph — the 汇总段落 speaks for the whole department, and a sentence saying "本部门1个预算
 *   单位……项目1个" would misstate it;
 * - a department: exactly the projects GET /api/departments/{id}/disclosure lists, with the summary
 *   computed from them, so the document opens with the summary paragraph as a published one does
 *   (the JSON download is that disclosure with `summary` filled in);
 * - a publication: its frozen snapshot, as published.
 */
import {
  createRoute,
  type OpenAPIHono,
  type RouteConfig,
  type RouteConfigToTypedResponse,
  z,
} from '@hono/zod-openapi';
import { type Disclosure, decodeDisclosure, FORMAT, summarizeDisclosure } from '@jixiao/core';
import { WRITE_FORMATS, type WriteFormat, writeDisclosure, writeFlatTemplate } from '@jixiao/formats';
import { type Db, departmentDisclosure, getOrganization, getProject, getPublication } from '@jixiao/store';
import type { Context } from 'hono';
import { type AppEnv, requirePrincipal, secured } from '../auth.ts';
import { errorResponses } from '../errors.ts';
import { can } from '../policies.ts';
import { RenderCache } from '../render-cache.ts';
import { IdParams, StatusList, Year } from '../schemas.ts';
import { DEFAULT_STATUSES, department } from './departments.ts';

/**
 * The writers' media types, for the OpenAPI document (the writers themselves load lazily). The
 * test checks each download's Content-Type against this table.
 */
export const MEDIA_TYPES: Record<WriteFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  csv: 'text/csv; charset=utf-8',
  html: 'text/html; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

const Format = z.enum(WRITE_FORMATS as [WriteFormat, ...WriteFormat[]]).openapi({
  description:
    '文件格式：pdf（公开文本版式）、xlsx（Excel）、docx（Word）、csv（每个指标一行，UTF-8 带 BOM）、html、json（规范格式 jixiao.disclosure/1）',
  example: 'pdf',
});

const Binary = z.string().openapi({ type: 'string', format: 'binary' });

/** The 200 of a download: the file in any of the formats, as an attachment. */
function fileResponse(description: string) {
  const content: Record<string, { schema: typeof Binary }> = {};
  for (const type of Object.values(MEDIA_TYPES)) content[type.split(';')[0] as string] = { schema: Binary };
  return {
    description,
    headers: z.object({
      'Content-Disposition': z.string().openapi({
        description:
          'attachment; filename="<ASCII 文件名>"; filename*=UTF-8\'\'<百分号编码的中文文件名>（RFC 6266 / RFC 5987）',
      }),
    }),
    content,
  };
}

const projectExportRoute = createRoute({
  method: 'get',
  path: '/api/projects/{id}/export',
  tags: ['项目'],
  summary: '下载一个项目（当前修订或指定修订）：PDF、Excel、Word、CSV、HTML 或规范格式 JSON',
  description:
    '文件为只含本项目的公开文本（项目经费情况说明与绩效目标申报表），不含部门汇总段落。可见范围同查看项目。文件名为项目名称。',
  ...secured,
  request: {
    params: IdParams,
    query: z.object({ format: Format, revision: z.coerce.number().int().positive().optional() }),
  },
  responses: { 200: fileResponse('文件（附件下载）'), ...errorResponses(400, 401, 404) },
});

const departmentExportRoute = createRoute({
  method: 'get',
  path: '/api/departments/{id}/export',
  tags: ['部门'],
  summary: '下载部门当前各项目组成的公开文本（含汇总段落）：PDF、Excel、Word、CSV、HTML 或规范格式 JSON',
  description:
    '项目与 GET /api/departments/{id}/disclosure 相同（status 默认为除“未通过”外的全部状态），汇总段落按这些项目计算。文件名为「部门名称-YYYY年项目绩效目标」。',
  ...secured,
  request: {
    params: IdParams,
    query: z.object({ year: Year, format: Format, status: StatusList.optional() }),
  },
  responses: { 200: fileResponse('文件（附件下载）'), ...errorResponses(400, 401, 403, 404) },
});

const templateRoute = createRoute({
  method: 'get',
  path: '/api/departments/{id}/template',
  tags: ['部门'],
  summary: '下载空白的 Excel 填报模板（每个绩效指标一行，带下拉选项），供预算单位填写后导入',
  description:
    '模板的「汇总」工作表写明部门和年度，「指标」工作表为表头和下拉选项。填好后可用导入接口（format=xlsx）读入，逐格报告错误。本部门及其预算单位、财政和管理员均可下载。',
  ...secured,
  request: { params: IdParams, query: z.object({ year: Year }) },
  responses: { 200: fileResponse('Excel 模板（附件下载）'), ...errorResponses(400, 401, 404) },
});

const publicationExportRoute = createRoute({
  method: 'get',
  path: '/api/public/publications/{id}/export',
  tags: ['公开'],
  summary: '下载一份公开文件（发布时冻结的文本）：PDF、Excel、Word、CSV、HTML 或规范格式 JSON（无需登录）',
  request: { params: IdParams, query: z.object({ format: Format }) },
  responses: { 200: fileResponse('文件（附件下载）'), ...errorResponses(400, 404) },
});

/** Characters no file system or browser keeps in a file name. */
const UNSAFE_NAME = /[\\/:*?"<>|\u0000-\u001f\u007f]+/g;

/** `name` made safe as a file name (at most 80 characters), or null when nothing is left. */
function safeName(name: string): string | null {
  // no leading dot (a hidden file, `..`), no trailing dot or space (Windows drops them)
  const trim = (x: string) => x.replace(/^[.\s]+|[.\s]+$/g, '');
  const cleaned = trim(name.replace(UNSAFE_NAME, '_').replace(/\s+/g, ' '));
  const short = trim([...cleaned].slice(0, 80).join(''));
  return short === '' ? null : short;
}

/** RFC 5987 `value-chars`: what encodeURIComponent leaves but attr-char does not allow, escaped too. */
const encodeRfc5987 = (s: string) =>
  encodeURIComponent(s).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * The Content-Disposition of a download: the Chinese name in `filename*` (every current browser
 * uses it) and an ASCII `fallback` in `filename` for clients that do not.
 */
export function contentDisposition(name: string, fallback: string, extension: string): string {
  const full = `${safeName(name) ?? fallback}.${extension}`;
  return `attachment; filename="${fallback}.${extension}"; filename*=UTF-8''${encodeRfc5987(full)}`;
}

/**
 * The file as the route's response. `Cache-Control` is set here so that the app's `no-store`
 * default leaves it alone: private documents are never stored; a publication never changes, so a
 * public download may be cached for a while (an hour, in case publications are ever withdrawn).
 */
async function sendFile<R extends RouteConfig>(
  c: Context<AppEnv>,
  disclosure: Disclosure | (() => Disclosure),
  format: WriteFormat,
  name: { chinese: string; ascii: string },
  visibility: 'private' | { public: string },
): Promise<RouteConfigToTypedResponse<R>> {
  const render = () => writeDisclosure(typeof disclosure === 'function' ? disclosure() : disclosure, format);
  const file =
    visibility === 'private' ? await render() : await published.get(`${visibility.public}:${format}`, render);
  // typed as route R's response, as `jsonText` does: the route types cannot describe bytes
  return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
    'Content-Type': file.mediaType,
    'Content-Disposition': contentDisposition(name.chinese, name.ascii, file.extension),
    'Cache-Control': visibility === 'private' ? 'private, no-store' : 'public, max-age=3600',
    // An HTML download opened from the server's origin runs nothing and reaches nothing.
    'Content-Security-Policy': "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:",
  }) as unknown as RouteConfigToTypedResponse<R>;
}

/** The disclosure with its summary paragraph computed from its projects (as publishing does). */
function withComputedSummary(d: Disclosure): Disclosure {
  const { totalYuan: _yuan, ...figures } = summarizeDisclosure(d).computed;
  return { ...d, summary: figures };
}

/** Published documents as rendered, per process (see RenderCache). */
const published = new RenderCache();

export function fileRoutes(app: OpenAPIHono<AppEnv>, db: Db): void {
  app.openapi(projectExportRoute, async (c) => {
    const me = requirePrincipal(c);
    const { id } = c.req.valid('param');
    const { format, revision } = c.req.valid('query');
    const detail = await getProject(db, id, revision, (place) => can.viewProject(me, place));
    const dept = await getOrganization(db, detail.departmentId);
    const disclosure: Disclosure = {
      format: FORMAT,
      year: detail.year,
      department: dept.name,
      summary: null,
      projects: [detail.project],
    };
    const title = detail.project.form.name || detail.name;
    const old = revision !== undefined && revision !== detail.currentRevision;
    return sendFile<typeof projectExportRoute>(
      c,
      disclosure,
      format,
      {
        chinese: old ? `${title}（修订${revision}）` : title,
        ascii: old ? `project-${id}-r${revision}` : `project-${id}`,
      },
      'private',
    );
  });

  app.openapi(departmentExportRoute, async (c) => {
    const me = requirePrincipal(c);
    const { id } = c.req.valid('param');
    const { year, format, status = DEFAULT_STATUSES } = c.req.valid('query');
    const dept = await department(db, id);
    can.readDepartment(me, dept);
    const disclosure = withComputedSummary(await departmentDisclosure(db, id, year, status));
    return sendFile<typeof departmentExportRoute>(
      c,
      disclosure,
      format,
      { chinese: `${dept.name}-${year}年项目绩效目标`, ascii: `department-${id}-${year}` },
      'private',
    );
  });

  app.openapi(templateRoute, async (c) => {
    const me = requirePrincipal(c);
    const { id } = c.req.valid('param');
    const { year } = c.req.valid('query');
    const dept = await department(db, id);
    can.fillTemplate(me, dept);
    const bytes = await writeFlatTemplate(dept.name, year);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': MEDIA_TYPES.xlsx,
      'Content-Disposition': contentDisposition(
        `${dept.name}-${year}年绩效目标填报模板`,
        `template-${id}-${year}`,
        'xlsx',
      ),
      'Cache-Control': 'private, no-store',
    }) as unknown as RouteConfigToTypedResponse<typeof templateRoute>;
  });

  app.openapi(publicationExportRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { format } = c.req.valid('query');
    const publication = await getPublication(db, id);
    return sendFile<typeof publicationExportRoute>(
      c,
      () => decodeDisclosure(publication.snapshot),
      format,
      {
        // as published: the snapshot's own department name, whatever the department is called now
        chinese: `${(publication.snapshot as { department?: string }).department ?? publication.departmentName}-${publication.year}年项目绩效目标（公开第${publication.version}版）`,
        ascii: `publication-${id}-v${publication.version}`,
      },
      // a snapshot never changes: rendered once per format (the time tells a reused id apart)
      { public: `${id}@${publication.publishedAt.toISOString()}` },
    );
  });
}
