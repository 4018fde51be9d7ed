/**
 * One conformance suite for every format (as Hono runs one router test file against every router):
 * each reader in `READERS` reads the fixture from its own kind of bytes and must give the fixture
 * exactly; each writer whose output has a reader must round-trip. A format that cannot do a case
 * says so in `CANNOT`, with the reason, and the case shows as skipped with that reason.
 *
 * Formats still being built are placeholders that reject with 'not built yet': their cases skip
 * with that reason at run time (remove `orNotBuilt` once every format has landed).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { type Disclosure, decodeDisclosure, type ImportResult } from '@jixiao/core';
import { describe, expect, it, type TestContext } from 'vitest';
import { FIXTURE_JSON, fixture } from '../../../testdata/fixture.ts';
import {
  READ_FORMATS,
  READERS,
  type ReadFormat,
  WRITE_FORMATS,
  type WriteFormat,
  writeDisclosure,
} from './index.ts';

type ReadCase = 'reads the fixture' | 'reports bad bytes without throwing';
/** `variant NAME` is one file of `testdata/variants/`; `variant corpus` stands for all of them. */
type RoundTripCase =
  | 'fixture'
  | 'awkward values'
  | 'selected projects'
  | 'variant corpus'
  | `variant ${string}`;

/** What a format cannot do, and why. Every case not listed here must pass. */
const CANNOT: {
  read: Partial<Record<ReadFormat, Partial<Record<ReadCase, string>>>>;
  roundTrip: Partial<Record<WriteFormat, Partial<Record<RoundTripCase | 'all', string>>>>;
} = {
  read: {},
  roundTrip: {
    csv: {
      all: 'export only, no reader: CSV is the flat indicator table and leaves out goals and narrative',
    },
    html: { all: 'export only, no reader: HTML is the printed layout for people (and the public web page)' },
    docx: { all: 'export only, no reader: Word is the printed layout for people to edit and print' },
  },
};

/** The format a writer's output is read back with, when there is a reader for it. */
const READ_BACK: Partial<Record<WriteFormat, ReadFormat>> = { json: 'json', pdf: 'pdf', xlsx: 'xlsx' };

const TESTDATA = new URL('../../../testdata/', import.meta.url);

/** For each reader, the fixture as its input bytes: the real text, the JSON, and our own PDF and workbook. */
const INPUTS: Record<ReadFormat, () => Promise<Uint8Array>> = {
  txt: async () => readFileSync(new URL('songjiang-zfw-2024.txt', TESTDATA)),
  json: async () => new TextEncoder().encode(JSON.stringify(FIXTURE_JSON, null, 2)),
  pdf: async () => (await writeDisclosure(fixture, 'pdf')).bytes,
  xlsx: async () => (await writeDisclosure(fixture, 'xlsx')).bytes,
};

/** Runs `work`; a placeholder format ('not built yet') skips the test instead of failing it. */
async function orNotBuilt<T>(ctx: TestContext, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof Error && e.message === 'not built yet') ctx.skip('not built yet');
    throw e;
  }
}

async function read(format: ReadFormat, bytes: Uint8Array): Promise<ImportResult<Disclosure>> {
  return (await READERS[format]()).read(bytes, { source: `conformance.${format}` });
}

const errorsOf = (r: ImportResult<Disclosure>) => r.diagnostics.filter((d) => d.severity === 'error');

/** A reason to skip, or undefined to run. */
const cannotRead = (f: ReadFormat, c: ReadCase) => CANNOT.read[f]?.[c];
const cannotRoundTrip = (f: WriteFormat, c: RoundTripCase) =>
  CANNOT.roundTrip[f]?.all ??
  CANNOT.roundTrip[f]?.[c] ??
  (READ_BACK[f] === undefined ? 'no reader' : undefined);

/** `it`, or `it.skip` with the reason in the name when the format cannot do the case. */
function caseFor(name: string, reason: string | undefined, test: (ctx: TestContext) => Promise<void>): void {
  if (reason === undefined) it(name, { timeout: 120_000 }, test);
  else it.skip(`${name} — cannot: ${reason}`, test);
}

