/**
 * Validates a disclosure JSON against `testdata/spec/disclosure.schema.json` with ajv (draft
 * 2020-12, strict), `format: "date"` checked by hand (ajv-formats is not installed).
 */
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';

const schema = JSON.parse(readFileSync(new URL('../spec/disclosure.schema.json', import.meta.url), 'utf8'));

/** RFC 3339 full-date: a real month and day, leap years included. */
function fullDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day >= 1 && day <= days;
}

// `strictRequired` off: the spec says `not: { required: ["text"] }` without declaring `text` there.
const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true });
ajv.addFormat('date', { type: 'string', validate: fullDate });
const validate = ajv.compile(schema);

/** The schema violations of `json`, as readable lines; empty when it is valid. */
export function schemaErrors(json: unknown): string[] {
  if (validate(json)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}
