// `npm run test:vsix`: the packaged extension as a user gets it. Builds planmark.vsix
// (`npm run package`; `--vsix FILE` checks a given one instead), installs it into an
// empty extensions folder with code-server's own `--install-extension`, opens a
// workspace with no development path, and checks with Playwright what a person sees:
// the extension activates on a plan and shows its diagnostics (squiggles, the progress
// item), the Plans view lists the workspace's plans, and the extension's page is the
// user-facing readme with screenshots that load from the package. Pictures of the Plans
// view and the extension page go to docs/images/. Prints each check and `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { CODE_SERVER, ROOT, installCodeServer, startCodeServer } from './code-server.mjs';

const TIMEOUT = 60_000;
const IMAGES = join(ROOT, 'docs', 'images');
const given = process.argv.indexOf('--vsix');
const vsix = given > 0 ? process.argv[given + 1] : join(ROOT, 'planmark.vsix');

function run(command, args, what) {
  const r = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) throw new Error(`${what} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

const results = [];
async function check(title, body) {
  try {
    results.push({ title, ok: true, detail: await body() });
  } catch (error) {
    results.push({ title, ok: false, detail: String(error?.message ?? error).split('\n')[0] });
  }
}

if (given < 0) {
  console.log('packaging planmark.vsix (npm run package)…');
  run('npm', ['run', 'package'], 'npm run package');
}
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
installCodeServer();
const extensions = mkdtempSync(join(tmpdir(), 'planmark-vsix-extensions-'));
const userData = mkdtempSync(join(tmpdir(), 'planmark-vsix-user-'));
console.log(
  run(
    process.execPath,
    [CODE_SERVER, '--install-extension', vsix, '--extensions-dir', extensions, '--user-data-dir', userData],
    'code-server --install-extension',
  ).trim(),
);
const installed = readdirSync(extensions).find((d) => d.startsWith(`${manifest.publisher}.${manifest.name}-`));
if (!installed) throw new Error(`the .vsix did not install into ${extensions}`);

const server = await startCodeServer({ extensionsDir: extensions });
let page;
try {
  // A workspace as a user has it: a plan with mistakes and a spec-kit feature.
  const dir = join(server.base, 'vsix-workspace');
  const write = (path, text) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  write(
    'checkout-plan.md',
    // Two mistakes on the first screen, where squiggles render: a Status value and a Created date.
    readFileSync(join(ROOT, 'test-fixtures', 'sample', 'plan.md'), 'utf8')
      .replace('**Status**: In Progress', '**Status**: Started')
      .replace('**Created**: 2026-11-20', '**Created**: 2026-13-45'),
  );
  write('.specify/memory/constitution.md', '# Constitution\n');
  write(
    'specs/001-login/tasks.md',
    '# Tasks: Login\n\n## Phase 1: Setup\n\n- [x] T001 Create the project\n- [ ] T002 [P] Add the login form in src/login.ts\n',
  );
  write('specs/001-login/plan.md', '# Implementation Plan: Login\n\n**Branch**: `001-login`\n');
  page = await server.open(undefined, { folder: dir });

  await check(`the installed ${installed} activates on a plan and shows its diagnostics`, async () => {
    await page.keyboard.press('Control+P');
    await page.waitForSelector('.quick-input-widget input', { timeout: TIMEOUT });
    await page.keyboard.type('checkout-plan.md');
    await page.waitForSelector('.quick-input-widget .monaco-list-row', { timeout: TIMEOUT });
    await page.keyboard.press('Enter');
    await page.waitForSelector('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error', {
      timeout: TIMEOUT,
    });
    const squiggles = await page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error').count();
    const progress = page.locator('footer .statusbar-item').filter({ hasText: /\d+\/\d+ · \d+%/ });
    await progress.first().waitFor({ timeout: TIMEOUT });
    return `${squiggles} squiggles in view; status bar "${(await progress.first().textContent()).trim()}"`;
  });

  await check('the Plans view lists the plans of the workspace with their progress', async () => {
    await page.locator('.activitybar .action-item a[aria-label^="Plan"]').first().click();
    const view = page.locator('[id="workbench.view.extension.planmark"]');
    await view.waitFor({ timeout: TIMEOUT });
    await page.waitForFunction(
      () => {
        const rows = [...document.querySelectorAll('[id="workbench.view.extension.planmark"] .monaco-list-row')];
        return ['Tasks: Login', 'Implementation Plan: Login', 'Saved Search Alerts'].every((t) =>
          rows.some((r) => r.textContent?.includes(t)),
        );
      },
      undefined,
      { timeout: TIMEOUT },
    );
    const row = view.locator('.monaco-list-row').filter({ hasText: 'Tasks: Login' }).first();
    const text = (await row.textContent()).trim();
    if (!/50%/.test(text)) throw new Error(`the row "${text}" lacks 50%`);
    // The picture: a side bar wide enough for the rows' progress, problems and profile.
    const bar = await page.locator('.part.sidebar').boundingBox();
    if (bar) {
      await page.mouse.move(bar.x + bar.width + 1, bar.y + bar.height / 2);
      await page.mouse.down();
      await page.mouse.move(bar.x + bar.width + 180, bar.y + bar.height / 2, { steps: 5 });
      await page.mouse.up();
    }
    await page.screenshot({ path: join(IMAGES, 'plans-view-after.png') });
    return `"${text}"`;
  });

  await check("the extension's page is the user readme, its screenshots load from the package", async () => {
    await page.keyboard.press('Control+Shift+X');
    await page.waitForSelector('.extensions-viewlet', { timeout: TIMEOUT });
    // The view opens with its search box focused.
    await page.keyboard.type('@installed planmark');
    const entry = page
      .locator('.extensions-viewlet .monaco-list-row')
      .filter({ hasText: 'Implementation Plans' })
      .first();
    await entry.waitFor({ timeout: TIMEOUT });
    await entry.click();
    // The readme renders in a webview (nested iframes): find the frame that holds its title.
    const deadline = Date.now() + TIMEOUT;
    let images;
    while (!images) {
      for (const frame of page.frames()) {
        const found = await frame
          .evaluate(() => {
            if (
              ![...document.querySelectorAll('h1')].some((h) =>
                h.textContent?.includes('planmark — Implementation Plans'),
              )
            )
              return undefined;
            const imgs = [...document.querySelectorAll('img')].filter((i) => !i.closest('.header'));
            return imgs.every((i) => i.complete) ? imgs.map((i) => ({ src: i.src, width: i.naturalWidth })) : undefined;
          })
          .catch(() => undefined);
        if (found) images = found;
      }
      if (!images && Date.now() > deadline) throw new Error('the readme did not render');
      if (!images) await page.waitForEvent('framenavigated', { timeout: 2_000 }).catch(() => undefined);
    }
    const broken = images.filter((i) => i.width === 0);
    if (images.length < 3) throw new Error(`only ${images.length} images on the page`);
    if (broken.length > 0) throw new Error(`images that do not load: ${broken.map((i) => i.src).join(', ')}`);
    await page.screenshot({ path: join(IMAGES, 'extension-page.png') });
    return `${images.length} screenshots, all loaded (${images.map((i) => i.src).join(', ')})`;
  });
} catch (error) {
  results.push({ title: 'test:vsix', ok: false, detail: String(error?.stack ?? error) });
} finally {
  await page?.close().catch(() => undefined);
  await server.stop();
}
let failed = 0;
for (const r of results) {
  console.log(`  ${r.ok ? '✔' : '✘'} ${r.title}${r.detail ? ` — ${r.detail}` : ''}`);
  if (!r.ok) failed++;
}
console.log(`${results.length - failed} passed, ${failed} failed`);
if (failed > 0 && existsSync(server.log)) console.log(`code-server log: ${server.log}`);
process.exit(failed > 0 || results.length === 0 ? 1 : 0);
