/**
 * The API's error catalogue and its one translation point. Every error a client sees is
 * `{ error: { code, message, fields?, details? } }` with a stable code, a Chinese message and, for
 * invalid input, the field paths. Unknown errors become a generic 500 with no internals.
 */
import { z } from '@hono/zod-openapi';
import { StoreError } from '@jixiao/store';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

// Zod's own messages in Chinese, for the `fields` of a 400.
z.config(z.locales.zhCN());

export const ERRORS = {
  VALIDATION: { status: 400, message: '请求内容不符合要求，请检查标出的字段' },
  BAD_JSON: { status: 400, message: '请求体不是有效的 JSON' },
  IMPORT_FAILED: { status: 400, message: '导入失败：文件无法读取为项目绩效目标公开文本' },
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  INVALID_CREDENTIALS: { status: 401, message: '用户名或密码错误' },
  CSRF_FAILED: {
    status: 403,
    message: '请求来源校验失败（缺少或错误的 X-CSRF-Token，或来源站点不符），请刷新页面后重试',
  },
  FORBIDDEN: { status: 403, message: '无权执行此操作' },
  NOT_FOUND: { status: 404, message: '请求的资源不存在，或你无权访问' },
  CONFLICT: { status: 409, message: '数据已被他人修改，你的修改未保存，请刷新后重试' },
  INVALID_TRANSITION: { status: 409, message: '当前状态下不能执行此操作' },
  NOT_EDITABLE: { status: 409, message: '只有草稿或已退回的项目可以修改' },
  DUPLICATE: { status: 409, message: '已存在同名记录' },
  YEAR_CLOSED: { status: 409, message: '该预算年度已关闭编报' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '请求体过大' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '请求体应为 JSON（Content-Type: application/json）' },
  RATE_LIMITED: { status: 429, message: '登录尝试过于频繁，请稍后再试' },
  INTERNAL: { status: 500, message: '服务器内部错误，请稍后重试' },
} as const satisfies Record<string, { status: ContentfulStatusCode; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

export interface FieldError {
  path: string;
  message: string;
}

/** An error the API means to show: a catalogue code, optionally a more precise message. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: ContentfulStatusCode;
  readonly fields: FieldError[] | undefined;
  readonly details: Record<string, unknown> | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(
    code: ErrorCode,
    message?: string,
    extra: {
      fields?: FieldError[];
      details?: Record<string, unknown>;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(message ?? ERRORS[code].message);
    this.name = 'ApiError';
    this.code = code;
    this.status = ERRORS[code].status;
    this.fields = extra.fields;
    this.details = extra.details;
    this.headers = extra.headers;
  }
}

/** The error body, for the OpenAPI document. */
export const ErrorBody = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(ERRORS) as [ErrorCode, ...ErrorCode[]]),
      message: z.string(),
      fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .openapi('Error');

const DESCRIPTIONS: Record<number, string> = {
  400: '请求内容不符合要求（fields 列出字段）',
  401: '未登录',
  403: '无权执行，或请求来源校验失败',
  404: '不存在或无权访问',
  409: '版本冲突或状态不允许',
  413: '请求体过大',
  429: '尝试过于频繁',
};

/** OpenAPI `responses` entries for the error statuses a route can give. */
export function errorResponses<S extends number>(...statuses: S[]) {
  const out = {} as Record<
    S,
    { description: string; content: { 'application/json': { schema: typeof ErrorBody } } }
  >;
  for (const s of statuses) {
    out[s] = {
      description: DESCRIPTIONS[s] ?? '错误',
      content: { 'application/json': { schema: ErrorBody } },
    };
  }
  return out;
}

/** `projects[3].form.funds.total` from a zod issue path. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out;
}

function fromStoreFields(details: Record<string, unknown>, message: string): FieldError[] | undefined {
  const fields = details.fields;
  if (!Array.isArray(fields)) return undefined;
  return fields.map((f: { path?: unknown; message?: unknown }) => ({
    path: String(f.path ?? ''),
    message: typeof f.message === 'string' ? f.message : message,
  }));
}

/** Whatever was thrown, as a catalogue error. Unknown errors are logged here and hidden. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof StoreError) {
    const code = (err.code in ERRORS ? err.code : 'VALIDATION') as ErrorCode;
    const { fields: _f, ...details } = err.details;
    const fields = fromStoreFields(err.details, err.message);
    return new ApiError(code, err.message, {
      ...(fields ? { fields } : {}),
      ...(Object.keys(details).length > 0 ? { details } : {}),
    });
  }
  if (err instanceof z.ZodError) {
    return new ApiError('VALIDATION', undefined, {
      fields: err.issues.map((i) => ({ path: fieldPath(i.path), message: i.message })),
    });
  }
  if (err instanceof HTTPException) {
    if (err.status === 413) return new ApiError('PAYLOAD_TOO_LARGE');
    if (err.status === 400) return new ApiError(/json/i.test(err.message) ? 'BAD_JSON' : 'VALIDATION');
    if (err.status === 401) return new ApiError('UNAUTHENTICATED');
    if (err.status === 403) return new ApiError('FORBIDDEN');
    if (err.status === 404) return new ApiError('NOT_FOUND');
    if (err.status === 415) return new ApiError('UNSUPPORTED_MEDIA_TYPE');
  }
  const sqlState = databaseErrorCode(err);
  // Data exceptions (class 22: a NUL in text, a number out of range) are the request's fault.
  if (sqlState?.startsWith('22')) {
    return new ApiError('VALIDATION', '请求中的数据无法保存：含有不允许的字符，或数值超出范围');
  }
  if (sqlState === '23505') return new ApiError('DUPLICATE');
  // Logged for operators (without the query's parameters); the client learns nothing.
  console.error(
    '[jixiao] unhandled error:',
    err instanceof Error ? (err.stack ?? err.message).slice(0, 2000) : err,
  );
  return new ApiError('INTERNAL');
}

/** The SQLSTATE of a database error, also when wrapped (drizzle puts the driver's error in `cause`). */
function databaseErrorCode(err: unknown): string | undefined {
  for (
    let e = err, depth = 0;
    e && typeof e === 'object' && depth < 3;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/** The error response for a thrown value (the app's `onError`). */
export function errorResponse(err: unknown, c: Context): Response {
  const e = toApiError(err);
  for (const [k, v] of Object.entries(e.headers ?? {})) c.header(k, v);
  return c.json(
    {
      error: {
        code: e.code,
        message: e.message,
        ...(e.fields ? { fields: e.fields } : {}),
        ...(e.details ? { details: e.details } : {}),
      },
    },
    e.status,
  );
}
