/**
 * Labels on every input, keyboard use and visible focus, checked on the app's pages in Debian's
 * Chromium: every visible form control has an accessible name (a <label>, aria-label or
 * aria-labelledby), the sign-in works from the keyboard alone, and a focused control is outlined.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs, DEMO_PASSWORD, HAVE_CHROMIUM, newContext, signIn } from './harness.ts';
import { useWorld } from './world.ts';

/** The visible form controls of the page, and those of them with no accessible name, described. */
function unlabelled(page: Page): Promise<{ total: number; missing: string[] }> {
  return page.evaluate(() => {
    const named = (el: HTMLElement): boolean => {
      if (el.getAttribute('aria-label')?.trim()) return true;
      const by = el.getAttribute('aria-labelledby');
      if (by?.split(/\s+/).some((id) => document.getElementById(id)?.textContent?.trim())) return true;
      if (el.id && document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent?.trim())
        return true;
      if (el.closest('label')?.textContent?.trim()) return true;
      return Boolean(el.getAttribute('title')?.trim());
    };
    const controls = document.querySelectorAll<HTMLElement>(
      'input:not([type=hidden]), select, textarea, [role=combobox], [role=spinbutton], [role=textbox]',
    );
    const visible = [...controls].filter(
      (el) => el.getClientRects().length > 0 && !el.closest('[aria-hidden=true]'),
    );
    return {
      total: visible.length,
      missing: visible.filter((el) => !named(el)).map((el) => el.outerHTML.slice(0, 160)),
    };
  });
}

describe.skipIf(!HAVE_CHROMIUM)('labels, keyboard and focus', () => {
  const world = useWorld();
  const { problems } = world;

  it('signs in from the keyboard alone, with a visible focus ring', async () => {
    const page = await (await newContext(world.browser, problems)).newPage();
    await page.goto(`${world.app.url}/login`);
    // the user name field has the focus when the form shows
    await page.getByLabel('用户名').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('autocomplete'))).toBe('username');
    await page.keyboard.type('tianbao');
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO_PASSWORD);
    // the focused control, or the box antd draws around it (a password field sits in a wrapper),
    // is marked by an outline or a focus shadow
    const marks = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return [el, el.closest<HTMLElement>('.ant-input-affix-wrapper')]
        .filter((x): x is HTMLElement => x !== null)
        .map((x) => getComputedStyle(x))
        .map((st) => ({ outline: st.outlineStyle, shadow: st.boxShadow }));
    });
    expect(
      marks.some((m) => m.outline !== 'none' || m.shadow !== 'none'),
      JSON.stringify(marks),
    ).toBe(true);
    // a button reached by Tab shows the app's own focus ring
    await page.keyboard.press('Tab');
    const button = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return { tag: el.tagName, text: el.textContent, outline: getComputedStyle(el).outlineStyle };
    });
    expect(button).toMatchObject({ tag: 'BUTTON', text: '登录' });
    expect(button.outline).not.toBe('none');
    await page.getByLabel('密码').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('whoami').waitFor();
    expect(page.url()).toBe(`${world.app.url}/`);
  });

  it('names every form control on every page', async () => {
    const bumen = await apiAs(world.app.url, 'bumen');
    const { items } = await bumen<{ items: { id: number; departmentId: number; status: string }[] }>(
      'GET',
      '/api/projects?status=draft',
    );
    const draft = items[0];
    if (!draft) throw new Error('the demo has no draft');
    const pages: [string | null, string][] = [
      [null, '/login'],
      [null, '/public'],
      [null, '/public/1'],
      ['tianbao', '/'],
      ['tianbao', '/projects'],
      ['tianbao', `/projects/${draft.id}`],
      ['tianbao', '/projects/new'],
      ['bumen', `/projects/${draft.id}?tab=review`],
      ['bumen', `/projects/${draft.id}?tab=revisions`],
      ['bumen', `/departments/${draft.departmentId}`],
      ['bumen', '/import'],
      ['caizheng', '/departments'],
      ['admin', '/import'],
    ];
    const found: Record<string, string[]> = {};
    let scanned = 0;
    for (const [user, path] of pages) {
      const page = await (await newContext(world.browser, problems)).newPage();
      if (user) await signIn(page, world.app.url, user);
      await page.goto(`${world.app.url}${path}`);
      await page.waitForLoadState('networkidle');
      const { total, missing } = await unlabelled(page);
      scanned += total;
      if (missing.length > 0) found[`${user ?? '(signed out)'} ${path}`] = missing;
      await page.context().close();
    }
    expect(found).toEqual({});
    // the editor alone has several inputs per indicator row: the check did look at the forms
    expect(scanned).toBeGreaterThan(100);
    expect(problems).toEqual([]);
  });
});
