/**
 * Downloads (a project, a department, a publication in every format) and importing uploaded PDF
 * and Excel files, through the real app.
 */
import { readDisclosure, WRITE_FORMATS, WRITERS, type WriteFormat } from '@jixiao/formats';
import { ON_POSTGRES } from '@jixiao/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentDisposition, MEDIA_TYPES } from './routes/files.ts';
import { buildWorld, call, login, type Session, type World } from './testing.ts';

type Json = Record<string, unknown>;
type ErrorJson = { error: { code: string; message: string; fields?: { path: string }[]; details?: Json } };
type ProjectJson = { form: { name: string; indicators: unknown[] } };
type DisclosureJson = { department: string; year: number; summary: Json | null; projects: ProjectJson[] };

const EXTENSION: Record<WriteFormat, string> = {
  pdf: 'pdf',
  xlsx: 'xlsx',
  docx: 'docx',
  csv: 'csv',
  html: 'html',
  json: 'json',
};

/** The first bytes of each format. */
function expectMagic(format: WriteFormat, bytes: Uint8Array): void {
  const head = new TextDecoder('latin1').decode(bytes.slice(0, 16));
  if (format === 'pdf') expect(head.startsWith('%PDF-')).toBe(true);
  else if (format === 'xlsx' || format === 'docx') expect(head.startsWith('PK\x03\x04')).toBe(true);
  else if (format === 'csv') expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  else if (format === 'html') expect(head.toLowerCase().startsWith('<!doctype html>')).toBe(true);
  else expect(head.startsWith('{')).toBe(true);
}

const disposition = (chinese: string, ascii: string) =>
  `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(chinese)}`;

