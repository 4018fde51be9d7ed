/** Importing a disclosure into a department: as text or canonical JSON, all or nothing. */
import { readFileSync } from 'node:fs';
import { encodeDisclosure } from '@jixiao/core';
import { schema } from '@jixiao/store';
import { ON_POSTGRES } from '@jixiao/store/testing';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, call, FIXTURE_TEXT, fixture, login, type Session, type World } from './testing.ts';

describe(`importing disclosures (${ON_POSTGRES ? 'PostgreSQL' : 'PGlite'})`, () => {
  let w: World;
  let rev: Session;
  beforeAll(async () => {
    w = await buildWorld();
    rev = await login(w.app, 'reva2');
  });
  afterAll(async () => {
    await w.close();
  });

  /** Row counts of every table an import writes. */
  async function rows() {
    const { db } = w.database;
    const out: Record<string, number> = {};
    const tables = {
      organizations: schema.organizations,
      projects: schema.projects,
      revisions: schema.revisions,
      revision_sections: schema.revisionSections,
      revision_indicators: schema.revisionIndicators,
      findings: schema.findings,
      audit_log: schema.auditLog,
    };
    for (const [name, table] of Object.entries(tables)) {
      const [r] = await db.select({ n: count() }).from(table);
      out[name] = r?.n ?? 0;
    }
    return out;
  }

  it('imports the Songjiang text as 10 drafts of one new unit', async () => {
    const text = readFileSync(FIXTURE_TEXT, 'utf8');
    const res = await call(w.app, rev, 'POST', `/api/departments/${w.org.deptA2}/imports`, {
      format: 'text',
      text,
      fileName: 'songjiang-zfw-2024.txt',
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { projectIds: number[]; unitIds: number[] };
    expect(body.projectIds).toHaveLength(10);
    expect(body.unitIds).toHaveLength(1);
    const list = await call(
      w.app,
      rev,
      'GET',
      `/api/projects?departmentId=${w.org.deptA2}&status=draft&pageSize=50`,
    );
    const page = (await list.json()) as { total: number; totalWan: string };
    expect(page.total).toBe(11); // with the world's own project
    const summary = await call(w.app, rev, 'GET', `/api/departments/${w.org.deptA2}/summary?year=2024`);
    expect(await summary.json()).toMatchObject({ figures: { projectCount: 11 }, byStatus: { draft: 11 } });
  });

  it('imports canonical JSON', async () => {
    const admin = await login(w.app, 'admina');
    const res = await call(w.app, admin, 'POST', `/api/departments/${w.org.deptA1}/imports`, {
      format: 'json',
      disclosure: encodeDisclosure(fixture()),
    });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { projectIds: number[] }).projectIds).toHaveLength(10);
  });

  it('refuses an unreadable file with its diagnostics and writes nothing', async () => {
    const before = await rows();
    const res = await call(w.app, rev, 'POST', `/api/departments/${w.org.deptA2}/imports`, {
      format: 'text',
      text: '这是一份会议纪要，不是绩效目标公开文本。',
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as {
      error: { code: string; message: string; details: { diagnostics: unknown[] } };
    };
    expect(body.error.code).toBe('IMPORT_FAILED');
    expect(body.error.message).toMatch(/财政项目支出绩效目标申报表/);
    expect(body.error.details.diagnostics[0]).toMatchObject({ code: 'IMPORT_NO_FORMS', severity: 'error' });
    expect(await rows()).toEqual(before);
  });

  it('refuses invalid JSON with field paths and writes nothing', async () => {
    const before = await rows();
    const json = encodeDisclosure(fixture()) as { projects: { form: { funds: { total: unknown } } }[] };
    (json.projects[3] as { form: { funds: { total: unknown } } }).form.funds.total = '5,850,000';
    const res = await call(w.app, rev, 'POST', `/api/departments/${w.org.deptA2}/imports`, {
      format: 'json',
      disclosure: json,
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as {
      error: { code: string; fields: { path: string; message: string }[] };
    };
    expect(body.error.code).toBe('VALIDATION');
    expect(body.error.fields.map((f) => f.path)).toContain('disclosure.projects[3].form.funds.total');
    expect(await rows()).toEqual(before);
  });

  it('rolls back everything when the database refuses a row halfway through', async () => {
    const before = await rows();
    const d = fixture();
    // A new unit is created and projects are written before the ninth project's text, which
    // PostgreSQL refuses (NUL is not allowed in text), fails the transaction.
    const renamed = d.projects.map((p, i) => ({
      ...p,
      form: {
        ...p.form,
        implementingUnit: '上海市松江区教育局附属单位',
        overallGoal: i === 8 ? `目标\u0000` : p.form.overallGoal,
      },
    }));
    const res = await call(w.app, rev, 'POST', `/api/departments/${w.org.deptA2}/imports`, {
      format: 'json',
      disclosure: encodeDisclosure({ ...d, projects: renamed }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('VALIDATION');
    expect(await rows()).toEqual(before);
  });

  it('accepts a large import up to 10 MB but other bodies only up to 1 MB', async () => {
    const big = 'x'.repeat(2 * 1024 * 1024);
    const res = await call(w.app, rev, 'POST', `/api/departments/${w.org.deptA2}/imports`, {
      format: 'text',
      text: big,
    });
    expect(res.status).toBe(400); // read and found unreadable, not refused for its size
    const comment = await call(w.app, rev, 'POST', `/api/projects/${w.project.a2}/comments`, {
      path: '',
      body: big,
    });
    expect(comment.status).toBe(413);
    expect(await comment.json()).toEqual({
      error: { code: 'PAYLOAD_TOO_LARGE', message: '请求体过大（上限 1 MB）' },
    });
  });
});
