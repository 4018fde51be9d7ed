/**
 * Our workbook read back gives the disclosure exactly: the fixture, every variant of the corpus,
 * and a disclosure built to hit the awkward cases (null vs empty, text that looks like a number or
 * a quantitative value, units with brackets, whitespace, huge amounts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { type Disclosure, decodeDisclosure } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../testdata/fixture.ts';
import { readDisclosure, writeDisclosure } from '../index.ts';
import { xlsxReader } from './read.ts';
import { writeWorkbook, xlsxWriter } from './write.ts';

const VARIANTS = new URL('../../../../testdata/variants/', import.meta.url);
const variants = readdirSync(VARIANTS)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({
    name: f.slice(0, -'.json'.length),
    disclosure: decodeDisclosure(JSON.parse(readFileSync(new URL(f, VARIANTS), 'utf8'))),
  }));

async function roundTrip(d: Disclosure) {
  const bytes = await writeWorkbook(d);
  return xlsxReader.read(bytes, { source: 'test.xlsx' });
}

describe('xlsx round trip', () => {
  it('gives the fixture back exactly, with no diagnostics', async () => {
    const { disclosure, diagnostics } = await roundTrip(fixture);
    expect(diagnostics).toEqual([]);
    expect(disclosure).toStrictEqual(fixture);
  });

  it.each(variants)('gives the variant $name back exactly', async ({ disclosure: d }) => {
    const { disclosure, diagnostics } = await roundTrip(d);
    expect(diagnostics).toEqual([]);
    expect(disclosure).toStrictEqual(d);
  });

  it('keeps the awkward cases exact', async () => {
    const p = fixture.projects[0];
    if (!p) throw new Error('fixture has projects');
    const awkward: Disclosure = {
      ...fixture,
      summary: {
        budgetUnitCount: 0,
        projectCount: 3,
        totalWan: '3022.50',
        largeProjectCount: null,
        largeThresholdWan: '1000.0',
      },
      projects: [
        {
          explanation: { sections: [], budgetYuan: null },
          form: {
            ...p.form,
            title: '',
            name: '  前后有空格\n且换行  ',
            nature: '0012\r\n𠀀\t_x0041_\u0001\uD800x',
            category: '=SUM(A1)',
            overallGoal: '',
            annualGoal: '',
            funds: {
              total: 9_007_199_254_740_991, // 2^53 − 1 fen: no exact Excel number, kept as text
              fiscal: 1,
              other: -150,
              annualTotal: 0,
              currentYearAppropriation: null,
              priorYearCarryover: 123_456_789_012_345,
              annualOther: 10,
            },
            indicators: [
              { level1: '', level2: '', name: '', kind: 'qualitative', text: '' },
              {
                level1: '产出指标',
                level2: '数量指标',
                name: '像定量的定性',
                kind: 'qualitative',
                text: '≥4.00(次)',
              },
              {
                level1: '产出指标',
                level2: '数量指标',
                name: '括号单位',
                kind: 'quantitative',
                operator: '≥',
                value: '007',
                unit: '(次)',
              },
              {
                level1: '产出指标',
                level2: '数量指标',
                name: '无单位',
                kind: 'quantitative',
                operator: '<',
                value: '-0.50',
                unit: '',
              },
              {
                level1: '产出指标',
                level2: '数量指标',
                name: '长数',
                kind: 'quantitative',
                operator: '=',
                value: '12345678901234567890.123',
                unit: ' 元 ',
              },
              {
                level1: '效益指标',
                level2: '社会效益指标',
                name: '空格',
                kind: 'qualitative',
                text: ' 完成 ',
              },
            ],
          },
        },
        { explanation: null, form: { ...p.form, indicators: [], name: '无指标' } },
        {
          explanation: {
            sections: [
              { number: '', title: '', text: '' },
              { number: '十二', title: 'x', text: 'a\nb' },
            ],
            budgetYuan: 0,
          },
          form: { ...p.form, year: 1999, startDate: '2024-02-29', endDate: '2099-12-31' },
        },
      ],
    };
    const { disclosure, diagnostics } = await roundTrip(awkward);
    // only the warnings about the deliberately empty indicator names
    expect(diagnostics.map((d) => d.code)).toEqual(Array(3).fill('IMPORT_XLSX_REQUIRED'));
    expect(disclosure).toStrictEqual(awkward);
  });

  it('goes through the format registry', async () => {
    const out = await writeDisclosure(fixture, 'xlsx');
    expect(out.extension).toBe('xlsx');
    expect((await readDisclosure(out.bytes, 'xlsx')).disclosure).toStrictEqual(fixture);
  });

  it('writes only the selected projects', async () => {
    const bytes = await xlsxWriter.write(fixture, { projects: [2, 0] });
    const { disclosure } = await xlsxReader.read(bytes);
    expect(disclosure?.projects.map((p) => p.form.name)).toEqual([
      fixture.projects[2]?.form.name,
      fixture.projects[0]?.form.name,
    ]);
  });
});
