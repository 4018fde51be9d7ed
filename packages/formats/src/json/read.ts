/**
 * The two text readers: canonical JSON (`jixiao.disclosure/1`) and the disclosure text as extracted
 * from a PDF (through core's text importer). Both decode UTF-8 strictly first, so a binary or GBK
 * file is named as such (with its line) instead of being read as garbage. Neither throws on bad
 * input: everything wrong comes back as diagnostics that name the line (and column, field path).
 */
import { type Diagnostic, importDisclosureText, safeDecodeDisclosure } from '@jixiao/core';
import type { Reader } from '../types.ts';
import { decodeUtf8 } from './decode-text.ts';
import { findJsonSyntaxError, formatPath, jsonValueLines, lineOfPath } from './locate.ts';
import { describeIssues } from './schema-issues.ts';

/** Stable codes of the diagnostics these readers add to core's importer codes. */
export const TEXT_CODES = {
  /** NUL bytes: a binary file (a PDF or workbook with the wrong extension) */
  BINARY: 'INPUT_BINARY',
  /** bytes that are not UTF-8 (typically a GBK export) */
  NOT_UTF8: 'INPUT_NOT_UTF8',
  JSON_SYNTAX: 'JSON_SYNTAX',
  /** valid JSON, but not an object with a `format` key: some other JSON file */
  JSON_NOT_DISCLOSURE: 'JSON_NOT_DISCLOSURE',
  /** one per schema issue, `field` the model path */
  JSON_SCHEMA: 'JSON_SCHEMA',
} as const;

/** Canonical JSON: UTF-8 (a BOM is tolerated), validated and decoded into the model. */
export const jsonReader: Reader = {
  async read(bytes) {
    const decoded = decode(bytes);
    if ('failure' in decoded) return { disclosure: null, diagnostics: [decoded.failure] };
    const text = decoded.text;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      // JSON.parse names only an offset, and not in every engine; the scanner gives line and column.
      const at = findJsonSyntaxError(text) ?? {
        line: 1,
        column: 1,
        reason: e instanceof Error ? e.message : String(e),
      };
      return {
        disclosure: null,
        diagnostics: [
          {
            code: TEXT_CODES.JSON_SYNTAX,
            severity: 'error',
            message: `第${at.line}行第${at.column}列：JSON 语法错误：${at.reason}`,
            line: at.line,
          },
        ],
      };
    }
    if (json === null || typeof json !== 'object' || Array.isArray(json) || !Object.hasOwn(json, 'format')) {
      return {
        disclosure: null,
        diagnostics: [
          {
            code: TEXT_CODES.JSON_NOT_DISCLOSURE,
            severity: 'error',
            message: '不是 jixiao 公开文件：顶层应为带有 "format": "jixiao.disclosure/1" 的对象',
            line: 1,
          },
        ],
      };
    }
    const result = safeDecodeDisclosure(json);
    if (result.success) return { disclosure: result.data, diagnostics: [] };
    const lines = jsonValueLines(text);
    const issues = result.error.issues;
    const messages = describeIssues(issues, json, lines);
    return {
      disclosure: null,
      diagnostics: issues.map((issue, i): Diagnostic => {
        const line = lineOfPath(lines, issue.path);
        return {
          code: TEXT_CODES.JSON_SCHEMA,
          severity: 'error',
          message: messages[i] ?? issue.message,
          field: formatPath(issue.path),
          ...(line === null ? {} : { line }),
        };
      }),
    };
  },
};

/** The disclosure text (as extracted from the published PDF), through core's text importer. */
export const textReader: Reader = {
  async read(bytes, options) {
    const decoded = decode(bytes);
    if ('failure' in decoded) return { disclosure: null, diagnostics: [decoded.failure] };
    return importDisclosureText(
      decoded.text,
      options?.source === undefined ? {} : { source: options.source },
    );
  },
};

function decode(bytes: Uint8Array): { text: string } | { failure: Diagnostic } {
  const decoded = decodeUtf8(bytes);
  if ('text' in decoded) return decoded;
  const { line, binary } = decoded.notText;
  return {
    failure: binary
      ? {
          code: TEXT_CODES.BINARY,
          severity: 'error',
          message: `第${line}行含有 NUL 字节：这是二进制文件，不是文本`,
          line,
        }
      : {
          code: TEXT_CODES.NOT_UTF8,
          severity: 'error',
          message: `第${line}行含有无法按 UTF-8 解码的字节：不是 UTF-8 文本`,
          line,
        },
  };
}
