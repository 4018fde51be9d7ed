import { describe, expect, it } from 'vitest';
import { apiAs, HAVE_CHROMIUM, newContext, screenshot, signIn } from './harness.ts';
import { useWorld } from './world.ts';

describe.skipIf(!HAVE_CHROMIUM)('finance in the browser', () => {
  const world = useWorld();
  const { problems } = world;

  it('saves finance’s edit as a new revision and approves the project with 良', async () => {
    const call = await apiAs(world.app.url, 'caizheng');
    const { items } = await call<{ items: { id: number }[] }>('GET', '/api/projects?status=finance_review');
    const id = items[0]?.id;
    if (id === undefined) throw new Error('the demo has no project in finance review');
    const before = await call<{ currentRevision: number }>('GET', `/api/projects/${id}`);

    const page = await (await newContext(world.browser, problems)).newPage();
    await signIn(page, world.app.url, 'caizheng');
    await page.goto(`${world.app.url}/projects/${id}`);
    await page.getByLabel('财政直接完善申报表（评「良」时随评级保存）').check();
    const goal = '完成系统运维，全年故障修复及时率不低于 98%。';
    await page.getByLabel('年度目标', { exact: true }).fill(goal);
    const drafts = () =>
      page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('jixiao.editor.draft')));
    // finance's typing is kept in the browser like anyone's until it is saved
    await expect.poll(async () => (await drafts()).length).toBe(1);
    await page.getByRole('button', { name: '财政评级', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radiogroup', { name: '评级' }).getByRole('radio', { name: '良' }).check();
    await dialog.getByText('同时保存财政完善后的申报表').waitFor();
    await dialog.getByLabel('审核意见').fill('年度目标已由财政完善');
    await screenshot(page, 'e2e/finance-perfect-dialog');
    await dialog.getByRole('button', { name: '确定', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });

    const after = await call<{
      status: string;
      grade: string;
      currentRevision: number;
      project: { form: { annualGoal: string } };
    }>('GET', `/api/projects/${id}`);
    expect(after).toMatchObject({
      status: 'approved',
      grade: '良',
      currentRevision: before.currentRevision + 1,
    });
    expect(after.project.form.annualGoal).toBe(goal);
    const revisions = await call<{ items: { createdByName: string | null }[] }>(
      'GET',
      `/api/projects/${id}/revisions`,
    );
    expect(revisions.items.at(-1)?.createdByName).toBe('区财政局绩效科');
    // the browser's safety copy of finance's edits went with the grade
    expect(
      await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('jixiao.editor.draft'))),
    ).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('closes a budget year for compiling, and opens it again', async () => {
    const call = await apiAs(world.app.url, 'caizheng');
    const me = await call<{ scope: { regionId: number } }>('GET', '/api/auth/me');
    const isOpen = async () =>
      (
        await call<{ items: { year: number; open: boolean }[] }>(
          'GET',
          `/api/regions/${me.scope.regionId}/budget-years`,
        )
      ).items.find((y) => y.year === 2024)?.open;
    expect(await isOpen()).toBe(true);

    const page = await (await newContext(world.browser, problems)).newPage();
    await signIn(page, world.app.url, 'caizheng');
    await page.getByRole('link', { name: '部门汇总' }).click();
    const year = page.getByLabel('2024 年开放编报');
    await year.click();
    await expect.poll(isOpen).toBe(false);
    await expect.poll(() => year.isChecked()).toBe(false);
    await screenshot(page, 'e2e/finance-years');
    await year.click();
    await expect.poll(isOpen).toBe(true);
    expect(problems).toEqual([]);
  });
});
