/** The Songjiang fixture for tests: its canonical JSON and the decoded model (money in fen). */
import { readFileSync } from 'node:fs';
import { decodeDisclosure } from '../packages/core/src/model/schema.ts';

export const FIXTURE_JSON: unknown = JSON.parse(
  readFileSync(new URL('./songjiang-zfw-2024.json', import.meta.url), 'utf8'),
);

/** Decoded once per test file (vitest isolates files); treat as read-only. */
export const fixture = decodeDisclosure(FIXTURE_JSON);
