/**
 * Organisations: region (finance bureau) → departments (主管部门) → budget units (预算单位), and the
 * budget years a region has opened.
 */
import { and, asc, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import { type Actor, recordAudit } from './audit.ts';
import type { Db } from './db.ts';
import { notFound, StoreError } from './errors.ts';
import { budgetYears, type ORG_KINDS, organizations, projects } from './schema.ts';

export type OrgKind = (typeof ORG_KINDS)[number];
export type Organization = typeof organizations.$inferSelect;

/** Where an organisation sits: its region, and its department and unit when it is one or below. */
export interface OrgScope {
  orgId: number;
  kind: OrgKind;
  regionId: number;
  departmentId: number | null;
  unitId: number | null;
}

const PARENT_KIND: Record<OrgKind, OrgKind | null> = {
  region: null,
  department: 'region',
  unit: 'department',
};
const KIND_NAME: Record<OrgKind, string> = {
  region: '地区（财政部门）',
  department: '主管部门',
  unit: '预算单位',
};

/**
 * Creates an organisation under a parent of the right kind (a region has none).
 * @throws VALIDATION when the parent is missing or of the wrong kind; DUPLICATE for a taken name
 */
export async function createOrganization(
  db: Db,
  input: { kind: OrgKind; name: string; parentId?: number | null; actor?: Actor | null },
): Promise<Organization> {
  const name = input.name.trim();
  if (name === '') throw new StoreError('VALIDATION', '名称不能为空', { fields: [{ path: 'name' }] });
  return db.transaction(async (tx) => {
    const parentKind = PARENT_KIND[input.kind];
    const parentId = input.parentId ?? null;
    if (parentKind === null && parentId !== null) {
      throw new StoreError('VALIDATION', '地区不能有上级组织', { fields: [{ path: 'parentId' }] });
    }
    if (parentKind !== null) {
      const parent = parentId === null ? undefined : await findOrganization(tx, parentId);
      if (!parent || parent.kind !== parentKind) {
        throw new StoreError('VALIDATION', `${KIND_NAME[input.kind]}的上级应为${KIND_NAME[parentKind]}`, {
          fields: [{ path: 'parentId' }],
        });
      }
    }
    const same = await tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(
        and(
          eq(organizations.name, name),
          parentId === null ? isNull(organizations.parentId) : eq(organizations.parentId, parentId),
        ),
      );
    if (same.length > 0) throw new StoreError('DUPLICATE', `同一上级下已有名为「${name}」的组织`, { name });
    const [org] = await tx.insert(organizations).values({ kind: input.kind, name, parentId }).returning();
    if (!org) throw new Error('insert returned nothing');
    await recordAudit(tx, input.actor ?? null, 'org.create', 'organization', org.id, {
      kind: org.kind,
      name,
      parentId,
    });
    return org;
  });
}

async function findOrganization(db: Db, id: number): Promise<Organization | undefined> {
  const [org] = await db.select().from(organizations).where(eq(organizations.id, id));
  return org;
}

/** @throws NOT_FOUND */
export async function getOrganization(db: Db, id: number): Promise<Organization> {
  const org = await findOrganization(db, id);
  if (!org) throw notFound('组织', id);
  return org;
}

/** The region, department and unit an organisation belongs to. @throws NOT_FOUND */
export async function orgScope(db: Db, orgId: number): Promise<OrgScope> {
  const org = await getOrganization(db, orgId);
  if (org.kind === 'region')
    return { orgId, kind: 'region', regionId: org.id, departmentId: null, unitId: null };
  const parent = await getOrganization(db, org.parentId ?? 0);
  if (org.kind === 'department') {
    return { orgId, kind: 'department', regionId: parent.id, departmentId: org.id, unitId: null };
  }
  return { orgId, kind: 'unit', regionId: parent.parentId ?? 0, departmentId: parent.id, unitId: org.id };
}

/**
 * Organisations, filtered: `regionId` gives the region and everything under it; `departmentId` the
 * department and its units; `parentId` direct children. Ordered by id.
 */
export async function listOrganizations(
  db: Db,
  filter: {
    regionId?: number;
    departmentId?: number;
    parentId?: number;
    kind?: OrgKind;
    ids?: number[];
  } = {},
): Promise<Organization[]> {
  const where: (SQL | undefined)[] = [];
  if (filter.regionId !== undefined) {
    const departments = db
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.parentId, filter.regionId));
    where.push(
      or(
        eq(organizations.id, filter.regionId),
        eq(organizations.parentId, filter.regionId),
        inArray(organizations.parentId, departments),
      ),
    );
  }
  if (filter.departmentId !== undefined) {
    where.push(
      or(eq(organizations.id, filter.departmentId), eq(organizations.parentId, filter.departmentId)),
    );
  }
  if (filter.parentId !== undefined) where.push(eq(organizations.parentId, filter.parentId));
  if (filter.kind !== undefined) where.push(eq(organizations.kind, filter.kind));
  if (filter.ids !== undefined) {
    if (filter.ids.length === 0) return [];
    where.push(inArray(organizations.id, filter.ids));
  }
  return db
    .select()
    .from(organizations)
    .where(and(...where))
    .orderBy(asc(organizations.id));
}

/** Opens (or closes) a budget year for a region. Idempotent. */
export async function setBudgetYear(
  db: Db,
  input: { regionId: number; year: number; open?: boolean; actor?: Actor | null },
): Promise<{ regionId: number; year: number; open: boolean }> {
  const open = input.open ?? true;
  return db.transaction(async (tx) => {
    const region = await getOrganization(tx, input.regionId);
    if (region.kind !== 'region') throw new StoreError('VALIDATION', '预算年度属于地区（财政部门）');
    const [row] = await tx
      .insert(budgetYears)
      .values({ regionId: input.regionId, year: input.year, open })
      .onConflictDoUpdate({ target: [budgetYears.regionId, budgetYears.year], set: { open } })
      .returning();
    if (!row) throw new Error('upsert returned nothing');
    await recordAudit(tx, input.actor ?? null, 'year.set', 'budget_year', `${input.regionId}:${input.year}`, {
      open,
    });
    return row;
  });
}

/**
 * Refuses compiling in a budget year the finance bureau has closed for the region: creating,
 * importing, saving and submitting projects. A year with no row has not been closed (it is open).
 *
 * @throws StoreError YEAR_CLOSED
 */
export async function assertYearOpen(db: Db, regionId: number, year: number): Promise<void> {
  const [row] = await db
    .select({ open: budgetYears.open })
    .from(budgetYears)
    .where(and(eq(budgetYears.regionId, regionId), eq(budgetYears.year, year)));
  if (row && !row.open) {
    throw new StoreError('YEAR_CLOSED', `${year}年度预算编报已关闭，不能新建、导入、修改或提交项目`, {
      regionId,
      year,
    });
  }
}

/** The budget years of a region, newest first. */
export async function listBudgetYears(db: Db, regionId: number) {
  const rows = await db.select().from(budgetYears).where(eq(budgetYears.regionId, regionId));
  return rows.sort((a, b) => b.year - a.year);
}

/** Where a project sits (for access checks before loading it). @throws NOT_FOUND */
export async function projectPlace(
  db: Db,
  projectId: number,
): Promise<{ regionId: number; departmentId: number; unitId: number }> {
  const [row] = await db
    .select({ regionId: projects.regionId, departmentId: projects.departmentId, unitId: projects.unitId })
    .from(projects)
    .where(eq(projects.id, projectId));
  if (!row) throw notFound('项目', projectId);
  return row;
}
