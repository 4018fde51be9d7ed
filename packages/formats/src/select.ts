import type { Disclosure } from '@jixiao/core';
import type { WriteOptions } from './types.ts';

/** The disclosure with only the projects `options.projects` names (all when unset). */
export function selectProjects(disclosure: Disclosure, options?: WriteOptions): Disclosure {
  const wanted = options?.projects;
  if (wanted === undefined) return disclosure;
  return {
    ...disclosure,
    projects: wanted.map((i) => disclosure.projects[i]).filter((p) => p !== undefined),
  };
}
