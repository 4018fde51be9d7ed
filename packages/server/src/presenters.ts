/** Store records → API bodies: money back to yuan strings, dates to ISO strings, names added. */
import { type RouteConfig, type RouteConfigToTypedResponse, z } from '@hono/zod-openapi';
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
import type { Context } from 'hono';
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

/** The parts of a project's detail that only its (immutable) revision decides, as JSON text. */
const revisionJson = new WeakMap<Project, { project: string; findings: string }>();

function revisionJsonOf(d: ProjectDetail): { project: string; findings: string } {
  let json = revisionJson.get(d.project);
  if (!json) {
    json = {
      project: JSON.stringify(encodeProject(d.project)),
      findings: JSON.stringify(d.findings.map((f) => ({ ...f, data: f.data as Record<string, unknown> }))),
    };
    revisionJson.set(d.project, json);
  }
  return json;
}

/** The project's state and what the caller may do with it (everything but the revision's content). */
function projectHead(d: ProjectDetail, me: Principal) {
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
    // publishing is department-wide (POST /departments/{id}/publications), not a project action
    actions:
      d.revision === d.currentRevision
        ? availableActions(status, me.role).filter((a) => a !== 'publish')
        : [],
    updatedAt: d.updatedAt,
  };
}

/**
 * The project detail (`ProjectDetail` schema) as JSON text: the revision's part is encoded once
 * per revision and spliced in, since revisions never change — the hot path of every editor and
 * reviewer page.
 */
export function presentProjectJson(d: ProjectDetail, me: Principal): string {
  const json = revisionJsonOf(d);
  const head = JSON.stringify(projectHead(d, me));
  return `${head.slice(0, -1)},"project":${json.project},"findings":${json.findings}}`;
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

/**
 * A JSON response from text that is already encoded, typed as route `R`'s response (`typeof
 * route`), so the route's typed client still sees its schema's type. The caller vouches that the
 * text matches that schema (the route's tests check it).
 */
export function jsonText<R extends RouteConfig>(c: Context, text: string): RouteConfigToTypedResponse<R> {
  return c.body(text, 200, {
    'content-type': 'application/json',
  }) as unknown as RouteConfigToTypedResponse<R>;
}
