/**
 * Look at pages: `npx tsx packages/web/scripts/shot.ts USER PATH [PATH…]` starts the app with the
 * demo data, signs in as USER (or `-` for nobody), and saves a screenshot of each PATH under
 * test-results/shots/, printing the console errors each page logged. Build the app first.
 */
import { launchBrowser, newContext, screenshot, signIn, startApp } from '../e2e/harness.ts';

const [user, ...paths] = process.argv.slice(2);
if (!user || paths.length === 0) {
  console.error('用法：tsx packages/web/scripts/shot.ts 用户名|- 路径 [路径…]');
  process.exit(2);
}
const app = await startApp();
const browser = await launchBrowser();
try {
  const problems: string[] = [];
  const context = await newContext(browser, problems);
  const page = await context.newPage();
  if (user !== '-') await signIn(page, app.url, user);
  for (const path of paths) {
    await page.goto(`${app.url}${path}`);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    const file = await screenshot(page, `shots/${user}${path.replace(/[/?=&]+/g, '_')}`);
    console.log(file);
  }
  for (const p of problems) console.log('问题：', p);
} finally {
  await browser.close();
  await app.close();
}
