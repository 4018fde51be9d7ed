/**
 * The geometry layers on hand-made input: rulings from operator lists, tables and merged cells from
 * rules, text into cells, lines from runs, tables joined over page breaks.
 */
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { type Matrix, type OpsLike, type Rule, rulings, type TextRun, textRuns } from './geometry.ts';
import { findTables, placeRuns, type Table } from './grid.ts';
import { oneSpace, toLines } from './grid-lines.ts';
import { joinCells } from './read-join.ts';
import { describePages } from './read-pages.ts';

const ops = OPS as unknown as OpsLike;
/** A 100-point-high page: PDF y up → viewport y down. */
const FLIP: Matrix = [1, 0, 0, -1, 0, 100];
const page = { width: 100, height: 100 };

function run(str: string, x0: number, base: number, size = 10): TextRun {
  const w = [...str].reduce((s, ch) => s + ((ch.codePointAt(0) ?? 0) < 0x80 ? 0.5 : 1), 0) * size;
  return {
    str,
    x0,
    x1: x0 + w,
    top: base - size * 0.88,
    bottom: base + size * 0.12,
    base,
    size,
    rotated: false,
  };
}

describe('rulings', () => {
  it('reads stroked lines, thin filled bars and stroked boxes; not white fills, clips or curves', () => {
    const list: [number, unknown][] = [
      [OPS.save, null],
      [OPS.transform, [1, 0, 0, 1, 10, 0]],
      // a line whose moveTo and lineTo come in two ops (pdfjs splits paths at other operators)
      [OPS.constructPath, [[OPS.moveTo], [0, 0], [0, 0, 0, 0]]],
      [OPS.setStrokeRGBColor, [0, 0, 0]],
      [OPS.constructPath, [[OPS.lineTo], [50, 0], [50, 0, 50, 0]]],
      [OPS.stroke, null],
      [OPS.restore, null],
      [OPS.constructPath, [[OPS.rectangle], [0, 10, 0.5, 40], [0, 10, 0.5, 50]]],
      [OPS.fill, null],
      [OPS.setFillRGBColor, new Uint8ClampedArray([255, 255, 255])],
      [OPS.constructPath, [[OPS.rectangle], [0, 0, 100, 100], [0, 0, 100, 100]]],
      [OPS.fill, null],
      [OPS.constructPath, [[OPS.rectangle], [70, 70, 20, 20], [70, 70, 90, 90]]],
      [OPS.stroke, null],
      [OPS.constructPath, [[OPS.rectangle], [0, 0, 50, 50], [0, 0, 50, 50]]],
      [OPS.endPath, null],
      [
        OPS.constructPath,
        [
          [OPS.moveTo, OPS.curveTo],
          [0, 0, 1, 1, 2, 2, 30, 0],
          [0, 0, 30, 2],
        ],
      ],
      [OPS.stroke, null],
    ];
    const r = rulings(
      list.map(([f]) => f),
      list.map(([, a]) => a),
      ops,
      FLIP,
      page,
    );
    const round = (rs: Rule[]) => rs.map((x) => [x.at, x.a, x.b].map((n) => Math.round(n * 100) / 100));
    expect(round(r.h)).toEqual([
      [100, 10, 60],
      [10, 70, 90],
      [30, 70, 90],
    ]);
    expect(round(r.v)).toEqual([
      [0.25, 50, 90],
      [70, 10, 30],
      [90, 10, 30],
    ]);
  });

  it('places text runs with the viewport turned (a rotated page)', () => {
    const runs = textRuns([{ str: '项目', transform: [10, 0, 0, 10, 20, 80], width: 20, height: 10 }], FLIP);
    expect(runs[0]).toMatchObject({ str: '项目', x0: 20, x1: 40, base: 20, size: 10, rotated: false });
    expect(textRuns([{ str: ' ', transform: [10, 0, 0, 10, 0, 0], width: 3, height: 10 }], FLIP)).toEqual([]);
  });
});

/** A grid of `cols` × `rows` boxes 40 × 20 from (0, 0), with every rule drawn except `missing`. */
function gridRules(cols: number, rows: number, missing: (kind: 'h' | 'v', i: number, j: number) => boolean) {
  const h: Rule[] = [];
  const v: Rule[] = [];
  for (let i = 0; i <= rows; i++)
    for (let j = 0; j < cols; j++)
      if (!missing('h', i, j)) h.push({ at: i * 20, a: j * 40, b: (j + 1) * 40 });
  for (let j = 0; j <= cols; j++)
    for (let i = 0; i < rows; i++)
      if (!missing('v', i, j)) v.push({ at: j * 40, a: i * 20, b: (i + 1) * 20 });
  return { h, v };
}

