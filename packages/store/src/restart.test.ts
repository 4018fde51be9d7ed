import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addComment, listComments } from './comments.ts';
import { copy, fixture, openPglite, seedWorld } from './content-testing.ts';
import { listProjects } from './list.ts';
import { getProject, importDisclosure, saveRevision } from './projects.ts';
import { diffRevisions, listRevisions } from './revisions.ts';

describe('PGlite in a data directory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-restart-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps everything across close and reopen', async () => {
    const first = await openPglite(dir);
    const world = await seedWorld(first.db);
    const { projectIds } = await importDisclosure(first.db, {
      departmentId: world.departmentId,
      disclosure: fixture(),
      actor: world.actor,
    });
    const id = projectIds[2] as number;
    const edited = copy((await getProject(first.db, id)).project);
    edited.form.annualGoal = '重启前保存的目标';
    await saveRevision(first.db, {
      projectId: id,
      baseVersion: 1,
      project: edited,
      actor: world.actor,
      note: '重启前',
    });
    await addComment(first.db, {
      projectId: id,
      path: 'form.annualGoal',
      body: '看一下',
      actor: world.reviewer,
    });
    const before = {
      project: await getProject(first.db, id),
      revisions: await listRevisions(first.db, id),
      comments: await listComments(first.db, id),
      list: await listProjects(first.db, { departmentId: world.departmentId }),
      diff: await diffRevisions(first.db, id, 1, 2),
    };
    await first.close();

    const second = await openPglite(dir);
    try {
      const after = {
        project: await getProject(second.db, id),
        revisions: await listRevisions(second.db, id),
        comments: await listComments(second.db, id),
        list: await listProjects(second.db, { departmentId: world.departmentId }),
        diff: await diffRevisions(second.db, id, 1, 2),
      };
      expect(after).toEqual(before);
      expect(after.project.project.form.annualGoal).toBe('重启前保存的目标');
      expect(after.list.totalWan).toBe('3022.49');
      // and writing goes on where it stopped
      await expect(
        saveRevision(second.db, { projectId: id, baseVersion: 2, project: edited, actor: world.actor }),
      ).resolves.toEqual({ version: 3, revision: 3 });
    } finally {
      await second.close();
    }
  });
});
