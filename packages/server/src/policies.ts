/**
 * Who may see and do what. A preparer sees only their unit, a department reviewer their
 * department, finance reviewers and admins their region. Out of scope is 404 (existence is not
 * revealed); in scope but the wrong role is 403. Workflow roles are checked again by the store's
 * state machine.
 */
import type { Role } from '@jixiao/store';
import { ApiError } from './errors.ts';

/** The logged-in user and where their organisation sits. */
export interface Principal {
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  orgId: number;
  regionId: number;
  departmentId: number | null;
  unitId: number | null;
}

/** Where a resource sits: its region, and its department and unit when it has them. */
export interface Place {
  regionId: number;
  departmentId?: number | null;
  unitId?: number | null;
}

/** Whether a principal's scope covers a place. */
export function covers(p: Principal, place: Place): boolean {
  switch (p.role) {
    case 'admin':
    case 'finance_reviewer':
      return place.regionId === p.regionId;
    case 'department_reviewer':
      return place.departmentId != null && place.departmentId === p.departmentId;
    case 'preparer':
      return place.unitId != null && place.unitId === p.unitId;
  }
}

/** The list filter that restricts a query to a principal's scope. */
export function scopeFilter(
  p: Principal,
): { regionId: number } | { departmentId: number } | { unitId: number } {
  if (p.role === 'preparer') return { unitId: p.unitId ?? -1 };
  if (p.role === 'department_reviewer') return { departmentId: p.departmentId ?? -1 };
  return { regionId: p.regionId };
}

/**
 * A list filter narrowed to the principal's scope, or null when the filter asks for something
 * outside it (a preparer filtering by another unit gets nothing, not their own unit).
 */
export function narrowToScope<F extends { regionId?: number; departmentId?: number; unitId?: number }>(
  p: Principal,
  filter: F,
): F | null {
  const scope: Partial<Record<'regionId' | 'departmentId' | 'unitId', number>> = scopeFilter(p);
  for (const key of ['regionId', 'departmentId', 'unitId'] as const) {
    const want = scope[key];
    if (want === undefined) continue;
    if (filter[key] !== undefined && filter[key] !== want) return null;
  }
  return { ...filter, ...scope };
}

/** @throws NOT_FOUND when the place is outside the principal's scope */
export function assertCovers(p: Principal, place: Place): void {
  if (!covers(p, place)) throw new ApiError('NOT_FOUND');
}

function assertRole(p: Principal, roles: readonly Role[], what: string): void {
  if (!roles.includes(p.role)) throw new ApiError('FORBIDDEN', `当前角色无权${what}`);
}

/**
 * An organisation is visible when it is in the principal's scope or above it (a preparer sees
 * their department's and region's names).
 */
export function orgVisible(p: Principal, org: Place & { id: number }): boolean {
  return covers(p, org) || org.id === p.regionId || org.id === p.departmentId;
}

export const can = {
  viewProject(p: Principal, project: Place): void {
    assertCovers(p, project);
  },
  /** Only the unit edits its project (the store also requires draft or returned). */
  editProject(p: Principal, project: Place): void {
    assertCovers(p, project);
    assertRole(p, ['preparer'], '修改项目');
  },
  createProject(p: Principal, unit: Place): void {
    assertCovers(p, unit);
    assertRole(p, ['preparer'], '新建项目');
  },
  /** Reviewers and preparers discuss a project; the admin manages accounts, not content. */
  comment(p: Principal, project: Place): void {
    assertCovers(p, project);
    assertRole(p, ['preparer', 'department_reviewer', 'finance_reviewer'], '发表或处理意见');
  },
  /** Workflow steps; which role may take which step is the state machine's business. */
  transition(p: Principal, project: Place): void {
    assertCovers(p, project);
    assertRole(p, ['preparer', 'department_reviewer', 'finance_reviewer'], '办理审核流程');
  },
  importInto(p: Principal, department: Place & { id: number }): void {
    if (!orgVisible(p, department)) throw new ApiError('NOT_FOUND');
    assertRole(p, ['department_reviewer', 'admin'], '导入项目');
  },
  /** Department-wide views: summary, review runs, the current disclosure. */
  readDepartment(p: Principal, department: Place & { id: number }): void {
    if (!orgVisible(p, department)) throw new ApiError('NOT_FOUND');
    assertRole(p, ['department_reviewer', 'finance_reviewer', 'admin'], '查看部门汇总');
  },
  /** The department's blank Excel template: for its units to fill in, and for its reviewers. */
  fillTemplate(p: Principal, department: Place & { id: number }): void {
    if (!orgVisible(p, department)) throw new ApiError('NOT_FOUND');
  },
  publish(p: Principal, department: Place & { id: number }): void {
    if (!orgVisible(p, department)) throw new ApiError('NOT_FOUND');
    assertRole(p, ['department_reviewer'], '发布公开');
  },
  /** Anyone in a region sees its budget years (a region is above every preparer). */
  viewRegion(p: Principal, region: Place & { id: number }): void {
    if (region.id !== p.regionId) throw new ApiError('NOT_FOUND');
  },
  /** The finance bureau (or the admin) of the region opens and closes its budget years. */
  manageYears(p: Principal, region: Place & { id: number }): void {
    if (region.id !== p.regionId) throw new ApiError('NOT_FOUND');
    assertRole(p, ['finance_reviewer', 'admin'], '开放或关闭预算年度');
  },
  /** The admin creates organisations in their region. */
  manageOrgs(p: Principal, parent: Place): void {
    assertRole(p, ['admin'], '管理组织');
    assertCovers(p, parent);
  },
  manageUsers(p: Principal): void {
    assertRole(p, ['admin'], '管理用户');
  },
};