describe('tables', () => {
  it('merges boxes where the rule between them is missing; marks open edges', () => {
    const rules = gridRules(
      3,
      3,
      (k, i, j) =>
        (k === 'v' && i === 0 && j === 1) ||
        (k === 'h' && i === 2 && j === 2) ||
        (k === 'h' && i === 0 && j < 2),
    );
    const [t] = findTables(rules);
    const cells = t?.cells.map((c) => [c.r0, c.r1, c.c0, c.c1, c.openTop, c.openBottom]);
    expect(cells).toEqual([
      [0, 0, 0, 1, true, false],
      [0, 0, 2, 2, false, false],
      [1, 1, 0, 0, false, false],
      [1, 1, 1, 1, false, false],
      [1, 2, 2, 2, false, false],
      [2, 2, 0, 0, false, false],
      [2, 2, 1, 1, false, false],
    ]);
  });

  it('puts runs into cells, cutting a run written across a drawn column boundary', () => {
    const tables = findTables(gridRules(2, 1, () => false));
    const free = placeRuns(tables, [run('名称平安', 20, 15), run('页脚', 4, 60)]);
    expect(free.map((r) => r.str)).toEqual(['页脚']);
    expect(tables[0]?.cells.map((c) => c.runs.map((r) => r.str).join(''))).toEqual(['名称', '平安']);
  });

  it('adopts label columns with no rule across them (a page in the middle of a long table)', () => {
    const rules = gridRules(2, 2, () => false);
    const h = rules.h.map((r) => ({ ...r, a: r.a + 100, b: r.b + 100 }));
    const v = [
      ...rules.v.map((r) => ({ ...r, at: r.at + 100 })),
      { at: 50, a: 0, b: 40 },
      { at: 80, a: 0, b: 40 },
    ];
    const [t] = findTables({ h, v });
    expect(t?.x0).toBe(50);
    const label = t?.cells[0];
    expect([label?.r0, label?.r1, label?.openTop, label?.openBottom]).toEqual([0, 1, true, true]);
    // a label's line printed just below the part of the table on this page still belongs to it
    const free = placeRuns(t ? [t] : [], [run('效', 60, 46)]);
    expect(free).toEqual([]);
    expect(label?.runs.map((r) => r.str)).toEqual(['效']);
  });

  /** A table 50 high: a label column 20 wide over two rows, closed all round, beside two rows. */
  const labelTable = () => {
    const [t] = findTables({
      h: [
        { at: 0, a: 0, b: 200 },
        { at: 20, a: 20, b: 200 },
        { at: 50, a: 0, b: 200 },
      ],
      v: [0, 20, 200].map((at) => ({ at, a: 0, b: 50 })),
    });
    const label = t?.cells[0];
    expect([label?.r0, label?.r1, label?.c1, label?.openBottom]).toEqual([0, 1, 0, false]);
    return { tables: t ? [t] : [], label };
  };
  /** `text` down the label column, one character every `pitch` from the baseline `base`. */
  const stack = (text: string, base: number, pitch = 10) =>
    [...text].map((ch, k) => run(ch, 5, base + k * pitch, 10));

  it('gives a label written down the side the characters that ran out of its closed box', () => {
    // The bottom of a page: 项目绩效目标 down a narrow column; the producer printed it whole in a
    // part too short for it, so 标 stands just below the table's bottom rule (as the official
    // writer did before it learnt to move such a table to the next page).
    const { tables, label } = labelTable();
    const free = placeRuns(tables, [
      ...stack('项目绩效目标', 10),
      run('年度总体目标', 60, 15),
      // text placed after the table keeps its distance: a note in the label's column
      run('注', 5, 80),
      run('注：本表金额单位为元', 5, 95),
    ]);
    expect(label?.runs.map((r) => r.str).join('')).toBe('项目绩效目标');
    expect(free.map((r) => r.str)).toEqual(['注', '注：本表金额单位为元']);

    // three characters out, printed in any order
    const more = labelTable();
    const out = placeRuns(more.tables, stack('项目绩效目标', 30).reverse());
    expect(out).toEqual([]);
    expect(
      toLines(more.label?.runs ?? [], oneSpace)
        .map((l) => l.text)
        .join(''),
    ).toBe('项目绩效目标');
  });

  it('leaves a character below a closed cell alone unless it goes on with the label', () => {
    const cases: [string, TextRun][] = [
      ['in another column', run('标', 12, 60)],
      ['at another size', run('标', 5, 62, 14)],
      ['off the pitch', run('标', 5, 64)],
      ['not one character', run('标准', 5, 60)],
    ];
    for (const [why, extra] of cases) {
      const { tables, label } = labelTable();
      const free = placeRuns(tables, [...stack('项目绩效目', 10), extra]);
      expect(free, why).toEqual([extra]);
      expect(label?.runs.map((r) => r.str).join(''), why).toBe('项目绩效目');
    }
    // a label with room to spare: a character a line below the table is text of its own
    const { tables } = labelTable();
    expect(placeRuns(tables, [...stack('项目', 20, 12), run('一', 5, 62)]).map((r) => r.str)).toEqual(['一']);
  });

  it('joins runs into lines: a space for a word gap, none for kerning, duplicates dropped', () => {
    const lines = toLines(
      [run('2023', 0, 10), run('年度', 22.5, 10), run('完', 0, 30), run('完', 0.5, 30), run('成', 10.2, 30)],
      oneSpace,
    );
    expect(lines.map((l) => l.text)).toEqual(['2023 年度', '完成']);
  });
});

