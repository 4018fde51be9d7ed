/**
 * What the workspace, the project list and the project page share: the visible organisations, the project list query, and 万元 ⇄ 元 for the amount filter (exact, via fen).
 */
import { fenToYuan, parseWan } from '@jixiao/core';
import { useQuery } from '@tanstack/react-query';
import { api, type Organization, type ProjectList } from '../../api.ts';

/** The organisations the signed-in user may see (their scope and the ones above). */
export function useOrganizations() {
  return useQuery({
    queryKey: ['organizations'],
    queryFn: () => api.get<{ items: Organization[] }>('/api/organizations'),
    select: (r) => r.items,
    staleTime: 5 * 60_000,
  });
}

/** The project list query (`GET /api/projects`), as the API takes it. */
export interface ProjectQuery {
  year?: number | undefined;
  status?: string | undefined;
  departmentId?: number | undefined;
  unitId?: number | undefined;
  category?: string | undefined;
  minYuan?: string | undefined;
  maxYuan?: string | undefined;
  search?: string | undefined;
  sort?: 'name' | 'annualTotal' | 'updatedAt' | 'status' | undefined;
  order?: 'asc' | 'desc' | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

export function useProjectList(query: ProjectQuery, options: { keepPrevious?: boolean } = {}) {
  return useQuery({
    queryKey: ['projects', query],
    queryFn: () => api.get<ProjectList>('/api/projects', { ...query }),
    ...(options.keepPrevious ? { placeholderData: (prev: ProjectList | undefined) => prev } : {}),
  });
}

/** `"12.5"` 万元 → `"125000.00"` 元 (exact); null when it is not an amount. */
export function wanToYuan(wan: string | null | undefined): string | null {
  if (wan === null || wan === undefined || wan.trim() === '') return null;
  const fen = parseWan(wan);
  return fen === null || fen < 0 ? null : fenToYuan(fen);
}

/** 项目类别 (domain §5.4): the 一体化 categories and the printed 运转类 sub-kinds. */
export const CATEGORY_OPTIONS = ['人员类', '运转类', '公用经费', '其他运转类', '特定目标类'] as const;