describe.each(READ_FORMATS)('reader %s', (format) => {
  caseFor(
    'reads the fixture exactly, with no error',
    cannotRead(format, 'reads the fixture'),
    async (ctx) => {
      const result = await orNotBuilt(ctx, async () => read(format, await INPUTS[format]()));
      expect(errorsOf(result)).toEqual([]);
      expect(result.disclosure).toStrictEqual(fixture);
    },
  );

  caseFor(
    'reports bad bytes with located diagnostics, never throwing',
    cannotRead(format, 'reports bad bytes without throwing'),
    async (ctx) => {
      const good = await orNotBuilt(ctx, INPUTS[format]);
      const garbage = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256);
      for (const bytes of [new Uint8Array(0), garbage, good.subarray(0, Math.floor(good.length / 2))]) {
        const result = await read(format, bytes);
        const errors = errorsOf(result);
        if (result.disclosure === null) expect(errors.length).toBeGreaterThan(0);
        for (const d of result.diagnostics) {
          expect(d.code).toMatch(/^[A-Z][A-Z0-9_]+$/);
          expect(d.message.trim()).not.toBe('');
        }
      }
    },
  );
});

/** Text in every awkward place: markup, quotes, separators, numbers that are text, blanks. */
function awkward(): Disclosure {
  const d = structuredClone(fixture);
  d.summary = null;
  const [a, b, c] = d.projects as [
    Disclosure['projects'][number],
    Disclosure['projects'][number],
    Disclosure['projects'][number],
  ];
  a.form.name = '<script>alert("x")</script> & 项目, "甲"';
  a.form.overallGoal = '三年内建成 = 完成；≥ 两期。';
  a.form.funds = { ...a.form.funds, total: 123_456_789_012, fiscal: 123_456_789_012, other: null };
  a.form.indicators.push(
    {
      level1: '产出指标',
      level2: '数量指标',
      name: '无单位',
      kind: 'quantitative',
      operator: '≥',
      value: '1',
      unit: '',
    },
    { level1: '产出指标', level2: '质量指标', name: '像数字的文字', kind: 'qualitative', text: '100%' },
    { level1: '效益指标', level2: '社会效益指标', name: '减号开头', kind: 'qualitative', text: '-' },
  );
  b.explanation = null;
  b.form.funds = {
    total: null,
    fiscal: null,
    other: null,
    annualTotal: null,
    currentYearAppropriation: null,
    priorYearCarryover: null,
    annualOther: null,
  };
  c.form.indicators = c.form.indicators.slice(0, 1);
  return d;
}

const VARIANTS = new URL('variants/', TESTDATA);
const variants = readdirSync(VARIANTS)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => ({
    name: f.slice(0, -'.json'.length),
    disclosure: decodeDisclosure(JSON.parse(readFileSync(new URL(f, VARIANTS), 'utf8'))),
  }));

/** Writes `d` as `format`, reads it back and expects `expected` (default `d`) with no error. */
async function roundTrip(
  ctx: TestContext,
  format: WriteFormat,
  d: Disclosure,
  expected = d,
  projects?: number[],
) {
  const readFormat = READ_BACK[format]!;
  const result = await orNotBuilt(ctx, async () => {
    const { bytes } = await writeDisclosure(d, format, projects === undefined ? {} : { projects });
    return read(readFormat, bytes);
  });
  expect(errorsOf(result)).toEqual([]);
  expect(result.disclosure).toStrictEqual(expected);
}

describe.each(WRITE_FORMATS)('writer %s', (format) => {
  it('writes the fixture, and a disclosure without projects, to bytes', async (ctx) => {
    for (const d of [fixture, { ...fixture, projects: [] }]) {
      const { bytes, mediaType, extension } = await orNotBuilt(ctx, () => writeDisclosure(d, format));
      expect(bytes.length).toBeGreaterThan(0);
      expect(mediaType).toMatch(/^[a-z]+\/[a-z0-9.+-]+/);
      expect(extension).toBe(format);
    }
  });

  caseFor('round trip: the fixture', cannotRoundTrip(format, 'fixture'), async (ctx) => {
    await roundTrip(ctx, format, fixture);
  });

  caseFor('round trip: awkward values', cannotRoundTrip(format, 'awkward values'), async (ctx) => {
    await roundTrip(ctx, format, awkward());
  });

  caseFor(
    'round trip: selected projects, in the order asked',
    cannotRoundTrip(format, 'selected projects'),
    async (ctx) => {
      const selected = { ...fixture, projects: [fixture.projects[3]!, fixture.projects[1]!] };
      await roundTrip(ctx, format, fixture, selected, [3, 1]);
    },
  );

  for (const { name, disclosure } of variants) {
    const reason = cannotRoundTrip(format, `variant ${name}`) ?? cannotRoundTrip(format, 'variant corpus');
    caseFor(`round trip: variant ${name}`, reason, async (ctx) => {
      await roundTrip(ctx, format, disclosure);
    });
  }
});
