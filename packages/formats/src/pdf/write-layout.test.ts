/**
 * The PDF layout without pdfmake: line breaking with the real font's metrics, and the geometry of
 * the laid-out pages (everything inside the text area, nothing overlapping, reading order).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { type Disclosure, decodeDisclosure, type Indicator, type Project, printedValue } from '@jixiao/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../../../../testdata/fixture.ts';
import { PAGE, type Page, pageLabel, type Run } from './layout.ts';
import { breakLines, type FontMetrics, textWidth } from './layout-text.ts';
import { layoutPdfPages, pdfFontMetrics } from './write.ts';

let metrics: FontMetrics;
beforeAll(async () => {
  metrics = await pdfFontMetrics();
});

const squash = (s: string) => s.replace(/\s+/g, '');

/** Every text of the fixture that the form or the 说明 prints. */
function fixtureTexts(): string[] {
  return fixture.projects.flatMap((p) => [
    p.form.name,
    p.form.implementingUnit,
    p.form.annualGoal,
    ...p.form.indicators.map((i) => i.name),
    ...(p.explanation?.sections.map((s) => s.text) ?? []),
  ]);
}

describe('breakLines', () => {
  it('gives every text back exactly when its lines are joined, each line within the width', () => {
    for (const text of fixtureTexts()) {
      for (const width of [40, 105, 220, 467]) {
        const lines = breakLines(metrics, text, width, 10.5);
        expect(lines.join('')).toBe(text);
        for (const line of lines) {
          // A single unit wider than the line is cut by characters; otherwise lines fit.
          if ([...line.trimEnd()].length > 1) {
            expect(textWidth(metrics, line.trimEnd(), 10.5)).toBeLessThanOrEqual(width + 1e-6);
          }
        }
      }
    }
  });

  it('never starts a line with closing punctuation nor ends one with opening punctuation', () => {
    for (const text of fixtureTexts()) {
      const lines = breakLines(metrics, text, 200, 10.5);
      for (const line of lines.slice(1)) expect('，。、；：）》”').not.toContain(line[0]);
      for (const line of lines.slice(0, -1)) expect('（《“').not.toContain(line.trimEnd().at(-1));
    }
  });

  it('keeps numbers and indicator values whole', () => {
    const values = fixture.projects.flatMap((p) => p.form.indicators.map(printedValue));
    expect(values).toContain('≥4.00(次)');
    for (const v of values) if (v.startsWith('≥')) expect(breakLines(metrics, v, 130 - 8, 10.5)).toEqual([v]);
    expect(breakLines(metrics, '预算5850000.00元。', 80, 12)).toEqual(['预算', '5850000.00', '元。']);
  });

  it('cuts a unit wider than the line by characters, and keeps line breaks of the text', () => {
    const long = 'x'.repeat(200);
    const lines = breakLines(metrics, long, 100, 10.5);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe(long);
    expect(breakLines(metrics, '一\n二', 400, 10.5)).toEqual(['一', '二']);
    expect(breakLines(metrics, '', 400, 10.5)).toEqual([]);
  });
});

/** A disclosure that stresses the layout: long texts, many indicators, blanks, odd strings. */
function stress(): Disclosure {
  const base = fixture.projects[0]!;
  const many: Indicator[] = Array.from({ length: 70 }, (_, i) => ({
    ...base.form.indicators[i % base.form.indicators.length]!,
    name: `指标${i}${'很长的三级指标名称'.repeat(i % 7)}`,
  }));
  const big: Project = {
    explanation: {
      sections: [
        {
          number: '一',
          title: '项目概述',
          text: `${'第一段文字，'.repeat(80)}\n第二段。\n${'https://example.org/'.repeat(12)}`,
        },
        { number: '', title: '没有编号的节', text: '内容。' },
      ],
      budgetYuan: null,
    },
    form: {
      ...base.form,
      name: `${'名称'.repeat(30)}ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ`,
      overallGoal: '项目总目标文字。'.repeat(60),
      annualGoal: base.form.annualGoal.repeat(4),
      funds: { ...base.form.funds, total: null, fiscal: 9_007_199_254_740_990, other: null },
      indicators: many,
    },
  };
  const bare: Project = { explanation: null, form: { ...base.form, indicators: [], annualGoal: '' } };
  return { ...fixture, projects: [big, bare, ...fixture.projects.slice(1, 3)] };
}

/** The em box of a run's glyphs (a run's line box is taller than the glyphs). */
function box(r: Run) {
  const w =
    textWidth(metrics, r.text.trimEnd(), r.size, r.bold) +
    r.spacing * Math.max(0, [...r.text.trimEnd()].length - 1);
  const top = r.y + (metrics.lineHeight - 1) * r.size * 0.6;
  return { x0: r.x, x1: r.x + w, y0: top, y1: top + r.size };
}

