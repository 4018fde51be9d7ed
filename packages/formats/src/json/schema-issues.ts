/**
 * Zod's issues for a JSON disclosure, in Chinese, each naming the model path and the line:
 * `projects[0].form.funds.total（第42行）：应为两位小数的元金额字符串（如 "5850000.00"），实际为数字 5850000`.
 */
import { FUND_FIELDS, type safeDecodeDisclosure } from '@jixiao/core';
import { formatPath, lineOfPath } from './locate.ts';

/** One issue, as `safeDecodeDisclosure` reports it (typed from core, so formats needs no zod of its own). */
export type SchemaIssue = NonNullable<ReturnType<typeof safeDecodeDisclosure>['error']>['issues'][number];

/** The fields that hold money: the funds and the 说明's budget. */
const MONEY_FIELDS = new Set<string>([...FUND_FIELDS, 'budgetYuan']);
const MONEY = '两位小数的元金额字符串（如 "5850000.00"）';

const TYPE_NAMES: Record<string, string> = {
  string: '字符串',
  number: '数字',
  int: '整数',
  boolean: '布尔值',
  object: '对象',
  array: '数组',
  null: 'null',
};

/** Describes each issue in Chinese; `lines` (from `jsonValueLines`) adds the line when known. */
export function describeIssues(
  issues: readonly SchemaIssue[],
  json: unknown,
  lines: ReadonlyMap<string, number>,
): string[] {
  return issues.map((issue) => {
    const where = formatPath(issue.path) || '（顶层）';
    const line = lineOfPath(lines, issue.path);
    return `${where}${line === null ? '' : `（第${line}行）`}：${describeIssue(issue, valueAt(json, issue.path))}`;
  });
}

function describeIssue(issue: SchemaIssue, value: unknown): string {
  const last = issue.path.at(-1);
  const isMoney = typeof last === 'string' && MONEY_FIELDS.has(last);
  const actual = `，实际为${describeValue(value)}`;
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return '缺少必填字段';
      if (isMoney) return `应为${MONEY}或 null${actual}`;
      return `应为${TYPE_NAMES[issue.expected] ?? issue.expected}${actual}`;
    case 'invalid_format':
      if (issue.format === 'date') return `应为 YYYY-MM-DD 格式的有效日期${actual}`;
      if (isMoney) return `应为${MONEY}${actual}`;
      if (issue.format === 'regex') return `应为十进制数字字符串（如 "4.00"）${actual}`;
      return `格式不正确${actual}`;
    case 'unrecognized_keys':
      return `有格式中没有定义的字段：${issue.keys.map((k) => `"${k}"`).join('、')}`;
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return '不能为空';
      if (issue.origin === 'array') return `至少应有 ${issue.minimum} 项`;
      return `应不小于 ${issue.minimum}${actual}`;
    case 'too_big':
      if (issue.origin === 'array') return `至多应有 ${issue.maximum} 项`;
      return `应不大于 ${issue.maximum}${actual}`;
    case 'invalid_value':
      return `${oneOf(issue.values)}${actual}`;
    case 'invalid_union': {
      const options = (issue as { options?: unknown[] }).options;
      if (Array.isArray(options)) return `${oneOf(options)}${actual}`;
      return `不符合任何一种允许的写法${actual}`;
    }
    case 'custom':
      return issue.message;
    default:
      return `不符合要求（${issue.message}）`;
  }
}

function oneOf(values: readonly unknown[]): string {
  const shown = values.map((v) => JSON.stringify(v));
  return shown.length === 1 ? `应为 ${shown[0]}` : `应为以下之一：${shown.join('、')}`;
}

function describeValue(value: unknown): string {
  if (value === undefined) return '空缺';
  if (value === null) return ' null';
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return `字符串 ${JSON.stringify(shown)}`;
  }
  if (typeof value === 'number') return `数字 ${value}`;
  if (typeof value === 'boolean') return `布尔值 ${value}`;
  return Array.isArray(value) ? '数组' : '对象';
}

function valueAt(json: unknown, path: readonly PropertyKey[]): unknown {
  let v = json;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    if (!Object.hasOwn(v, key)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}
