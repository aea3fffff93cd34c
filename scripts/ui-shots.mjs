// Screenshots of a newcomer's first minutes (issue 11), written to docs/images/NAME-<label>.png:
//   new-plan:        a plan just created with "New Plan from Template" (editor, status bar, Explorer)
//   status-bar:      the status bar on that plan
//   task-completion: the suggestions for `task` on an empty line of a plan
//   plans-view:      the Plan side bar on a workspace with several plans
// `node scripts/ui-shots.mjs before` (on main, before a change) and `… after`. It checks
// nothing: the Playwright check (scripts/ui-check.mjs) and the in-editor suite prove the
// behaviour; these pictures show it to a reader.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, installCodeServer, startCodeServer } from './code-server.mjs';

const label = process.argv[2] ?? 'after';
const IMAGES = join(ROOT, 'docs', 'images');
const TIMEOUT = 30_000;

installCodeServer();
const server = await startCodeServer();
try {
  mkdirSync(IMAGES, { recursive: true });
  const dir = join(server.base, 'shots-workspace');
  mkdirSync(join(dir, 'specs', '001-login'), { recursive: true });
  cpSync(join(ROOT, 'test-fixtures', 'sample', 'plan.md'), join(dir, 'checkout-plan.md'));
  writeFileSync(
    join(dir, 'specs', '001-login', 'tasks.md'),
    '# Tasks: Login\n\n## Phase 1: Setup\n\n- [x] T001 Create the project\n- [ ] T002 [P] Add the login form in src/login.ts\n',
  );
  const page = await server.open([server.extension], { folder: dir });
  const palette = async (command) => {
    await page.keyboard.press('Control+Shift+P');
    await page.waitForSelector('.quick-input-widget input', { timeout: TIMEOUT });
    await page.keyboard.type(command);
    await page
      .locator('.quick-input-widget .monaco-list-row')
      .filter({ hasText: command.replace(/^>/, '') })
      .first()
      .waitFor({ timeout: TIMEOUT })
      .catch(async (error) => {
        await page.screenshot({ path: join(server.base, 'failed.png') });
        throw new Error(`${error.message}; see ${join(server.base, 'failed.png')}`);
      });
    await page.keyboard.press('Enter');
  };
  // The extension's contributions are in once its activity bar icon shows.
  await page.waitForSelector('.activitybar .action-item a[aria-label^="Plan"]', { timeout: TIMEOUT });
  await palette('Plan: New Plan from Template');
  await page
    .waitForSelector('.tabs-container .tab.active:has-text("plan.md")', { timeout: TIMEOUT })
    .catch(async (error) => {
      await page.screenshot({ path: join(server.base, 'failed.png') });
      throw new Error(`${error.message}; see ${join(server.base, 'failed.png')}`);
    });
  await page.keyboard.type('Checkout');
  await page.keyboard.press('Escape');
  // Diagnostics arrive after the server's debounce: wait for the status item to show the plan.
  await page.waitForFunction(
    () => [...document.querySelectorAll('footer .statusbar-item')].some((el) => /\d+\/\d+/.test(el.textContent ?? '')),
    undefined,
    { timeout: TIMEOUT },
  );
  await page.keyboard.press('Control+Shift+E');
  await page.waitForTimeout(3000); // a picture, not a check: let the badges settle
  await page.screenshot({ path: join(IMAGES, `new-plan-${label}.png`) });
  const bar = await page.locator('footer#workbench\\.parts\\.statusbar').boundingBox();
  await page.screenshot({
    path: join(IMAGES, `status-bar-${label}.png`),
    clip: { x: 0, y: bar.y - 4, width: bar.width, height: bar.height + 8 },
  });

  // `task` completion on an empty line between two task blocks.
  await page.keyboard.press('Control+G');
  await page.waitForSelector('.quick-input-widget input', { timeout: TIMEOUT });
  await page.keyboard.type('114'); // the empty line after the first task block
  await page.keyboard.press('Enter');
  await page.keyboard.type('task');
  await page.keyboard.press('Control+Space');
  await page.waitForSelector('.suggest-widget .monaco-list-row', { timeout: TIMEOUT }).catch(() => undefined);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: join(IMAGES, `task-completion-${label}.png`) });
  await page.keyboard.press('Escape');

  // The Plan side bar with a plan open.
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget input', { timeout: TIMEOUT });
  await page.keyboard.type('checkout-plan.md');
  await page.waitForSelector('.quick-input-widget .monaco-list-row', { timeout: TIMEOUT });
  await page.keyboard.press('Enter');
  await page.locator('.activitybar .action-item a[aria-label^="Plan"]').first().click();
  await page.waitForSelector('[id="workbench.view.extension.planmark"] .monaco-list-row', { timeout: TIMEOUT });
  await page.waitForTimeout(2000);
  await page.screenshot({ path: join(IMAGES, `plans-view-${label}.png`) });
  await page.close();
  console.log(`wrote docs/images/{new-plan,status-bar,task-completion,plans-view}-${label}.png`);
} finally {
  await server.stop();
}
