import { describe, expect, it } from 'vitest';
import { FIXTURE_JSON, fixture } from '../../../testdata/fixture.ts';
import { READ_FORMATS, readDisclosure, readFormatOf, WRITE_FORMATS, writeDisclosure } from './index.ts';

describe('registry', () => {
  it('lists the formats', () => {
    expect(WRITE_FORMATS).toEqual(['pdf', 'xlsx', 'docx', 'csv', 'html', 'json']);
    expect(READ_FORMATS).toEqual(['pdf', 'xlsx', 'json', 'txt']);
  });

  it.each([
    ['公开.pdf', 'pdf'],
    ['a/b/绩效.XLSX', 'xlsx'],
    ['x.json', 'json'],
    ['songjiang.Txt', 'txt'],
    ['x.docx', null],
    ['x.csv', null],
    ['README', null],
    ['archive.json.gz', null],
  ])('readFormatOf(%j) is %j', (name, format) => {
    expect(readFormatOf(name)).toBe(format);
  });

  it('writes through the writer and reports its media type and extension', async () => {
    const out = await writeDisclosure(fixture, 'json');
    expect(out.mediaType).toBe('application/json; charset=utf-8');
    expect(out.extension).toBe('json');
    expect(JSON.parse(new TextDecoder().decode(out.bytes))).toEqual(FIXTURE_JSON);
  });

  it('reads through the reader, with diagnostics instead of exceptions', async () => {
    const ok = await readDisclosure(new TextEncoder().encode(JSON.stringify(FIXTURE_JSON)), 'json');
    expect(ok.disclosure).toEqual(fixture);
    const bad = await readDisclosure(new TextEncoder().encode('{'), 'json', { source: 'x.json' });
    expect(bad.disclosure).toBeNull();
    expect(bad.diagnostics[0]?.code).toBe('JSON_SYNTAX');
  });
});