function checkGeometry(pages: Page[]): void {
  const right = PAGE.width - PAGE.right;
  const bottom = PAGE.height - PAGE.bottom;
  pages.forEach((page, i) => {
    const body = page.runs.slice(0, -1);
    expect(page.runs.at(-1)?.text).toBe(pageLabel(i + 1, pages.length));
    const boxes = body.map(box);
    for (const b of boxes) {
      expect(b.x0).toBeGreaterThanOrEqual(PAGE.left - 0.01);
      expect(b.x1).toBeLessThanOrEqual(right + 0.01);
      expect(b.y0).toBeGreaterThanOrEqual(PAGE.top - 0.01);
      expect(b.y1).toBeLessThanOrEqual(bottom + 0.01);
    }
    for (const l of page.rules) {
      for (const x of [l.x1, l.x2]) expect(x).toBeGreaterThanOrEqual(PAGE.left - 0.01);
      for (const x of [l.x1, l.x2]) expect(x).toBeLessThanOrEqual(right + 0.01);
      for (const y of [l.y1, l.y2]) expect(y).toBeLessThanOrEqual(bottom + 0.01);
    }
    // No two runs overlap (a line running into its neighbour, a cell into the next).
    for (let a = 0; a < boxes.length; a++) {
      for (let b = a + 1; b < boxes.length; b++) {
        const p = boxes[a]!;
        const q = boxes[b]!;
        const overlap =
          Math.min(p.x1, q.x1) - Math.max(p.x0, q.x0) > 0.5 &&
          Math.min(p.y1, q.y1) - Math.max(p.y0, q.y0) > 0.5;
        if (overlap) expect.fail(`page ${i + 1}: "${body[a]!.text}" overlaps "${body[b]!.text}"`);
      }
    }
  });
}

describe('layoutDisclosure', () => {
  it('keeps the fixture inside the text area, with no run overlapping another', async () => {
    checkGeometry(await layoutPdfPages(fixture));
  });

  it('keeps long texts, 70 indicators, blanks and an unbreakable string inside too', async () => {
    const pages = await layoutPdfPages(stress());
    checkGeometry(pages);
    const text = squash(pages.flatMap((p) => p.runs.map((r) => r.text)).join(''));
    expect(text).toContain(squash(stress().projects[0]!.form.name));
    expect(text).toContain('90,071,992,547,409.90');
  });

  it('keeps every variant of the corpus inside too: a cut label never runs out of its box', async () => {
    // renamed-sections P03: its goals table met the foot of a page with no room for 项目绩效目标
    // down its side, which ran past the table's bottom rule into the margin; the table moves on
    const dir = new URL('../../../../testdata/variants/', import.meta.url);
    const names = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(names).toContain('renamed-sections.json');
    for (const name of names) {
      const d = decodeDisclosure(JSON.parse(readFileSync(new URL(name, dir), 'utf8')));
      checkGeometry(await layoutPdfPages(d));
    }
  });

  it('prints the summary, then every project from the top of a new page', async () => {
    const pages = await layoutPdfPages(fixture);
    expect(pages[0]!.runs[0]!.text).toMatch(/^按照本市预算绩效管理工作的总体要求/);
    const starts = pages.filter((p) => p.runs[0]?.text === '项目经费情况说明');
    expect(starts).toHaveLength(fixture.projects.length);
    for (const p of starts) expect(p.runs[0]!.y).toBeLessThan(PAGE.top + 10);
  });

  it('emits each page in reading order and the vertical labels one character per run, downwards', async () => {
    const pages = await layoutPdfPages(fixture, { projects: [1] });
    const runs = pages.flatMap((p) => p.runs);
    const at = (t: string) => runs.findIndex((r) => r.text === t);
    const order = [
      '项目名称',
      '培训费',
      '项目性质',
      '主管部门',
      '实施单位',
      '计划开始',
      '项目资金总额',
      '50,000.00',
    ];
    const found = order.map(at);
    expect(found.every((i) => i >= 0)).toBe(true);
    expect(found).toEqual([...found].sort((a, b) => a - b));
    const v = runs.findIndex(
      (_, i) =>
        runs
          .slice(i, i + 4)
          .map((r) => r.text)
          .join('') === '绩效指标',
    );
    expect(v).toBeGreaterThan(at('项目总目标'));
    const label = runs.slice(v, v + 4);
    expect(label.map((r) => r.text).join('')).toBe('绩效指标');
    for (let k = 1; k < 4; k++) {
      expect(label[k]!.y).toBeGreaterThan(label[k - 1]!.y);
      expect(Math.abs(label[k]!.x - label[0]!.x)).toBeLessThan(0.5);
    }
  });

  it('prints an empty disclosure as one blank numbered page', async () => {
    const pages = await layoutPdfPages({ ...fixture, summary: null, projects: [] });
    expect(pages).toHaveLength(1);
    expect(pages[0]!.runs.map((r) => r.text)).toEqual([pageLabel(1, 1)]);
  });
});
