/**
 * Where things are in a JSON text. `JSON.parse` says only "at position 1234" (and for some errors
 * nothing at all), so a small scanner finds the first syntax error with its line and column, and
 * the position of each value by its model path, to name the line of a schema issue.
 * Used only after a failure: speed does not matter, clarity does.
 */

/** A JSON syntax error, 1-based line and column. */
export interface JsonSyntaxError {
  line: number;
  column: number;
  /** Chinese */
  reason: string;
}

/** A path as the model and findings print it: `projects[3].form.funds.total`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** 1-based line and column of an offset in a text. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** The first syntax error in `text`, or `null` when it is valid JSON (or too deeply nested to scan). */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  try {
    new Scanner(text).document();
    return null;
  } catch (e) {
    if (!(e instanceof SyntaxFailure)) return null;
    return { ...lineColumn(text, e.offset), reason: e.reason };
  }
}

/**
 * The 1-based line of every value in a valid JSON text, by model path (`''` for the root).
 * Empty when the text cannot be scanned.
 */
export function jsonValueLines(text: string): Map<string, number> {
  const offsets = new Map<string, number>();
  try {
    new Scanner(text, offsets).document();
  } catch {
    return new Map();
  }
  // Offsets come in document order: one pass over the text gives every line.
  const lines = new Map<string, number>();
  let line = 1;
  let at = 0;
  for (const [path, offset] of offsets) {
    for (let i = text.indexOf('\n', at); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
      line++;
      at = i + 1;
    }
    lines.set(path, line);
  }
  return lines;
}

/** The line of the value at `path`, or of its nearest ancestor present in the text (a missing key). */
export function lineOfPath(lines: ReadonlyMap<string, number>, path: readonly PropertyKey[]): number | null {
  for (let n = path.length; n >= 0; n--) {
    const line = lines.get(formatPath(path.slice(0, n)));
    if (line !== undefined) return line;
  }
  return null;
}

class SyntaxFailure extends Error {
  constructor(
    readonly reason: string,
    readonly offset: number,
  ) {
    super(reason);
  }
}

const NUMBER_RE = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

class Scanner {
  private pos = 0;

  constructor(
    private readonly text: string,
    private readonly offsets?: Map<string, number>,
  ) {}

  document(): void {
    this.value([]);
    this.space();
    if (this.pos < this.text.length) this.fail('JSON 已经结束，后面还有多余的内容');
  }

  private fail(reason: string, at = this.pos): never {
    throw new SyntaxFailure(reason, at);
  }

  private space(): void {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t.charCodeAt(this.pos);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) break;
      this.pos++;
    }
  }

  private value(path: PropertyKey[]): void {
    this.space();
    this.offsets?.set(formatPath(path), this.pos);
    const c = this.text[this.pos];
    if (c === undefined) this.fail('内容意外结束，JSON 不完整');
    if (c === '{') this.object(path);
    else if (c === '[') this.array(path);
    else if (c === '"') this.string();
    else if (c === '-' || (c >= '0' && c <= '9')) this.number();
    else this.word(c);
  }

  private word(c: string): void {
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return;
      }
    }
    if (c === "'") this.fail('字符串应使用双引号');
    this.fail(`意外的字符「${c}」`);
  }

  private object(path: PropertyKey[]): void {
    this.pos++; // {
    this.space();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return;
    }
    for (;;) {
      this.space();
      if (this.text[this.pos] !== '"') {
        this.fail(this.text[this.pos] === '}' ? '最后一个属性后面多了逗号' : '应为用双引号括起的属性名');
      }
      const key = this.string();
      this.space();
      if (this.text[this.pos] !== ':') this.fail(`属性名 "${key}" 后面应为冒号`);
      this.pos++;
      this.value([...path, key]);
      this.space();
      const c = this.text[this.pos];
      if (c === ',') this.pos++;
      else if (c === '}') {
        this.pos++;
        return;
      } else this.fail(c === undefined ? '内容意外结束，缺少 }' : '属性值后面应为逗号或 }');
    }
  }

  private array(path: PropertyKey[]): void {
    this.pos++; // [
    this.space();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return;
    }
    for (let index = 0; ; index++) {
      this.space();
      if (this.text[this.pos] === ']') this.fail('最后一个元素后面多了逗号');
      this.value([...path, index]);
      this.space();
      const c = this.text[this.pos];
      if (c === ',') this.pos++;
      else if (c === ']') {
        this.pos++;
        return;
      } else this.fail(c === undefined ? '内容意外结束，缺少 ]' : '数组元素后面应为逗号或 ]');
    }
  }

  /** Scans a string and returns its value. */
  private string(): string {
    const start = this.pos;
    this.pos++; // "
    const t = this.text;
    for (;;) {
      const c = t.charCodeAt(this.pos);
      if (Number.isNaN(c)) this.fail('字符串没有结束的双引号', start);
      if (c === 0x22) break;
      if (c < 0x20) this.fail('字符串中有未转义的控制字符（如换行）');
      if (c === 0x5c) {
        const e = t[this.pos + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(t.slice(this.pos + 2, this.pos + 6))) this.fail('无效的 \\u 转义');
          this.pos += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) this.fail(`无效的转义序列 \\${e ?? ''}`);
        this.pos += 2;
        continue;
      }
      this.pos++;
    }
    this.pos++;
    return JSON.parse(t.slice(start, this.pos)) as string;
  }

  private number(): void {
    NUMBER_RE.lastIndex = this.pos;
    const m = NUMBER_RE.exec(this.text);
    if (!m) this.fail('数字格式不正确');
    this.pos += m[0].length;
  }
}