/** A table part from cell specs: `[r0, r1, x0, x1, text, openTop, openBottom]`; lines split on `/`. */
function part(rows: number, specs: [number, number, number, number, string, boolean?, boolean?][]): Table {
  const cells = specs.map(([r0, r1, x0, x1, text, openTop = false, openBottom = false]) => ({
    r0,
    r1,
    c0: 0,
    c1: 0,
    x0,
    x1,
    y0: r0 * 20,
    y1: (r1 + 1) * 20,
    openTop,
    openBottom,
    runs: text === '' ? [] : text.split('/').map((l, k) => run(l, x0 + 3, r0 * 20 + 12 + k * 12, 9)),
  }));
  return {
    x0: 0,
    x1: 200,
    y0: 0,
    y1: rows * 20,
    xs: [],
    ys: Array.from({ length: rows + 1 }, (_, i) => i * 20),
    cells,
    box: [],
  };
}

const texts = (t: Table[]) =>
  joinCells(t.map((table, i) => ({ table, page: i + 1 }))).map((c) => [
    c.r0,
    c.r1,
    c.lines.map((l) => l.text).join(''),
  ]);

describe('tables over page breaks', () => {
  it('joins a row split by the break (rules closed on both sides)', () => {
    const a = part(1, [
      [0, 0, 0, 80, '其中：当年财政拨'],
      [0, 0, 80, 200, '5,850,000.00'],
    ]);
    const b = part(2, [
      [0, 0, 0, 80, '款'],
      [0, 0, 80, 200, ''],
      [1, 1, 0, 80, '上年结转资金'],
      [1, 1, 80, 200, '0.00'],
    ]);
    expect(texts([a, b])).toEqual([
      [0, 0, '其中：当年财政拨款'],
      [0, 0, '5,850,000.00'],
      [1, 1, '上年结转资金'],
      [1, 1, '0.00'],
    ]);
  });

  it('keeps a new row with a blank cell apart', () => {
    const a = part(1, [
      [0, 0, 0, 80, '项目资金总额'],
      [0, 0, 80, 200, '5,850,000.00'],
    ]);
    const b = part(1, [
      [0, 0, 0, 80, '其他资金'],
      [0, 0, 80, 200, ''],
    ]);
    expect(texts([a, b])).toEqual([
      [0, 0, '项目资金总额'],
      [0, 0, '5,850,000.00'],
      [1, 1, '其他资金'],
      [1, 1, ''],
    ]);
  });

  it('joins a label cell open across the break, not the rows beside it', () => {
    const a = part(2, [
      [0, 1, 0, 30, '产/出', false, true],
      [0, 0, 30, 200, '城市污水采样检测 ≥4.00(次)'],
      [1, 1, 30, 200, '毛发检测工作 ≥4.00(次)'],
    ]);
    const b = part(1, [
      [0, 0, 0, 30, '指/标', true, false],
      [0, 0, 30, 200, '平安创建线上宣传 ≥1.00(次)'],
    ]);
    expect(texts([a, b])).toEqual([
      [0, 2, '产出指标'],
      [0, 0, '城市污水采样检测 ≥4.00(次)'],
      [1, 1, '毛发检测工作 ≥4.00(次)'],
      [2, 2, '平安创建线上宣传 ≥1.00(次)'],
    ]);
  });
});

describe('describePages', () => {
  it('names runs of pages', () => {
    expect(describePages([16, 3, 14, 15, 20])).toBe('第3、14–16、20页');
  });
});
