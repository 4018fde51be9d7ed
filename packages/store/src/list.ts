/**
 * Project lists: filters, search by project or indicator name, sorting, pages and the total of
 * the whole filtered set — one SQL statement, whatever the page size (no query per row).
 */
import { fenToWan, fenToYuan, parseYuan } from '@jixiao/core';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from './db.ts';
import { StoreError } from './errors.ts';
import { PROJECT_STATUSES } from './schema.ts';

export interface ProjectQuery {
  regionId?: number;
  departmentId?: number;
  unitId?: number;
  year?: number;
  status?: string[];
  category?: string;
  /** lower bound of 年度资金申请总额, yuan (`"100000"`, `"100,000.00"`), inclusive */
  minYuan?: string;
  /** upper bound, inclusive */
  maxYuan?: string;
  /** part of the project name or of an indicator name (current revision), case-insensitive */
  search?: string;
  /** default: id (import order) */
  sort?: 'name' | 'annualTotal' | 'updatedAt' | 'status';
  order?: 'asc' | 'desc';
  /** from 1; default 1 */
  page?: number;
  /** default 50, at most 500 */
  pageSize?: number;
}

export interface ProjectListItem {
  id: number;
  name: string;
  unitId: number;
  unitName: string;
  departmentId: number;
  departmentName: string;
  year: number;
  status: string;
  category: string;
  /** yuan */
  annualTotal: string | null;
  version: number;
  currentRevision: number;
  grade: string | null;
  errorCount: number;
  warnCount: number;
  updatedAt: string;
}

export const MAX_PAGE_SIZE = 500;
const DEFAULT_PAGE_SIZE = 50;

function positiveInt(value: number | undefined, fallback: number, what: string): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 1)
    throw new StoreError('VALIDATION', `${what}应为正整数：${value}`);
  return value;
}

function yuanBound(value: string | undefined, what: string): string | null {
  if (value === undefined || value.trim() === '') return null;
  const fen = parseYuan(value);
  if (fen === null) throw new StoreError('VALIDATION', `${what}金额格式不正确：${value}`);
  return fenToYuan(fen);
}

/** `%`, `_` and `\` match themselves. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const iso = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

function orderBy(q: ProjectQuery): SQL {
  const dir = q.order === 'desc' ? sql`desc` : sql`asc`;
  const statusOrder = sql.join(
    PROJECT_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  );
  switch (q.sort) {
    case 'name':
      // Code-point order: the same on every server, whatever its locale.
      return sql`f.name collate "C" ${dir}, f.id asc`;
    case 'annualTotal':
      return sql`f.annual_total ${dir} nulls last, f.id asc`;
    case 'updatedAt':
      return sql`f.updated_at ${dir}, f.id asc`;
    case 'status':
      return sql`array_position(array[${statusOrder}]::text[], f.status) ${dir}, f.id asc`;
    default:
      return sql`f.id ${dir}`;
  }
}

interface Row {
  total: number;
  total_yuan: string;
  id: number | null;
  name: string;
  unit_id: number;
  unit_name: string;
  department_id: number;
  department_name: string;
  year: number;
  status: string;
  category: string;
  annual_total: string | null;
  version: number;
  current_revision: number;
  grade: string | null;
  error_count: number;
  warn_count: number;
  updated_at: string;
}

const ph = (name: string) => sql.placeholder(name);

/** The list statement for the shape of `q`, with placeholders for the values (see `listProjects`). */
function listStatement(db: Db, q: ProjectQuery, name: string) {
  const where: SQL[] = [];
  if (q.regionId !== undefined) where.push(sql`p.region_id = ${ph('regionId')}::int`);
  if (q.departmentId !== undefined) where.push(sql`p.department_id = ${ph('departmentId')}::int`);
  if (q.unitId !== undefined) where.push(sql`p.unit_id = ${ph('unitId')}::int`);
  if (q.year !== undefined) where.push(sql`p.year = ${ph('year')}::int`);
  if (q.status !== undefined) {
    where.push(
      q.status.length === 0
        ? sql`false`
        : sql`p.status in (${sql.join(
            q.status.map((_, i) => sql`${ph(`status${i}`)}::text`),
            sql`, `,
          )})`,
    );
  }
  if (q.category !== undefined && q.category !== '') where.push(sql`p.category = ${ph('category')}::text`);
  if (q.minYuan !== undefined && q.minYuan.trim() !== '')
    where.push(sql`p.annual_total >= ${ph('min')}::numeric`);
  if (q.maxYuan !== undefined && q.maxYuan.trim() !== '')
    where.push(sql`p.annual_total <= ${ph('max')}::numeric`);
  if (q.search?.trim()) {
    const pattern = sql`${ph('search')}::text`;
    where.push(sql`(p.name ilike ${pattern} or exists (
      select 1 from revisions r join revision_indicators i on i.revision_id = r.id
      where r.project_id = p.id and r.number = p.current_revision and i.name ilike ${pattern}))`);
  }
  const filter = where.length > 0 ? sql`where ${sql.join(where, sql` and `)}` : sql``;
  const order = orderBy(q);

  // f: the matching projects; t: their count and sum; pg: the ids of the page, numbered. Names and
  // the finding counts (kept on each revision) are then looked up for the page only.
  const query = sql`
    with f as (select p.* from projects p ${filter}),
    t as (
      select count(*)::int as total, coalesce(sum(f.annual_total), 0)::numeric(20, 2)::text as total_yuan from f
    ),
    pg as (
      select f.id, (row_number() over (order by ${order}))::int as rn from f
      order by ${order} limit ${ph('limit')}::int offset ${ph('offset')}::int
    )
    select t.total, t.total_yuan, x.* from t left join lateral (
      select p.id, p.name, p.unit_id, u.name as unit_name, p.department_id, d.name as department_name,
        p.year, p.status, p.category, p.annual_total::text as annual_total, p.version, p.current_revision,
        p.grade, coalesce(r.error_count, 0) as error_count, coalesce(r.warn_count, 0) as warn_count,
        ${iso(sql`p.updated_at`)} as updated_at, pg.rn
      from pg
      join projects p on p.id = pg.id
      join organizations u on u.id = p.unit_id
      join organizations d on d.id = p.department_id
      left join revisions r on r.project_id = p.id and r.number = p.current_revision
    ) x on true
    order by x.rn`;
  const column = <T>(name: keyof Row) => sql<T>`${sql.identifier('q')}.${sql.identifier(name)}`;
  const columns = Object.fromEntries(ROW_COLUMNS.map((c) => [c, column(c)])) as Record<keyof Row, SQL>;
  return db.select(columns).from(sql`(${query}) as q`).orderBy(sql`q.rn`).prepare(name);
}

