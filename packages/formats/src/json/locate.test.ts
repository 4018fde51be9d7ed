import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError, formatPath, jsonValueLines, lineOfPath } from './locate.ts';

describe('findJsonSyntaxError', () => {
  it.each([
    ['{"a":1}', null],
    ['[1, 2.5e3, -0, "x\\u00e9", true, false, null]', null],
    ['{"a":1,}', { line: 1, column: 8, reason: '最后一个属性后面多了逗号' }],
    ['{\n  "a": 1\n  "b": 2\n}', { line: 3, column: 3, reason: '属性值后面应为逗号或 }' }],
    ['[1,\n2', { line: 2, column: 2, reason: '内容意外结束，缺少 ]' }],
    ['', { line: 1, column: 1, reason: '内容意外结束，JSON 不完整' }],
    ["{'a':1}", { line: 1, column: 2, reason: '应为用双引号括起的属性名' }],
    ['{"a":"x\ny"}', { line: 1, column: 8, reason: '字符串中有未转义的控制字符（如换行）' }],
    ['{"a":1}\nx', { line: 2, column: 1, reason: 'JSON 已经结束，后面还有多余的内容' }],
    ['{"a" 1}', { line: 1, column: 6, reason: '属性名 "a" 后面应为冒号' }],
  ])('locates the first error in %j', (text, expected) => {
    expect(findJsonSyntaxError(text)).toEqual(expected);
  });

  it('agrees with JSON.parse on what is valid', () => {
    for (const text of ['{"a":[1,{"b":null}]}', '"s"', '1', '{"a":01}', '[1 2]', '{"a":"\\x"}']) {
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      expect(findJsonSyntaxError(text) === null).toBe(valid);
    }
  });
});

describe('jsonValueLines', () => {
  const text = '{\n  "projects": [\n    {\n      "form": {\n        "name": "x"\n      }\n    }\n  ]\n}\n';

  it('gives the line of each value by model path', () => {
    const lines = jsonValueLines(text);
    expect(lines.get('')).toBe(1);
    expect(lines.get('projects')).toBe(2);
    expect(lines.get('projects[0]')).toBe(3);
    expect(lines.get('projects[0].form.name')).toBe(5);
  });

  it('falls back to the nearest ancestor for a missing key', () => {
    expect(lineOfPath(jsonValueLines(text), ['projects', 0, 'form', 'year'])).toBe(4);
  });
});

describe('formatPath', () => {
  it('prints paths the way findings do', () => {
    expect(formatPath(['projects', 3, 'form', 'funds', 'total'])).toBe('projects[3].form.funds.total');
    expect(formatPath([])).toBe('');
    expect(formatPath(['a b'])).toBe('["a b"]');
  });
});
