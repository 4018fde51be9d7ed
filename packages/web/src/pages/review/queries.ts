/** The project page's reads, keyed under `['project', id, …]` so one invalidation refreshes them all. */
import { useQuery } from '@tanstack/react-query';
import { api, type ProjectDetail, type Transition } from '../../api.ts';

/** `GET /api/projects/{id}` at the current revision, or at `revision`. */
export function useProjectDetail(id: number, revision?: number | null) {
  return useQuery({
    queryKey: ['project', id, 'detail', revision ?? 'current'],
    queryFn: () => api.get<ProjectDetail>(`/api/projects/${id}`, { revision: revision ?? undefined }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** `GET /api/projects/{id}/transitions`: the workflow history, oldest first. */
export function useTransitions(projectId: number) {
  return useQuery({
    queryKey: ['project', projectId, 'transitions'],
    queryFn: () => api.get<{ items: Transition[] }>(`/api/projects/${projectId}/transitions`),
    select: (r) => r.items,
  });
}
