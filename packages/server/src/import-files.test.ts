/**
 * Importing uploaded files (PDF, Excel as base64) and previewing an import: round trips through the
 * department download, strict base64, unreadable files, and a preview that writes nothing.
 */
import { schema } from '@jixiao/store';
import { ON_POSTGRES } from '@jixiao/store/testing';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMITS } from './app.ts';
import { buildWorld, call, login, type Session, type World } from './testing.ts';

type ErrorJson = {
  error: { code: string; message: string; fields?: { path: string }[]; details?: { diagnostics: Diag[] } };
};
type Diag = { code: string; severity: string; message: string };
type ProjectJson = { form: { name: string; implementingUnit: string; indicators: unknown[] } };

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

describe(`importing uploaded files (${ON_POSTGRES ? 'PostgreSQL' : 'PGlite'})`, () => {
  let w: World;
  let admin: Session;
  /** department A1 (two projects) as downloaded, and the same as canonical JSON */
  const exported: Record<'pdf' | 'xlsx', string> = { pdf: '', xlsx: '' };
  let source: ProjectJson[];

  beforeAll(async () => {
    w = await buildWorld();
    admin = await login(w.app, 'admina');
    const path = `/api/departments/${w.org.deptA1}`;
    for (const format of ['pdf', 'xlsx'] as const) {
      const res = await call(w.app, admin, 'GET', `${path}/export?year=2024&format=${format}`);
      expect(res.status).toBe(200);
      exported[format] = base64(new Uint8Array(await res.arrayBuffer()));
    }
    const json = await call(w.app, admin, 'GET', `${path}/disclosure?year=2024`);
    source = ((await json.json()) as { projects: ProjectJson[] }).projects;
    expect(source.map((p) => p.form.name)).toEqual(['平安维稳', '综治培训费']);
  });
  afterAll(async () => {
    await w.close();
  });

  /** Row counts of every table an import writes. */
  async function rows() {
    const out: Record<string, number> = {};
    const tables = {
      organizations: schema.organizations,
      projects: schema.projects,
      revisions: schema.revisions,
      findings: schema.findings,
      audit_log: schema.auditLog,
    };
    for (const [name, table] of Object.entries(tables)) {
      const [r] = await w.database.db.select({ n: count() }).from(table);
      out[name] = r?.n ?? 0;
    }
    return out;
  }

  /** Imports a downloaded file into a department and compares the drafts with the source. */
  async function roundTrip(format: 'pdf' | 'xlsx', departmentId: number, as: Session) {
    const res = await call(w.app, as, 'POST', `/api/departments/${departmentId}/imports`, {
      format,
      data: exported[format],
      fileName: `部门公开文本.${format}`,
    });
    const body = (await res.json()) as { projectIds: number[]; diagnostics: Diag[] } & ErrorJson;
    expect({ status: res.status, error: body.error }).toEqual({ status: 201, error: undefined });
    expect(body.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const drafts: ProjectJson[] = [];
    for (const id of body.projectIds) {
      const detail = (await (await call(w.app, as, 'GET', `/api/projects/${id}`)).json()) as {
        status: string;
        project: ProjectJson;
      };
      expect(detail.status).toBe('draft');
      drafts.push(detail.project);
    }
    expect(drafts.map((p) => p.form.name)).toEqual(source.map((p) => p.form.name));
    expect(drafts.map((p) => p.form.indicators)).toEqual(source.map((p) => p.form.indicators));
  }

  it('imports a department’s Excel download into another department as drafts', async () => {
    await roundTrip('xlsx', w.org.deptA2, await login(w.app, 'reva2'));
  });

  it('imports a department’s PDF download into another department as drafts', async () => {
    await roundTrip('pdf', w.org.deptB, await login(w.app, 'revb'));
  });

  it('previews an upload: the document read, its diagnostics and findings, and no row written', async () => {
    const before = await rows();
    // Excel here; the PDF reader is exercised by the PDF round trip above
    {
      const res = await call(w.app, admin, 'POST', `/api/departments/${w.org.deptA2}/imports/preview`, {
        format: 'xlsx',
        data: exported.xlsx,
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        disclosure: { department: string; projects: ProjectJson[] };
        diagnostics: Diag[];
        findings: { ruleId: string; path: string }[];
        counts: { error: number; warn: number; info: number };
        importable: boolean;
        newUnits: string[];
      };
      expect(body.disclosure.department).toBe('中共上海市松江区委政法委员会');
      // the import's own checks ran (rolled back): it names the units it would create — those of
      // the file that the department does not have yet
      expect(body.importable).toBe(true);
      const orgs = (await (await call(w.app, admin, 'GET', '/api/organizations')).json()) as {
        items: { name: string; parentId: number | null }[];
      };
      const have = new Set(orgs.items.filter((o) => o.parentId === w.org.deptA2).map((o) => o.name));
      const inFile = [...new Set(body.disclosure.projects.map((p) => p.form.implementingUnit))];
      expect(body.newUnits).toEqual(inFile.filter((u) => !have.has(u)));
      expect(body.disclosure.projects.map((p) => p.form.name)).toEqual(['平安维稳', '综治培训费']);
      expect(Array.isArray(body.diagnostics)).toBe(true);
      expect(body.findings.length).toBe(body.counts.error + body.counts.warn + body.counts.info);
      expect(body.findings.some((f) => f.path.startsWith('projects[0]'))).toBe(true);
    }
    const text = await call(w.app, admin, 'POST', `/api/departments/${w.org.deptA2}/imports/preview`, {
      format: 'text',
      text: '这不是公开文件',
    });
    expect(((await text.json()) as ErrorJson).error.code).toBe('IMPORT_FAILED');
    expect(await rows()).toEqual(before);
  });

  it('says in the preview when the import would be refused: a closed budget year', async () => {
    const fin = await login(w.app, 'fina');
    const years = `/api/regions/${w.org.regionA}/budget-years/2024`;
    expect((await call(w.app, fin, 'PUT', years, { open: false })).status).toBe(200);
    try {
      const res = await call(w.app, admin, 'POST', `/api/departments/${w.org.deptA2}/imports/preview`, {
        format: 'xlsx',
        data: exported.xlsx,
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { importable: boolean; diagnostics: Diag[] };
      expect(body.importable).toBe(false);
      expect(body.diagnostics).toContainEqual(
        expect.objectContaining({ code: 'IMPORT_YEAR_CLOSED', severity: 'error' }),
      );
    } finally {
      expect((await call(w.app, fin, 'PUT', years, { open: true })).status).toBe(200);
    }
  });

  it('refuses data that is not strict base64, on the field `data`', async () => {
    const before = await rows();
    const good = exported.xlsx;
    for (const data of [
      '这不是base64',
      'YWJjZA',
      `${good.slice(0, 76)}\n${good.slice(76)}`,
      `data:;base64,${good}`,
      '',
    ]) {
      const res = await call(w.app, admin, 'POST', `/api/departments/${w.org.deptA2}/imports`, {
        format: 'xlsx',
        data,
      });
      expect(res.status).toBe(400);
      const body = (await res.json()) as ErrorJson;
      expect(body.error.code).toBe('VALIDATION');
      expect(body.error.fields?.map((f) => f.path)).toEqual(['data']);
    }
    expect(await rows()).toEqual(before);
  });

  it('refuses a file that is not what its format says, with the reader’s diagnostics', async () => {
    const before = await rows();
    const notAFile = base64(new TextEncoder().encode('项目名称,平安维稳\n这不是 PDF'));
    // the message is the reader's, after the file name (readers leave it out, the API adds it once)
    for (const [format, code, data, says] of [
      ['pdf', 'IMPORT_PDF_UNREADABLE', notAFile, 'PDF'],
      ['xlsx', 'IMPORT_XLSX_UNREADABLE', notAFile, 'Excel'],
      ['pdf', 'IMPORT_PDF_UNREADABLE', exported.xlsx, 'PDF'],
    ] as const) {
      const res = await call(w.app, admin, 'POST', `/api/departments/${w.org.deptA2}/imports`, {
        format,
        data,
        fileName: `上传.${format}`,
      });
      expect(res.status).toBe(400);
      const body = (await res.json()) as ErrorJson;
      expect(body.error.code).toBe('IMPORT_FAILED');
      expect(body.error.message).toContain(says);
      expect(body.error.message.startsWith(`上传.${format}：`)).toBe(true);
      expect(body.error.message.split(`上传.${format}`)).toHaveLength(2);
      expect(body.error.details?.diagnostics.map((d) => d.code)).toEqual([code]);
    }
    expect(await rows()).toEqual(before);
  });

  it('takes a 10 MB file in base64, and refuses a larger body with 413', async () => {
    const tenMb = base64(new Uint8Array(10 * 1024 * 1024));
    const path = `/api/departments/${w.org.deptA2}/imports/preview`;
    const res = await call(w.app, admin, 'POST', path, { format: 'xlsx', data: tenMb });
    expect(res.status).toBe(400); // read and found unreadable, not refused for its size
    expect(((await res.json()) as ErrorJson).error.code).toBe('IMPORT_FAILED');
    const over = 'A'.repeat(BODY_LIMITS.import);
    const big = await call(w.app, admin, 'POST', path, { format: 'xlsx', data: over });
    expect(big.status).toBe(413);
  });
});
