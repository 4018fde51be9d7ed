/**
 * Documents in and out through the web app, in Debian's Chromium: a department reviewer uploads a
 * disclosure, sees what was read before anything is written, and imports it as drafts; anyone
 * downloads a published disclosure as PDF from the public page.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiAs, HAVE_CHROMIUM, newContext, screenshot, signIn } from './harness.ts';
import { useWorld } from './world.ts';

const FIXTURE = new URL('../../../testdata/songjiang-zfw-2024.txt', import.meta.url);

describe.skipIf(!HAVE_CHROMIUM)('upload and download in the browser', () => {
  const world = useWorld();
  const { problems } = world;

  it('previews an uploaded disclosure without writing, then imports it as drafts', async () => {
    const call = await apiAs(world.app.url, 'bumen');
    const count = async () => (await call<{ total: number }>('GET', '/api/projects?pageSize=1')).total;
    const before = await count();

    const page = await (await newContext(world.browser, problems)).newPage();
    await signIn(page, world.app.url, 'bumen');
    await page.goto(`${world.app.url}/import`);
    await page.getByLabel('选择文件').setInputFiles({
      name: 'songjiang-zfw-2024.txt',
      mimeType: 'text/plain',
      buffer: readFileSync(FIXTURE),
    });
    const importButton = page.getByRole('button', { name: '导入为草稿', exact: true });
    await importButton.waitFor();
    // what was read: every project of the file, by name
    for (const name of ['平安维稳', '培训费', '编外人员工作经费']) {
      await page.getByText(name, { exact: true }).first().waitFor();
    }
    await screenshot(page, 'e2e/import-preview');
    expect(await count()).toBe(before);

    await importButton.click();
    await page.getByText('已导入 10 个项目为草稿').waitFor();
    expect(await count()).toBe(before + 10);
  });

  it('downloads a published disclosure as PDF from the public page', async () => {
    const { items } = (await (await fetch(`${world.app.url}/api/public/publications`)).json()) as {
      items: { id: number }[];
    };
    const first = items[0];
    if (!first) throw new Error('the demo has no publication');
    const page = await (await newContext(world.browser, problems)).newPage();
    await page.goto(`${world.app.url}/public/${first.id}`);
    await page.getByRole('button', { name: '下载' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: /PDF/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const path = await download.path();
    expect(readFileSync(path).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('logged no console error, exception, failed request or server error', () => {
    expect(problems).toEqual([]);
  });
});
