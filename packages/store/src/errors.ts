/**
 * The store's error catalogue: a stable code, the HTTP status it maps to, and a Chinese message
 * that names what and where. The server maps these in one place; anything else is a 500.
 */
export type StoreErrorCode =
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'INVALID_TRANSITION'
  | 'NOT_EDITABLE'
  | 'VALIDATION'
  | 'IMPORT_FAILED'
  | 'DUPLICATE'
  | 'YEAR_CLOSED';

const STATUS: Record<StoreErrorCode, number> = {
  NOT_FOUND: 404,
  CONFLICT: 409,
  FORBIDDEN: 403,
  INVALID_TRANSITION: 409,
  NOT_EDITABLE: 409,
  VALIDATION: 400,
  IMPORT_FAILED: 400,
  DUPLICATE: 409,
  YEAR_CLOSED: 409,
};

export class StoreError extends Error {
  readonly code: StoreErrorCode;
  readonly status: number;
  readonly details: Record<string, unknown>;

  constructor(code: StoreErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'StoreError';
    this.code = code;
    this.status = STATUS[code];
    this.details = details;
  }
}

export const notFound = (what: string, id: string | number) =>
  new StoreError('NOT_FOUND', `${what}（${id}）不存在`, { what, id });

/** A write named a version that is no longer current: nothing was changed. */
export const conflict = (projectId: number, expected: number, actual: number) =>
  new StoreError(
    'CONFLICT',
    `项目 ${projectId} 已被他人修改（你编辑的是第 ${expected} 版，当前为第 ${actual} 版），你的修改未保存，请刷新后重试`,
    { projectId, expectedVersion: expected, currentVersion: actual },
  );
