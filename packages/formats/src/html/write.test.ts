import { printedValue } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../testdata/fixture.ts';
import { escapeHtml, htmlWriter, renderDisclosureHtml, renderProjectHtml } from './write.ts';

const html = renderDisclosureHtml(fixture);

/** The `<tr>` rows of the n-th form table, each as its cells' tag, attributes and text. */
function tableRows(doc: string, n: number) {
  const table = doc.split('<table class="jx-form-table">')[n + 1]!.split('</table>')[0]!;
  return [...table.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].map((m) =>
    [...m[1]!.matchAll(/<(td|th)([^>]*)>(.*?)<\/\1>/g)].map(([, tag, attrs, inner]) => ({
      tag,
      colspan: Number(/colspan="(\d+)"/.exec(attrs!)?.[1] ?? 1),
      rowspan: Number(/rowspan="(\d+)"/.exec(attrs!)?.[1] ?? 1),
      text: inner!.replace(/<[^>]+>/g, ''),
    })),
  );
}

describe('renderDisclosureHtml', () => {
  it('is a complete standalone Chinese document with A4 print styles', () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain(`<title>${fixture.department} 2024 年度项目绩效目标</title>`);
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('.jx-project + .jx-project { break-before: page; }');
    expect(html).toMatch(/\.jx-vertical \{[^}]*writing-mode: vertical-rl/);
    expect(html).not.toMatch(/<script|<link|src=|url\(/i);
  });

  it('has the summary paragraph, then per project its explanation and its form', () => {
    expect(html).toContain('本部门1个预算单位开展了2024年项目预算绩效目标编报工作，编报绩效目标的项目10个');
    expect(html.match(/<section class="jx-project"/g)).toHaveLength(10);
    expect(html.match(/<h2>项目经费情况说明<\/h2>/g)).toHaveLength(10);
    expect(html.match(/<h2>财政项目支出绩效目标申报表<\/h2>/g)).toHaveLength(10);
    expect(html).toContain('<h3>六、年度预算安排</h3>\n<p>预算5850000.00元。</p>');
    expect(html.indexOf('项目经费情况说明')).toBeLessThan(html.indexOf('财政项目支出绩效目标申报表'));
  });

  it('prints every indicator of every project in its table', () => {
    fixture.projects.forEach((p, i) => {
      const rows = tableRows(html, i);
      const values = rows.slice(-p.form.indicators.length).map((r) => r.slice(-2).map((c) => c.text));
      expect(values).toEqual(
        p.form.indicators.map((ind) => [escapeHtml(ind.name), escapeHtml(printedValue(ind))]),
      );
    });
  });

  it('merges the 一级/二级 headings and the vertical 绩效指标 label with rowspan', () => {
    const rows = tableRows(html, 0);
    const cells = rows.flat();
    const n = fixture.projects[0]!.form.indicators.length;
    expect(cells.find((c) => c.text === '绩效指标')).toMatchObject({ tag: 'th', rowspan: n + 1 });
    expect(cells.find((c) => c.text === '产出指标')).toMatchObject({ rowspan: 11 });
    expect(cells.find((c) => c.text === '数量指标')).toMatchObject({ rowspan: 10 });
    expect(cells.find((c) => c.text === '项目资金（元）')).toMatchObject({ rowspan: 4, colspan: 2 });
    expect(html).toContain('<span class="jx-vertical">绩效指标</span>');
  });

  it('draws the 项目绩效目标 label over the long goal row without a rowspan, so that row can break', () => {
    const rows = tableRows(html, 0);
    const goals = rows.findIndex((r) => r.some((c) => c.text === '项目总目标'));
    expect(rows[goals]![0]).toMatchObject({ text: '', rowspan: 1 });
    expect(rows[goals + 1]![0]).toMatchObject({ text: '项目绩效目标', rowspan: 1 });
    expect(rows[goals + 1]![2]!.text).toBe(escapeHtml(fixture.projects[0]!.form.annualGoal));
  });

  it('every table row spans the eight columns', () => {
    fixture.projects.forEach((_, i) => {
      const rows = tableRows(html, i);
      const carried = Array(8).fill(0) as number[];
      for (const row of rows) {
        let col = 0;
        for (const c of row) {
          while (carried[col]! > 0) col++;
          for (let k = 0; k < c.colspan; k++) carried[col + k] = c.rowspan;
          col += c.colspan;
        }
        expect(carried.every((left) => left > 0)).toBe(true);
        for (let k = 0; k < 8; k++) carried[k]!--;
      }
    });
  });

  it('escapes everything that comes from the disclosure', () => {
    const d = structuredClone(fixture);
    d.projects[0]!.form.name = '<script>alert("x")</script>';
    d.projects[0]!.form.indicators[0] = { ...d.projects[0]!.form.indicators[0]!, name: 'a & b <i>' };
    d.department = '"><img src=x onerror=alert(1)>';
    const out = renderDisclosureHtml(d);
    expect(out).not.toContain('<script>');
    expect(out).not.toContain('<img');
    expect(out).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(out).toContain('a &amp; b &lt;i&gt;');
    expect(out).toContain('aria-label="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"');
  });

  it('leaves out what a disclosure does not have', () => {
    const d = { ...structuredClone(fixture), summary: null };
    d.projects[0]!.explanation = null;
    const out = renderProjectHtml(d.projects[0]!, 0);
    expect(out).not.toContain('项目经费情况说明');
    expect(renderDisclosureHtml(d)).not.toContain('class="jx-summary"');
  });
});

describe('htmlWriter', () => {
  it('writes UTF-8 HTML, only the selected projects', async () => {
    expect(htmlWriter.mediaType).toBe('text/html; charset=utf-8');
    expect(htmlWriter.extension).toBe('html');
    const text = new TextDecoder().decode(await htmlWriter.write(fixture, { projects: [2] }));
    expect(text.match(/<section class="jx-project"/g)).toHaveLength(1);
    expect(text).toContain(escapeHtml(fixture.projects[2]!.form.name));
    expect(text).toContain('id="project-1"');
  });
});
