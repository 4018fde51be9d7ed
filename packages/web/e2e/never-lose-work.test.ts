/**
 * Nothing typed is lost, in Debian's Chromium: two people save the same draft — the second gets the
 * conflict, keeps every keystroke and may overwrite; typing that was never saved comes back after a
 * reload. The only console lines allowed are the browser's own notes of the 409 answer itself.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiAs, HAVE_CHROMIUM, newContext, screenshot, signIn } from './harness.ts';
import { useWorld } from './world.ts';

interface Detail {
  id: number;
  version: number;
  project: { form: { overallGoal: string; annualGoal: string } };
}

describe.skipIf(!HAVE_CHROMIUM)('never loses what was typed', () => {
  const world = useWorld();
  const { problems } = world;
  let id: number;
  let read: () => Promise<Detail>;

  beforeAll(async () => {
    const call = await apiAs(world.app.url, 'tianbao');
    const drafts = await call<{ items: { id: number }[] }>('GET', '/api/projects?status=draft&sort=name');
    const first = drafts.items[0];
    if (!first) throw new Error('the demo has no draft for tianbao');
    id = first.id;
    read = () => call<Detail>('GET', `/api/projects/${id}`);
  });

  async function open(): Promise<Page> {
    const page = await (await newContext(world.browser, problems)).newPage();
    await signIn(page, world.app.url, 'tianbao');
    await page.goto(`${world.app.url}/projects/${id}`);
    await page.getByLabel('总体目标', { exact: true }).waitFor();
    return page;
  }

  it('shows a conflict without losing the typing, and saves over the other version when asked', async () => {
    const before = await read();
    const mine = await open();
    const theirs = await open();
    await theirs.getByLabel('年度目标', { exact: true }).fill('另一位填报人保存的年度目标。');
    await theirs.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(async () => (await read()).version).toBe(before.version + 1);

    const typed = '我在旧版本上写的总体目标，不能丢。';
    await mine.getByLabel('总体目标', { exact: true }).fill(typed);
    await mine.getByRole('button', { name: '保存', exact: true }).click();
    const dialog = mine.getByRole('dialog', { name: '保存未成功：项目已被他人修改' });
    await dialog.waitFor();
    await screenshot(mine, 'e2e/conflict-dialog');
    // nothing was written, and nothing typed is gone
    expect((await read()).project.form.overallGoal).toBe(before.project.form.overallGoal);
    await dialog.getByRole('button', { name: '继续编辑' }).click();
    expect(await mine.getByLabel('总体目标', { exact: true }).inputValue()).toBe(typed);

    await mine.getByRole('button', { name: '保存', exact: true }).click();
    await dialog.getByRole('button', { name: '以我的修改覆盖' }).click();
    await mine.getByRole('button', { name: '覆盖', exact: true }).click();
    await expect.poll(async () => (await read()).project.form.overallGoal).toBe(typed);
    expect((await read()).version).toBe(before.version + 2);
  });

  it('offers typing that was never saved again after a reload', async () => {
    const page = await open();
    const typed = '还没保存就刷新了页面的年度目标。';
    await page.getByLabel('年度目标', { exact: true }).fill(typed);
    // the draft is kept in the browser as one types (debounced): wait until it is there
    await expect
      .poll(() => page.evaluate((t) => Object.values(localStorage).some((v) => v.includes(t)), typed))
      .toBe(true);
    page.once('dialog', (d) => void d.accept()); // the browser's own "leave the page?" on reload
    await page.reload();
    await page.getByRole('button', { name: '恢复草稿' }).click();
    expect(await page.getByLabel('年度目标', { exact: true }).inputValue()).toBe(typed);
    await screenshot(page, 'e2e/draft-restored');
  });

  it('logged nothing but the 409 itself', () => {
    const other = problems.filter((p) => !/status of 409 \(Conflict\)/.test(p));
    expect(other).toEqual([]);
    expect(problems.length).toBeGreaterThan(0);
  });
});
