/**
 * Unsaved typing survives a reload or a crash: the working copy is kept in `localStorage` under the
 * user, the project (or `new`) and the version it was based on, and removed after a save.
 */
import type { Draft } from './model.ts';

const PREFIX = 'jixiao.editor.draft';

export interface StoredDraft {
  /** ISO time of the last keep */
  savedAt: string;
  /** the version the edits were made on (0 for a new project) */
  baseVersion: number;
  draft: Draft;
}

/** `jixiao.editor.draft|tianbao|12|` — every version of one project. */
const projectPrefix = (user: string, project: number | string) => `${PREFIX}|${user}|${project}|`;

export const draftKey = (user: string, project: number | string, version: number) =>
  `${projectPrefix(user, project)}${version}`;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage disabled: the editor still works, without the safety copy
  }
}

export function keepDraft(key: string, value: StoredDraft): void {
  try {
    storage()?.setItem(key, JSON.stringify(value));
  } catch {
    // quota exceeded: nothing better to do than keep editing
  }
}

/** The most recent kept draft of a project (any version), or null. */
export function latestDraft(user: string, project: number | string): (StoredDraft & { key: string }) | null {
  const s = storage();
  if (!s) return null;
  const prefix = projectPrefix(user, project);
  let best: (StoredDraft & { key: string }) | null = null;
  for (let i = 0; i < s.length; i++) {
    const key = s.key(i);
    if (!key?.startsWith(prefix)) continue;
    try {
      const value = JSON.parse(s.getItem(key) ?? '') as StoredDraft;
      if (!value?.draft?.form || typeof value.savedAt !== 'string') continue;
      if (!best || value.savedAt > best.savedAt) best = { ...value, key };
    } catch {
      // not ours or damaged: ignore
    }
  }
  return best;
}

/** Forgets every kept draft of a project. */
export function clearDrafts(user: string, project: number | string): void {
  const s = storage();
  if (!s) return;
  const prefix = projectPrefix(user, project);
  const keys: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const key = s.key(i);
    if (key?.startsWith(prefix)) keys.push(key);
  }
  for (const key of keys) s.removeItem(key);
}
