import { type Disclosure, printedValue } from '@jixiao/core';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../../../../testdata/fixture.ts';
import { docxWriter } from './write.ts';

/** The XML parts of a .docx (a zip), by name. */
async function unzip(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, string>();
  for (const name of Object.keys(zip.files)) {
    if (name.endsWith('.xml') || name.endsWith('.rels'))
      parts.set(name, await zip.file(name)!.async('string'));
  }
  return parts;
}

const unescapeXml = (s: string) =>
  s.replace(
    /&(lt|gt|quot|apos|amp);/g,
    (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!,
  );

/** The text of each paragraph (runs joined), in document order. */
const paragraphs = (xml: string) =>
  [...xml.matchAll(/<w:p[ >].*?<\/w:p>/g)].map((m) =>
    unescapeXml([...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')),
  );

/** The tables of document.xml, each as rows of cells: the cell's XML and its text. */
const tables = (xml: string) =>
  [...xml.matchAll(/<w:tbl>.*?<\/w:tbl>/g)].map((t) =>
    [...t[0].matchAll(/<w:tr>.*?<\/w:tr>/g)].map((r) =>
      [...r[0].matchAll(/<w:tc>.*?<\/w:tc>/g)].map((c) => ({ xml: c[0], text: paragraphs(c[0]).join('\n') })),
    ),
  );

let parts: Map<string, string>;
let doc: string;

beforeAll(async () => {
  parts = await unzip(await docxWriter.write(fixture));
  doc = parts.get('word/document.xml')!;
});

describe('docxWriter', () => {
  it('is a Word document', () => {
    expect(docxWriter.mediaType).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(docxWriter.extension).toBe('docx');
    expect(parts.get('[Content_Types].xml')).toContain('wordprocessingml.document.main+xml');
  });

  it('has the title, the summary paragraph and every project’s explanation and form', () => {
    const text = paragraphs(doc);
    expect(text[0]).toBe(`${fixture.department} 2024 年度项目绩效目标`);
    expect(text[1]).toMatch(/^按照本市预算绩效管理工作的总体要求，本部门1个预算单位.*项目有1个。$/);
    expect(text.filter((t) => t === '项目经费情况说明')).toHaveLength(10);
    expect(text.filter((t) => t === '财政项目支出绩效目标申报表')).toHaveLength(10);
    expect(text).toContain('六、年度预算安排');
    expect(text).toContain('预算5850000.00元。');
    expect(doc).toContain('<w:pStyle w:val="Heading2"/>');
  });

  it('puts every project name and indicator value in the form tables', () => {
    const forms = tables(doc);
    expect(forms).toHaveLength(10);
    fixture.projects.forEach((p, i) => {
      const rows = forms[i]!;
      expect(rows[0]![1]!.text).toBe(p.form.name);
      const n = p.form.indicators.length;
      const shown = rows.slice(-n).map((r) => r.slice(-2).map((c) => c.text));
      expect(shown).toEqual(p.form.indicators.map((ind) => [ind.name, printedValue(ind)]));
    });
  });

  it('merges 一级/二级 and the 绩效指标 label vertically, and sets that label upright top to bottom', () => {
    const rows = tables(doc)[0]!;
    const n = fixture.projects[0]!.form.indicators.length;
    const table = rows.slice(-n - 1);
    // first column: the label, then a continuation cell in every indicator row
    expect(table[0]![0]!.text).toBe('绩效指标');
    expect(table[0]![0]!.xml).toContain('<w:vMerge w:val="restart"/>');
    expect(table[0]![0]!.xml).toContain('<w:textDirection w:val="tbRlV"/>');
    for (const row of table.slice(1)) expect(row[0]!.xml).toContain('<w:vMerge w:val="continue"/>');
    // 产出指标 over 11 rows: 数量指标 over 10 of them, then 质量指标
    const outputs = table.findIndex((r) => r.some((c) => c.text === '产出指标'));
    expect(table[outputs]![1]!.xml).toContain('w:val="restart"');
    for (const row of table.slice(outputs + 1, outputs + 11)) {
      expect(row[1]!.xml).toContain('<w:vMerge w:val="continue"/>');
    }
    expect(table[outputs + 10]![2]!.text).toBe('质量指标');
  });

  it('gives every row the full grid width', () => {
    for (const rows of tables(doc)) {
      for (const row of rows) {
        const spans = row.map((c) => Number(/<w:gridSpan w:val="(\d+)"\/>/.exec(c.xml)?.[1] ?? 1));
        expect(spans.reduce((a, b) => a + b, 0)).toBe(8);
      }
    }
  });

  it('is A4 with page numbers in the footer and East Asian fonts set', () => {
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const footer = [...parts.entries()].find(([name]) => /^word\/footer\d*\.xml$/.test(name))?.[1];
    expect(footer).toContain('PAGE');
    expect(footer).toContain('NUMPAGES');
    const styles = parts.get('word/styles.xml')!;
    expect(styles).toContain('w:eastAsia="宋体"');
    expect(styles).toContain('w:eastAsia="zh-CN"');
  });

  it('escapes text and writes only the selected projects', async () => {
    const d: Disclosure = structuredClone(fixture);
    d.projects[3]!.form.name = '<w:p>&"x"';
    const xml = (await unzip(await docxWriter.write(d, { projects: [3] }))).get('word/document.xml')!;
    expect(tables(xml)).toHaveLength(1);
    expect(xml).toContain('&lt;w:p&gt;&amp;');
    expect(paragraphs(xml)).toContain('<w:p>&"x"');
  });
});
