/**
 * Importing a disclosure file into a department: as drafts (one transaction), or as a preview that
 * reads and reviews the file and writes nothing, for the web app's import page to show what was
 * read before it is saved.
 *
 * The preview is its own route rather than a `dryRun` flag on the import: the two answer different
 * things (201 with new ids vs 200 with the document read and its findings), and a separate route
 * gives each its own response schema in the OpenAPI document and the typed client.
 */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  type Diagnostic as CoreDiagnostic,
  countBySeverity,
  type Disclosure,
  encodeDisclosure,
  importDisclosureText,
  reviewDisclosure,
} from '@jixiao/core';
import { readDisclosure } from '@jixiao/formats';
import { type Db, importDisclosure, StoreError } from '@jixiao/store';
import { type AppEnv, actorOf, requirePrincipal, secured } from '../auth.ts';
import { ApiError, errorResponses } from '../errors.ts';
import { can } from '../policies.ts';
import { DisclosureInput, DisclosureJson, Finding, IdParams, jsonBody, jsonResponse } from '../schemas.ts';
import { department } from './departments.ts';

/** The largest file accepted as base64 (pdf, xlsx); app.ts sizes the body limit from it. */
export const MAX_FILE_MB = 10;

const Diagnostic = z
  .object({
    code: z.string(),
    severity: z.enum(['error', 'warning', 'info']),
    message: z.string(),
    line: z.number().optional(),
    field: z.string().optional(),
    ruleId: z.string().optional(),
  })
  .openapi('Diagnostic');

const FileName = z.string().max(200).optional().openapi({ description: '原文件名，仅用于提示信息' });

/** Strict base64: the standard alphabet with its `=` padding, no whitespace, no `data:` prefix. */
const fileData = (mediaType: string) =>
  z
    .base64('文件内容应为标准 Base64 编码（A–Z、a–z、0–9、+、/，以 = 补足，不含空白与 data: 前缀）')
    .min(1, '文件内容为空')
    // OpenAPI 3.1 keywords for bytes in a JSON string, which the generator's 3.0 types leave out
    .openapi({
      description: `文件内容的 Base64 编码（文件上限 ${MAX_FILE_MB} MB）`,
      ...({ contentEncoding: 'base64', contentMediaType: mediaType } as object),
    });