const ROW_COLUMNS: (keyof Row)[] = [
  'total',
  'total_yuan',
  'id',
  'name',
  'unit_id',
  'unit_name',
  'department_id',
  'department_name',
  'year',
  'status',
  'category',
  'annual_total',
  'version',
  'current_revision',
  'grade',
  'error_count',
  'warn_count',
  'updated_at',
];

/**
 * A name for each shape, the same for every database: a shape always gives the same SQL text, so a
 * connection shared by several `Db` objects (a transaction) never sees one name with two texts.
 */
const statementNames = new Map<string, string>();

/** Prepared list statements, by database and shape: a few dozen shapes at most in practice. */
const listStatements = new WeakMap<Db, Map<string, ReturnType<typeof listStatement>>>();

/**
 * A page of projects matching every given filter, with the count and Σ 年度资金申请总额 of all
 * matching projects (yuan, and 万元 rounded half up as the summary sentence prints it).
 *
 * @throws StoreError VALIDATION for a bad page, page size or amount
 */
export async function listProjects(
  db: Db,
  q: ProjectQuery,
): Promise<{ items: ProjectListItem[]; total: number; totalYuan: string; totalWan: string }> {
  const page = positiveInt(q.page, 1, '页码');
  const pageSize = Math.min(positiveInt(q.pageSize, DEFAULT_PAGE_SIZE, '每页条数'), MAX_PAGE_SIZE);
  const min = yuanBound(q.minYuan, '最低');
  const max = yuanBound(q.maxYuan, '最高');

  const search = q.search?.trim();
  const values: Record<string, unknown> = {
    limit: pageSize,
    offset: (page - 1) * pageSize,
  };
  // The statement's shape: which filters are given and how it is sorted; the values are bound.
  const shape: string[] = [q.sort ?? 'id', q.order === 'desc' ? 'desc' : 'asc'];
  const given = (name: string, value: unknown) => {
    shape.push(name);
    values[name] = value;
  };
  if (q.regionId !== undefined) given('regionId', q.regionId);
  if (q.departmentId !== undefined) given('departmentId', q.departmentId);
  if (q.unitId !== undefined) given('unitId', q.unitId);
  if (q.year !== undefined) given('year', q.year);
  if (q.status !== undefined) {
    shape.push(`status${q.status.length}`);
    q.status.forEach((status, i) => {
      values[`status${i}`] = status;
    });
  }
  if (q.category !== undefined && q.category !== '') given('category', q.category);
  if (min !== null) given('min', min);
  if (max !== null) given('max', max);
  if (search) given('search', likePattern(search));

  let statements = listStatements.get(db);
  if (!statements) {
    statements = new Map();
    listStatements.set(db, statements);
  }
  const key = shape.join(' ');
  let statement = statements.get(key);
  if (!statement) {
    let name = statementNames.get(key);
    if (name === undefined) {
      name = `jixiao_list_${statementNames.size + 1}`;
      statementNames.set(key, name);
    }
    statement = listStatement(db, q, name);
    statements.set(key, statement);
  }
  const rows = (await statement.execute(values)) as Row[];

  const first = rows[0];
  const total = first?.total ?? 0;
  const totalYuan = first?.total_yuan ?? '0.00';
  const items = rows
    .filter((r) => r.id !== null)
    .map(
      (r): ProjectListItem => ({
        id: r.id as number,
        name: r.name,
        unitId: r.unit_id,
        unitName: r.unit_name,
        departmentId: r.department_id,
        departmentName: r.department_name,
        year: r.year,
        status: r.status,
        category: r.category,
        annualTotal: r.annual_total,
        version: r.version,
        currentRevision: r.current_revision,
        grade: r.grade,
        errorCount: r.error_count,
        warnCount: r.warn_count,
        updatedAt: r.updated_at,
      }),
    );
  const totalFen = parseYuan(totalYuan);
  if (totalFen === null) throw new Error(`unexpected sum from the database: ${totalYuan}`);
  return { items, total, totalYuan, totalWan: fenToWan(totalFen) };
}