describe(`downloads and file imports (${ON_POSTGRES ? 'PostgreSQL' : 'PGlite'})`, () => {
  let w: World;
  let prep: Session;
  let rev: Session;
  let fin: Session;
  let publicationId: number;

  /** GET a download; checks status, type, disposition and magic; returns the bytes. */
  async function download(
    s: Session | null,
    path: string,
    format: WriteFormat,
    chinese: string,
    ascii: string,
  ) {
    const res = await call(w.app, s, 'GET', path);
    expect(res.status, await res.clone().text()).toBe(200);
    const writer = await WRITERS[format]();
    expect(res.headers.get('content-type')).toBe(writer.mediaType);
    expect(MEDIA_TYPES[format]).toBe(writer.mediaType); // the OpenAPI document's table
    const ext = EXTENSION[format];
    expect(res.headers.get('content-disposition')).toBe(disposition(`${chinese}.${ext}`, `${ascii}.${ext}`));
    const bytes = new Uint8Array(await res.arrayBuffer());
    expectMagic(format, bytes);
    return { res, bytes };
  }

  const step = async (s: Session, id: number, body: Json) => {
    const res = await call(w.app, s, 'POST', `/api/projects/${id}/transitions`, body);
    expect(res.status, await res.clone().text()).toBe(200);
    return ((await res.json()) as { version: number }).version;
  };

  beforeAll(async () => {
    w = await buildWorld();
    prep = await login(w.app, 'prepa1');
    rev = await login(w.app, 'reva1');
    fin = await login(w.app, 'fina');
    // project a1 through the workflow and published, for the public download
    const id = w.project.a1;
    const detail = (await (await call(w.app, prep, 'GET', `/api/projects/${id}`)).json()) as {
      version: number;
    };
    let v = await step(prep, id, { action: 'submit', baseVersion: detail.version });
    v = await step(rev, id, { action: 'department_approve', baseVersion: v, opinion: '同意' });
    v = await step(rev, id, { action: 'send_to_finance', baseVersion: v });
    await step(fin, id, { action: 'finance_grade', baseVersion: v, grade: '优', opinion: '可' });
    const pub = await call(w.app, rev, 'POST', `/api/departments/${w.org.deptA1}/publications`, {
      year: 2024,
    });
    expect(pub.status).toBe(201);
    publicationId = ((await pub.json()) as { id: number }).id;
  });
  afterAll(async () => {
    await w.close();
  });

  it('downloads a project in every format, without the department summary', async () => {
    for (const format of WRITE_FORMATS) {
      const { res, bytes } = await download(
        prep,
        `/api/projects/${w.project.a1}/export?format=${format}`,
        format,
        '平安维稳',
        `project-${w.project.a1}`,
      );
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      if (format === 'json') {
        const d = JSON.parse(new TextDecoder().decode(bytes)) as DisclosureJson;
        expect(d).toMatchObject({ department: '中共上海市松江区委政法委员会', year: 2024, summary: null });
        expect(d.projects.map((p) => p.form.name)).toEqual(['平安维稳']);
      }
    }
  });

  it('downloads an earlier revision of a project, named as such', async () => {
    const id = w.project.a1b;
    const s = await login(w.app, 'prepa1b');
    const d = (await (await call(w.app, s, 'GET', `/api/projects/${id}`)).json()) as {
      version: number;
      project: { form: { annualGoal: string } };
    };
    const before = d.project.form.annualGoal;
    d.project.form.annualGoal = '完成年度培训任务。';
    const saved = await call(w.app, s, 'PUT', `/api/projects/${id}`, {
      baseVersion: d.version,
      project: d.project,
    });
    expect(saved.status).toBe(200);
    const { bytes } = await download(
      s,
      `/api/projects/${id}/export?format=json&revision=1`,
      'json',
      '综治培训费（修订1）',
      `project-${id}-r1`,
    );
    const old = JSON.parse(new TextDecoder().decode(bytes)) as {
      projects: { form: { annualGoal: string } }[];
    };
    expect(old.projects[0]?.form.annualGoal).toBe(before);
    expect((await call(w.app, s, 'GET', `/api/projects/${id}/export?format=json&revision=9`)).status).toBe(
      404,
    );
  });

  it('downloads a department in every format, opening with the computed summary', async () => {
    const path = `/api/departments/${w.org.deptA1}`;
    const summary = (await (await call(w.app, rev, 'GET', `${path}/summary?year=2024`)).json()) as {
      figures: Json & { totalYuan: string };
      sentence: string;
    };
    for (const format of WRITE_FORMATS) {
      const { bytes } = await download(
        rev,
        `${path}/export?year=2024&format=${format}`,
        format,
        '中共上海市松江区委政法委员会-2024年项目绩效目标',
        `department-${w.org.deptA1}-2024`,
      );
      if (format === 'json') {
        // GET …/disclosure, with the summary that GET …/summary computes
        const disclosure = (await (
          await call(w.app, rev, 'GET', `${path}/disclosure?year=2024`)
        ).json()) as Json;
        const { totalYuan: _y, ...figures } = summary.figures;
        expect(JSON.parse(new TextDecoder().decode(bytes))).toEqual({ ...disclosure, summary: figures });
      }
      if (format === 'html') expect(new TextDecoder().decode(bytes)).toContain(summary.sentence);
    }
    // a status filter, as for GET …/disclosure
    const res = await call(w.app, rev, 'GET', `${path}/export?year=2024&format=json&status=draft`);
    const drafts = JSON.parse(await res.text()) as DisclosureJson;
    expect(drafts.projects.map((p) => p.form.name)).toEqual(['综治培训费']);
  });

  it('downloads a publication in every format without login, as frozen', async () => {
    const frozen = (await (
      await call(w.app, null, 'GET', `/api/public/publications/${publicationId}`)
    ).json()) as {
      snapshot: Json;
    };
    for (const format of WRITE_FORMATS) {
      const { res, bytes } = await download(
        null,
        `/api/public/publications/${publicationId}/export?format=${format}`,
        format,
        '中共上海市松江区委政法委员会-2024年项目绩效目标（公开第1版）',
        `publication-${publicationId}-v1`,
      );
      expect(res.headers.get('cache-control')).toBe('public, max-age=3600');
      if (format === 'json') expect(JSON.parse(new TextDecoder().decode(bytes))).toEqual(frozen.snapshot);
    }
    const missing = await call(w.app, null, 'GET', '/api/public/publications/999999/export?format=pdf');
    expect(missing.status).toBe(404);
  });

  it('gives a unit the blank Excel template of its department, which reads back as no data yet', async () => {
    const { bytes } = await download(
      prep,
      `/api/departments/${w.org.deptA1}/template?year=2025`,
      'xlsx',
      '中共上海市松江区委政法委员会-2025年绩效目标填报模板',
      `template-${w.org.deptA1}-2025`,
    );
    const read = await readDisclosure(bytes, 'xlsx');
    expect(read.disclosure).toBeNull();
    expect(read.diagnostics.map((d) => d.code)).toEqual(['IMPORT_XLSX_NO_DATA']);
    expect(
      (await call(w.app, prep, 'GET', `/api/departments/${w.org.deptA2}/template?year=2025`)).status,
    ).toBe(404);
    expect(
      (await call(w.app, null, 'GET', `/api/departments/${w.org.deptA1}/template?year=2025`)).status,
    ).toBe(401);
  });

  it('refuses an unknown format, an anonymous caller and a caller out of scope', async () => {
    for (const path of [
      `/api/projects/${w.project.a1}/export?format=odt`,
      `/api/projects/${w.project.a1}/export`,
      `/api/departments/${w.org.deptA1}/export?year=2024&format=PDF`,
      `/api/public/publications/${publicationId}/export?format=txt`,
    ]) {
      const res = await call(w.app, rev, 'GET', path);
      expect(res.status).toBe(400);
      const body = (await res.json()) as ErrorJson;
      expect(body.error.code).toBe('VALIDATION');
      expect(body.error.fields?.map((f) => f.path)).toEqual(['format']);
    }
    const anonymous = await call(w.app, null, 'GET', `/api/projects/${w.project.a1}/export?format=pdf`);
    expect(anonymous.status).toBe(401);
    const outside = await call(w.app, prep, 'GET', `/api/projects/${w.project.a1b}/export?format=csv`);
    expect(outside.status).toBe(404);
    const preparer = await call(
      w.app,
      prep,
      'GET',
      `/api/departments/${w.org.deptA1}/export?year=2024&format=csv`,
    );
    expect(preparer.status).toBe(403);
  });

  it('makes any project name a safe file name, with an ASCII fallback', () => {
    expect(contentDisposition('项目/名称"：*?\n(一)', 'project-1', 'pdf')).toBe(
      `attachment; filename="project-1.pdf"; filename*=UTF-8''${encodeURIComponent('项目_名称_：_')}%28${encodeURIComponent('一')}%29.pdf`,
    );
    expect(contentDisposition(' ../.. ', 'project-2', 'csv')).toBe(
      `attachment; filename="project-2.csv"; filename*=UTF-8''_.csv`,
    );
    expect(contentDisposition(' . ', 'project-4', 'csv')).toBe(
      `attachment; filename="project-4.csv"; filename*=UTF-8''project-4.csv`,
    );
    expect(contentDisposition('\u0000', 'project-3', 'csv')).toBe(
      `attachment; filename="project-3.csv"; filename*=UTF-8''_.csv`,
    );
  });
});
