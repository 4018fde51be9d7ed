/** Store records → API bodies: money back to yuan strings, dates to ISO strings, names added. */
import { z } from '@hono/zod-openapi';
import { type Project, Project as ProjectSchema } from '@jixiao/core';
import {
  availableActions,
  type Organization,
  type ProjectDetail,
  type ProjectStatus,
  type Publication,
  type PublicationInfo,
  ROLE_NAMES,
  STATUS_NAMES,
  type User,
} from '@jixiao/store';
import type { Principal } from './policies.ts';

export const presentUser = (u: User) => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  roleName: ROLE_NAMES[u.role],
  orgId: u.orgId,
  active: u.active,
});

export const presentOrg = (o: Organization) => ({
  id: o.id,
  kind: o.kind,
  name: o.name,
  parentId: o.parentId,
});

export const encodeProject = (p: Project) => z.encode(ProjectSchema, p);

export function presentProject(d: ProjectDetail, me: Principal) {
  const status = d.status as ProjectStatus;
  return {
    id: d.id,
    unitId: d.unitId,
    departmentId: d.departmentId,
    regionId: d.regionId,
    year: d.year,
    status: d.status,
    statusName: STATUS_NAMES[status] ?? d.status,
    version: d.version,
    currentRevision: d.currentRevision,
    revision: d.revision,
    grade: d.grade,
    name: d.name,
    project: encodeProject(d.project),
    findings: d.findings.map((f) => ({ ...f, data: f.data as Record<string, unknown> })),
    // publishing is department-wide (POST /departments/{id}/publications), not a project action
    actions:
      d.revision === d.currentRevision
        ? availableActions(status, me.role).filter((a) => a !== 'publish')
        : [],
    updatedAt: d.updatedAt,
  };
}

export const presentPublicationInfo = (p: PublicationInfo) => ({
  id: p.id,
  departmentId: p.departmentId,
  departmentName: p.departmentName,
  regionId: p.regionId,
  year: p.year,
  version: p.version,
  publishedAt: p.publishedAt.toISOString(),
  summary: p.summary,
});

export const presentPublication = (p: Publication) => ({
  ...presentPublicationInfo(p),
  snapshot: p.snapshot,
});
