import { type Disclosure, type DisclosureJson, printedValue } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { FIXTURE_JSON, fixture } from '../../../../testdata/fixture.ts';
import { CSV_HEADER, csvWriter, guardFormula } from './write.ts';

/**
 * A strict RFC 4180 parser: records end with CRLF, fields are bare (no quote, comma, CR or LF) or
 * quoted with doubled quotes inside. Anything else throws, so sloppy output fails the test.
 */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`bare quote at ${i}`);
        field += text[i++];
      }
    }
    record.push(field);
    if (text[i] === ',') {
      i++;
    } else if (text.startsWith('\r\n', i)) {
      records.push(record);
      record = [];
      i += 2;
    } else throw new Error(`expected , or CRLF at ${i}, found ${JSON.stringify(text[i])}`);
  }
  if (record.length > 0) throw new Error('last record not ended by CRLF');
  return records;
}

/** Undoes the formula guard: one apostrophe before a formula character is dropped. */
const unguard = (cell: string) => (/^'[=+\-@\t\r＝＋－＠]/.test(cell) ? cell.slice(1) : cell);

async function csvOf(disclosure: Disclosure, options?: { projects?: number[] }) {
  const bytes = await csvWriter.write(disclosure, options);
  return { bytes, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
}

describe('csvWriter', () => {
  it('writes UTF-8 with a BOM, CRLF line ends and the Chinese header', async () => {
    const { bytes, text } = await csvOf(fixture);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    expect(parseCsv(text.slice(1))[0]).toEqual(CSV_HEADER);
    expect(csvWriter.mediaType).toBe('text/csv; charset=utf-8');
    expect(csvWriter.extension).toBe('csv');
  });

  it('has one row per indicator with its project’s fields, as the fixture states them', async () => {
    const rows = parseCsv((await csvOf(fixture)).text.slice(1)).slice(1);
    const json = FIXTURE_JSON as DisclosureJson;
    const expected = json.projects.flatMap((p, pi) =>
      p.form.indicators.map((ind, ii) => {
        const f = p.form.funds;
        const quant = ind.kind === 'quantitative' ? [ind.operator, ind.value, ind.unit] : ['', '', ''];
        return [
          json.department,
          String(json.year),
          String(pi + 1),
          p.form.name,
          p.form.nature,
          p.form.category,
          p.form.competentDepartment,
          p.form.implementingUnit,
          p.form.startDate,
          p.form.endDate,
          ...[f.total, f.fiscal, f.other, f.annualTotal, f.currentYearAppropriation, f.priorYearCarryover]
            .concat([f.annualOther])
            .map((v) => v ?? ''),
          String(ii + 1),
          ind.level1,
          ind.level2,
          ind.name,
          printedValue(fixture.projects[pi]!.form.indicators[ii]!),
          ...quant,
        ];
      }),
    );
    expect(rows).toHaveLength(94);
    expect(rows.map((r) => r.map(unguard))).toEqual(expected);
    // spot checks against the printed form
    expect(rows[0]!.slice(17, 25)).toEqual([
      '1',
      '成本指标',
      '经济成本指标',
      '项目成本',
      '≤6100000.00(元)',
      '≤',
      '6100000.00',
      '元',
    ]);
    expect(rows[0]![12]).toBe(''); // 其他资金 blank on the form stays blank, not 0.00
  });

  it('lists a project without indicators on one row', async () => {
    const d = structuredClone(fixture);
    d.projects[1]!.form.indicators = [];
    const rows = parseCsv((await csvOf(d, { projects: [0, 1] })).text.slice(1));
    const second = rows.filter((r) => r[2] === '2');
    expect(second).toHaveLength(1);
    expect(second[0]!.slice(17)).toEqual(['', '', '', '', '', '', '', '']);
  });

  it('writes only the selected projects', async () => {
    const rows = parseCsv((await csvOf(fixture, { projects: [9] })).text.slice(1)).slice(1);
    expect(new Set(rows.map((r) => r[3]))).toEqual(new Set([fixture.projects[9]!.form.name]));
  });

  it('quotes commas, quotes and line breaks (RFC 4180)', async () => {
    const d = structuredClone(fixture);
    d.projects[0]!.form.name = '甲,乙 "丙"\r\n丁';
    const rows = parseCsv((await csvOf(d, { projects: [0] })).text.slice(1));
    expect(rows[1]![3]).toBe('甲,乙 "丙"\r\n丁');
  });
});

describe('formula injection', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['+1+1', `'+1+1`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1:A2)', `'@SUM(A1:A2)`],
    ['\t=1', `'\t=1`],
    ['\r=1', `'\r=1`],
    ['＝1+1', `'＝1+1`],
    ['-', `'-`],
    ['=', `'=`],
    ['=100.00(%)', `'=100.00(%)`],
    // a plain number is data, not a formula: left alone so it stays a number
    ['-5.00', '-5.00'],
    ['-1', '-1'],
    ['5850000.00', '5850000.00'],
    ['项目成本', '项目成本'],
    ['a=b', 'a=b'],
  ])('%j → %j', (value, guarded) => {
    expect(guardFormula(value)).toBe(guarded);
  });

  it('guards every cell of a hostile disclosure', async () => {
    const d = structuredClone(fixture);
    const p = d.projects[0]!;
    p.form.name = "=cmd|' /C calc'!A0";
    p.form.implementingUnit = '@evil';
    p.form.indicators = [
      { level1: '+x', level2: '-y', name: '\tz', kind: 'qualitative', text: '=1+1' },
      {
        level1: '产出指标',
        level2: '数量指标',
        name: '次数',
        kind: 'quantitative',
        operator: '=',
        value: '-3',
        unit: '次',
      },
    ];
    const rows = parseCsv((await csvOf(d, { projects: [0] })).text.slice(1)).slice(1);
    const unsafe = rows.flat().filter((c) => /^[=+\-@\t\r＝＋－＠]/.test(c) && !/^-?\d+(\.\d+)?$/.test(c));
    expect(unsafe).toEqual([]);
    expect(rows[0]![3]).toBe(`'=cmd|' /C calc'!A0`);
    expect(rows[0]![7]).toBe(`'@evil`);
    expect(rows[0]!.slice(18, 22)).toEqual([`'+x`, `'-y`, `'\tz`, `'=1+1`]);
    expect(rows[1]!.slice(21, 25)).toEqual([`'=-3(次)`, `'=`, '-3', '次']);
  });
});
