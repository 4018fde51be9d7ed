import { type Indicator, printedValue } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../testdata/fixture.ts';
import { FORM_COLUMN_WIDTHS, formGrid, type GridRow, headingSpans } from './form-grid.ts';

/** Places every cell on a grid; throws on overlaps and holes, so every row is exactly full. */
function occupancy(rows: readonly GridRow[]): string[][] {
  const grid: string[][] = rows.map(() => Array(FORM_COLUMN_WIDTHS.length).fill(''));
  rows.forEach((row, r) => {
    for (const c of row) {
      for (let dr = 0; dr < c.rowSpan; dr++) {
        for (let dc = 0; dc < c.colSpan; dc++) {
          const line = grid[r + dr];
          if (line === undefined || c.col + dc >= line.length)
            throw new Error(`cell ${c.text} leaves the grid`);
          if (line[c.col + dc] !== '') throw new Error(`cells overlap at ${r + dr},${c.col + dc}`);
          line[c.col + dc] = c.text || '·';
        }
      }
    }
  });
  grid.forEach((line, r) => {
    if (line.includes('')) throw new Error(`row ${r} has a hole: ${JSON.stringify(line)}`);
  });
  return grid;
}

const ind = (level1: string, level2: string, name = 'x'): Indicator => ({
  level1,
  level2,
  name,
  kind: 'qualitative',
  text: '完成',
});

describe('formGrid', () => {
  it('fills the eight columns exactly, for every fixture form', () => {
    expect(FORM_COLUMN_WIDTHS.reduce((a, b) => a + b, 0)).toBe(100);
    for (const p of fixture.projects) expect(() => occupancy(formGrid(p.form))).not.toThrow();
  });

  it('prints every indicator on its own row, in order, under its headings', () => {
    const form = fixture.projects[0]!.form;
    const grid = occupancy(formGrid(form));
    const table = grid.slice(-form.indicators.length);
    expect(table.map((line) => [line[1], line[2], line[3], line[6]])).toEqual(
      form.indicators.map((i) => [i.level1, i.level2, i.name, printedValue(i)]),
    );
    expect(grid.slice(-form.indicators.length - 1).every((line) => line[0] === '绩效指标')).toBe(true);
  });

  it('prints money with separators and blank cells blank', () => {
    const cells = formGrid(fixture.projects[0]!.form).flat();
    expect(cells.filter((c) => c.text === '5,850,000.00' && c.align === 'right')).toHaveLength(4);
    const other = formGrid(fixture.projects[0]!.form)[6]!;
    expect(other.map((c) => c.text)).toEqual(['其他资金', '', '其他资金', '0.00']);
  });
});

describe('headingSpans', () => {
  it('spans runs of equal headings, 二级 runs inside 一级 runs', () => {
    const spans = headingSpans([
      ind('产出指标', '数量指标'),
      ind('产出指标', '数量指标'),
      ind('产出指标', '质量指标'),
      ind('效益指标', '质量指标'),
      ind('产出指标', '数量指标'),
    ]);
    expect(spans).toEqual([
      { level1: 3, level2: 2 },
      { level1: 0, level2: 0 },
      { level1: 0, level2: 1 },
      { level1: 1, level2: 1 },
      { level1: 1, level2: 1 },
    ]);
  });

  it('is empty for no indicators', () => {
    expect(headingSpans([])).toEqual([]);
  });
});
