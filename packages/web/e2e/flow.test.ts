/**
 * The end-to-end flow in Debian's Chromium, through the real server on a fresh demo
 * database: a preparer edits a draft and submits it; the department reviewer returns it with a
 * comment; the preparer sees why, fixes it and resubmits; approval runs to finance; the department
 * publishes; the public page shows the project. Screenshots of every step go to test-results/e2e/.
 * No page may log a console error, throw, or get a failed request or a 5xx anywhere in the flow.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiAs, HAVE_CHROMIUM, newContext, screenshot, signIn } from './harness.ts';
import { useWorld } from './world.ts';

if (!HAVE_CHROMIUM && process.env.JIXIAO_REQUIRE_CHROMIUM === '1') {
  throw new Error(
    'JIXIAO_REQUIRE_CHROMIUM=1 but /usr/bin/chromium is not installed (apt-get install chromium)',
  );
}

interface ListItem {
  id: number;
  name: string;
  status: string;
}

describe.skipIf(!HAVE_CHROMIUM)('compile, review and publish in the browser', () => {
  const world = useWorld();
  const { problems } = world;
  const contexts: BrowserContext[] = [];
  let project: ListItem;
  let departmentId: number;

  beforeAll(async () => {
    const tianbao = await apiAs(world.app.url, 'tianbao');
    const drafts = await tianbao<{ items: ListItem[] }>('GET', '/api/projects?status=draft&sort=name');
    // the draft the demo left untouched (the other one has an edit)
    const chosen = drafts.items.at(-1);
    if (!chosen) throw new Error('the demo has no draft for tianbao');
    project = chosen;
    const detail = await tianbao<{ departmentId: number }>('GET', `/api/projects/${project.id}`);
    departmentId = detail.departmentId;
  });

  /** A fresh browser session signed in as `username`. */
  async function as(username: string): Promise<Page> {
    const context = await newContext(world.browser, problems);
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, world.app.url, username);
    return page;
  }

  async function act(page: Page, action: string, fill?: { opinion?: string; grade?: string }) {
    await page.getByRole('button', { name: action, exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    if (fill?.grade) {
      await dialog.getByRole('radiogroup', { name: '评级' }).getByRole('radio', { name: fill.grade }).check();
    }
    if (fill?.opinion) await dialog.getByLabel('审核意见').fill(fill.opinion);
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    try {
      await dialog.waitFor({ state: 'hidden' });
    } catch (e) {
      // say what the dialog still shows (a validation message, the server's refusal)
      const text = (await dialog.textContent().catch(() => '')) ?? '';
      throw new Error(`「${action}」的对话框没有关闭：${text.replace(/\s+/g, ' ')}`, { cause: e });
    }
  }

  async function statusOf(username: string): Promise<string> {
    const call = await apiAs(world.app.url, username);
    return (await call<{ status: string }>('GET', `/api/projects/${project.id}`)).status;
  }

  it('a preparer edits a draft, sees the rules live, saves and submits it', async () => {
    const page = await as('tianbao');
    await expect.poll(() => page.getByText('待填报').count()).toBeGreaterThan(0);
    await screenshot(page, 'e2e/01-preparer-workspace');
    await page.goto(`${world.app.url}/projects/${project.id}`);
    const goal = page.getByLabel('年度目标', { exact: true });
    await goal.fill('完成年度平安建设各项任务，群众安全感达到 95% 以上。');
    // the rules run as they type: a project total that no longer adds up is flagged beside it, and
    // the flag goes when the total is put back
    const total = page.getByLabel('项目资金总额', { exact: true });
    const original = await total.inputValue();
    const checks = page.getByRole('region', { name: '检查结果' });
    await total.fill('1.00');
    await expect.poll(() => checks.textContent(), { timeout: 10_000 }).toContain('FUND-01');
    await screenshot(page, 'e2e/02-preparer-editing');
    await total.fill(original);
    await expect.poll(() => checks.textContent(), { timeout: 10_000 }).not.toContain('FUND-01');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已保存').first().waitFor();
    await act(page, '提交');
    await expect.poll(() => statusOf('tianbao')).toBe('submitted');
    await screenshot(page, 'e2e/03-preparer-submitted');
  });

  it('the department reviewer comments on a field and returns it with a reason', async () => {
    const page = await as('bumen');
    await page.goto(`${world.app.url}/projects/${project.id}`);
    await page.getByRole('tab', { name: '审核' }).click();
    // the field the comment concerns: type to search the form's fields, Enter picks the first match
    await page.getByLabel('批注位置').fill('年度目标');
    await page.keyboard.press('Enter');
    await page.getByLabel('批注内容').fill('年度目标请写明可考核的数量。');
    await page.getByRole('button', { name: '添加批注' }).click();
    await page.getByText('年度目标请写明可考核的数量。').first().waitFor();
    await act(page, '部门退回', { opinion: '年度目标不够具体，请修改后重报' });
    await expect.poll(() => statusOf('bumen')).toBe('returned');
    await screenshot(page, 'e2e/04-reviewer-returned');
  });

  it('the preparer sees the return reason and the comment, fixes it and resubmits', async () => {
    const page = await as('tianbao');
    await page.getByText('年度目标不够具体，请修改后重报').first().waitFor();
    await screenshot(page, 'e2e/05-preparer-sees-return');
    await page.goto(`${world.app.url}/projects/${project.id}`);
    await page.getByRole('tab', { name: '审核' }).click();
    await page.getByText('年度目标请写明可考核的数量。').first().waitFor();
    await page.getByRole('tab', { name: '申报表' }).click();
    await page
      .getByLabel('年度目标', { exact: true })
      .fill('全年开展平安建设考评 4 次，群众安全感达到 95% 以上。');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已保存').first().waitFor();
    await act(page, '提交');
    await expect.poll(() => statusOf('tianbao')).toBe('submitted');
  });

  it('approval runs through the department to finance, which grades it', async () => {
    const reviewer = await as('bumen');
    await reviewer.goto(`${world.app.url}/projects/${project.id}`);
    await reviewer.getByRole('tab', { name: '修订对比' }).click();
    await screenshot(reviewer, 'e2e/06-reviewer-diff');
    await act(reviewer, '部门审核通过');
    await expect.poll(() => statusOf('bumen')).toBe('department_approved');
    await act(reviewer, '报送财政');
    await expect.poll(() => statusOf('bumen')).toBe('finance_review');

    const finance = await as('caizheng');
    await finance.goto(`${world.app.url}/projects/${project.id}`);
    await act(finance, '财政评级', { grade: '优', opinion: '目标明确，指标可考核' });
    await expect.poll(() => statusOf('caizheng')).toBe('approved');
    await finance.getByRole('tab', { name: '流转记录' }).click();
    await finance.getByText('年度目标不够具体，请修改后重报').first().waitFor();
    await screenshot(finance, 'e2e/07-finance-history');
  });

  it('the department publishes, and the public page shows the project in the official layout', async () => {
    const page = await as('bumen');
    await page.goto(`${world.app.url}/departments/${departmentId}`);
    await page.getByRole('button', { name: '公开', exact: true }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await expect.poll(() => statusOf('bumen')).toBe('published');
    await screenshot(page, 'e2e/08-department-published');

    const publications = await (await fetch(`${world.app.url}/api/public/publications`)).json();
    const newest = (publications as { items: { id: number }[] }).items
      .map((p) => p.id)
      .sort((a, b) => b - a)[0];
    const visitor = await (await newContext(world.browser, problems)).newPage();
    await visitor.goto(`${world.app.url}/public/${newest}`);
    await visitor.getByText(project.name).first().waitFor();
    await visitor.getByText('项目经费情况说明').first().waitFor();
    await visitor.getByText('全年开展平安建设考评 4 次，群众安全感达到 95% 以上。').first().waitFor();
    await screenshot(visitor, 'e2e/09-public-page');
  });

  it('logged no console error, exception, failed request or server error anywhere', () => {
    expect(problems).toEqual([]);
  });
});