const ImportRequest = z
  .discriminatedUnion('format', [
    z.object({ format: z.literal('text'), text: z.string().min(1), fileName: FileName }),
    z.object({ format: z.literal('json'), disclosure: DisclosureInput }),
    z.object({ format: z.literal('pdf'), data: fileData('application/pdf'), fileName: FileName }),
    z.object({
      format: z.literal('xlsx'),
      data: fileData('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
      fileName: FileName,
    }),
  ])
  .openapi('ImportRequest', {
    description:
      'format=text：PDF 提取的文本（.txt）；json：规范格式 jixiao.disclosure/1；pdf、xlsx：文件本身，Base64 编码放在 data 中。',
  });
type ImportRequest = z.infer<typeof ImportRequest>;

const LIMITS = `文件上限 ${MAX_FILE_MB} MB（Base64 编码后约大三分之一，请求体上限 ${Math.ceil((MAX_FILE_MB * 4) / 3)} MB）。`;

const importRoute = createRoute({
  method: 'post',
  path: '/api/departments/{id}/imports',
  tags: ['部门'],
  summary: '导入公开文件为本部门的项目草稿（一个事务：失败则不写入任何数据）',
  description: `文件可为提取的文本、规范格式 JSON、PDF 或 Excel（见 ImportRequest）。读取出错则 400 IMPORT_FAILED，details.diagnostics 列出错误。${LIMITS}`,
  ...secured,
  request: { params: IdParams, body: jsonBody(ImportRequest) },
  responses: {
    201: jsonResponse(
      z.object({
        projectIds: z.array(z.number()),
        unitIds: z.array(z.number()),
        newUnits: z.array(z.string()).openapi({ description: '本次新建的预算单位（按文件中的实施单位）' }),
        diagnostics: z.array(Diagnostic),
      }),
      '已导入；diagnostics 为读取时的提示',
    ),
    ...errorResponses(400, 401, 403, 404, 409, 413),
  },
});

const previewRoute = createRoute({
  method: 'post',
  path: '/api/departments/{id}/imports/preview',
  tags: ['部门'],
  summary: '预览导入：读取并审核文件，不写入任何数据',
  description: `请求体与导入相同。返回读出的规范格式文本、读取提示与审核发现（路径相对于整份文件，如 projects[0].form.funds.total），供保存前核对。导入的各项检查（预算年度是否开放、实施单位等）也照样进行但不保存：importable 为 false 时 diagnostics 中有说明。${LIMITS}`,
  ...secured,
  request: { params: IdParams, body: jsonBody(ImportRequest) },
  responses: {
    200: jsonResponse(
      z
        .object({
          disclosure: DisclosureJson,
          diagnostics: z.array(Diagnostic),
          importable: z.boolean().openapi({ description: '按现在的数据能否导入（与真正导入做同样的检查）' }),
          newUnits: z.array(z.string()).openapi({ description: '导入时将新建的预算单位' }),
          findings: z.array(Finding),
          counts: z.object({ error: z.number(), warn: z.number(), info: z.number() }),
        })
        .openapi('ImportPreview'),
      '读出的文件、读取提示与审核结果',
    ),
    ...errorResponses(400, 401, 403, 404, 413),
  },
});

/**
 * The disclosure a request carries, read by the reader of its format.
 * @throws IMPORT_FAILED with the error diagnostics in `details.diagnostics` when it cannot be read
 */
async function readRequest(
  body: ImportRequest,
): Promise<{ disclosure: Disclosure; diagnostics: CoreDiagnostic[] }> {
  if (body.format === 'json') return { disclosure: body.disclosure, diagnostics: [] };
  const source = body.fileName ? { source: body.fileName } : {};
  const read =
    body.format === 'text'
      ? importDisclosureText(body.text, source)
      : await readDisclosure(new Uint8Array(Buffer.from(body.data, 'base64')), body.format, source);
  const errors = read.diagnostics.filter((d) => d.severity === 'error');
  if (!read.disclosure || errors.length > 0) {
    // readers leave the file name out of their messages; name it here, as the CLI does
    const first = errors[0]?.message;
    const named = first && 'fileName' in body && body.fileName ? `${body.fileName}：${first}` : first;
    throw new ApiError('IMPORT_FAILED', named, { details: { diagnostics: errors } });
  }
  return { disclosure: read.disclosure, diagnostics: read.diagnostics };
}

export function importRoutes(app: OpenAPIHono<AppEnv>, db: Db): void {
  app.openapi(importRoute, async (c) => {
    const me = requirePrincipal(c);
    const { id } = c.req.valid('param');
    can.importInto(me, await department(db, id));
    const { disclosure, diagnostics } = await readRequest(c.req.valid('json'));
    const result = await importDisclosure(db, { departmentId: id, disclosure, actor: actorOf(me) });
    return c.json({ ...result, diagnostics }, 201);
  });

  app.openapi(previewRoute, async (c) => {
    const me = requirePrincipal(c);
    const { id } = c.req.valid('param');
    // the same policy as the import: previewing is the first half of importing
    can.importInto(me, await department(db, id));
    const { disclosure, diagnostics } = await readRequest(c.req.valid('json'));
    // every check the import makes (open year, 实施单位, schema), rolled back: what saving would do
    let importable = true;
    let newUnits: string[] = [];
    try {
      ({ newUnits } = await importDisclosure(db, {
        departmentId: id,
        disclosure,
        actor: actorOf(me),
        dryRun: true,
      }));
    } catch (e) {
      if (!(e instanceof StoreError)) throw e;
      importable = false;
      diagnostics.push({ code: `IMPORT_${e.code}`, severity: 'error', message: e.message });
    }
    // the whole file reviewed together, as the import does before it splits findings by project
    const raw = reviewDisclosure(disclosure);
    return c.json(
      {
        disclosure: encodeDisclosure(disclosure),
        diagnostics,
        importable,
        newUnits,
        findings: raw.map((f) => ({ ...f, data: f.data as Record<string, unknown> })),
        counts: countBySeverity(raw),
      },
      200,
    );
  });
}
