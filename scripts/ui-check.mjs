// What a person sees, checked in code-server with Playwright: squiggles on a plan with
// problems, the Problems panel's count, the Plan view's rows, the status bar text, and a
// real click on a tree checkbox. Expected values come from the CLI (`planmark check
// --format json`, `planmark outline --format json`) on the same file. Screenshots go
// to docs/images/.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, planmarkJson } from './code-server.mjs';
import { graphCheck } from './ui-graph.mjs';

const IMAGES = join(ROOT, 'docs', 'images');
const TIMEOUT = 30_000;

/** The sample plan with a few mistakes an author makes: an unfilled estimate, a bad rating, a malformed checkbox. */
function fixtureText() {
  let text = readFileSync(join(ROOT, 'test-fixtures', 'sample', 'plan.md'), 'utf8');
  text = text.replace('**Created**: 2026-11-20', '**Created**: [DATE]');
  text = text.replace('**Status**: In Progress', '**Status**: Started');
  text = text.replace(/(\*\*Estimate\*\*: )[^\n]+/, '$1[hours]');
  text = text.replace('| High | Medium |', '| Hgh | Medium |');
  text = text.replace('- [ ] Plan rollback strategy', '- [] Plan rollback strategy');
  return text;
}

export async function uiCheck(server) {
  const results = [];
  const check = async (title, fn) => {
    try {
      const detail = await fn();
      results.push({ title, ok: true, detail });
    } catch (error) {
      results.push({ title, ok: false, detail: String(error?.message ?? error).split('\n')[0] });
    }
  };
  mkdirSync(IMAGES, { recursive: true });
  // A folder of its own: the suite's scratch plans would show in the Problems panel too.
  const dir = join(server.base, 'ui-workspace');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'checkout-plan.md');
  writeFileSync(file, fixtureText());
  const findings = planmarkJson(['check', '--format', 'json', file], dir);
  const outline = planmarkJson(['outline', '--format', 'json', file], dir);
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;

  const page = await server.open([server.extension], { folder: dir });
  try {
    await page.keyboard.press('Control+P');
    await page.waitForSelector('.quick-input-widget input', { timeout: TIMEOUT });
    await page.keyboard.type('checkout-plan.md');
    await page.waitForSelector('.quick-input-widget .monaco-list-row', { timeout: TIMEOUT });
    await page.keyboard.press('Enter');
    await page.waitForSelector(
      '.tabs-container .tab.active[aria-label*="checkout-plan.md"], .tabs-container .tab.active:has-text("checkout-plan.md")',
      { timeout: TIMEOUT },
    );
    const status = page
      .locator('footer#workbench\\.parts\\.statusbar .statusbar-item')
      .filter({ hasText: /\d+\/\d+ · \d+%/ });

    await check('squiggles on the plan with problems', async () => {
      await page.waitForSelector('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error', {
        timeout: TIMEOUT,
      });
      const n = await page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error').count();
      if (n === 0) throw new Error('no squiggles');
      return `${n} squiggles in view`;
    });

    await check('the status bar shows progress, not a second warning count', async () => {
      await status.first().waitFor({ timeout: TIMEOUT });
      const expected = `${outline.done}/${outline.total} · ${outline.percent}%`;
      await page.waitForFunction(
        (want) =>
          [...document.querySelectorAll('footer .statusbar-item')].some((el) => el.textContent?.trim() === want),
        expected,
        { timeout: TIMEOUT },
      );
      const icons = await status.first().locator('.codicon-warning, .codicon-error').count();
      if (icons > 0) throw new Error('the progress item shows a warning or error icon');
      const label = await status
        .first()
        .evaluate(
          (el) => el.getAttribute('aria-label') ?? el.querySelector('[aria-label]')?.getAttribute('aria-label'),
        );
      const want = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
      if (!label?.includes(want)) throw new Error(`accessible label "${label}" lacks "${want}"`);
      return `${(await status.first().textContent()).trim()}; label "${label}"`;
    });
    await page.screenshot({ path: join(IMAGES, 'editor-squiggles.png') });

    await check(`the Problems panel counts ${findings.length} problems`, async () => {
      await page.keyboard.press('Control+Shift+M');
      await page.waitForSelector('.markers-panel', { timeout: TIMEOUT });
      const rows = page.locator('.markers-panel .monaco-list-row[aria-label]');
      await page.waitForFunction(
        (n) =>
          document.querySelectorAll(
            '.markers-panel .monaco-list-row[aria-label^="Warning"], .markers-panel .monaco-list-row[aria-label^="Error"], .markers-panel .monaco-list-row[aria-label^="Info"]',
          ).length === n,
        findings.length,
        { timeout: TIMEOUT },
      );
      const badge = page
        .locator('.part.panel .composite-bar .action-item.checked:has-text("Problems") .badge-content')
        .first();
      const count = Number((await badge.textContent({ timeout: TIMEOUT })).trim());
      if (count !== findings.length) throw new Error(`badge says ${count}, the CLI found ${findings.length}`);
      return `badge ${count}; ${await rows.count()} rows (file and problems)`;
    });
    await page.screenshot({ path: join(IMAGES, 'problems-panel.png') });
    await page.keyboard.press('Control+J'); // hide the panel again

    const view = page.locator('[id="workbench.view.extension.planmark"]');
    await check('clicking the status bar item opens the Plan view with the outline rows', async () => {
      await status.first().click();
      await view.waitFor({ timeout: TIMEOUT });
      const rows = view.locator('.monaco-list-row');
      await page.waitForFunction(
        (title) =>
          [...document.querySelectorAll('[id="workbench.view.extension.planmark"] .monaco-list-row')].some((r) =>
            r.textContent?.includes(title),
          ),
        outline.sections[0].title,
        { timeout: TIMEOUT },
      );
      const labels = await rows.allTextContents();
      const first = outline.sections[0];
      const firstRow = labels.find((l) => l.includes(first.title));
      if (!firstRow.includes(`${first.done}/${first.total}`))
        throw new Error(`row "${firstRow}" lacks ${first.done}/${first.total}`);
      const boxes = await view.locator('.monaco-list-row .custom-view-tree-node-item-checkbox').count();
      if (boxes === 0) throw new Error('no checkboxes');
      return `${labels.length} rows, ${boxes} checkboxes; first: "${firstRow.trim()}"`;
    });
    await page.screenshot({ path: join(IMAGES, 'plan-view.png') });

    await check('ticking a checkbox in the Plan view updates the editor and the status bar', async () => {
      const before = (await status.first().textContent()).trim();
      const [done, total] = /(\d+)\/(\d+)/.exec(before).slice(1).map(Number);
      const box = view.locator('.monaco-list-row .custom-view-tree-node-item-checkbox:not(.checked)').first();
      await box.click();
      await page.waitForFunction(
        (want) => [...document.querySelectorAll('footer .statusbar-item')].some((el) => el.textContent?.includes(want)),
        `${done + 1}/${total}`,
        { timeout: TIMEOUT },
      );
      return `${before} → ${(await status.first().textContent()).trim()}`;
    });

    await check('the status bar tooltip lists the phases', async () => {
      await status.first().hover();
      const hover = page
        .locator('.monaco-hover, .workbench-hover')
        .filter({ hasText: 'Click to show the Plan view' })
        .first();
      await hover.waitFor({ timeout: TIMEOUT });
      const text = await hover.textContent();
      for (const s of outline.sections) if (!text.includes(s.title)) throw new Error(`tooltip lacks ${s.title}`);
      await page.screenshot({ path: join(IMAGES, 'status-tooltip.png') });
      return `${outline.sections.length} sections`;
    });

    await check(
      'a new plan from the template: its placeholders are hints, counted once in the status bar',
      async () => {
        await page.keyboard.press('Control+Shift+P');
        await page.waitForSelector('.quick-input-widget input', { timeout: TIMEOUT });
        await page.keyboard.type('Plan: New Plan from Template');
        await page
          .locator('.quick-input-widget .monaco-list-row')
          .filter({ hasText: 'New Plan from Template' })
          .first()
          .waitFor({ timeout: TIMEOUT });
        await page.keyboard.press('Enter');
        // The new file's own tab: `:has-text("plan.md")` would also match checkout-plan.md, active
        // already, and the CLI would then read the file before New Plan has written it.
        await page
          .locator('.tabs-container .tab.active')
          .filter({ hasText: /^\s*plan\.md/ })
          .waitFor({ timeout: TIMEOUT });
        await page.keyboard.press('Escape'); // keep the text as written to disk, for the CLI to compare
        const created = planmarkJson(['check', '--format', 'json', join(dir, 'plan.md')], dir);
        const placeholders = created.filter((f) => f.rule === 'unfilled-placeholder');
        if (placeholders.length === 0 || placeholders.some((f) => f.severity !== 'hint'))
          throw new Error(`the CLI reports ${placeholders.length} placeholders, not all hints`);
        const want = `${placeholders.length} placeholders left · Ctrl+Alt+] to jump`;
        await page.waitForFunction(
          (text) =>
            [...document.querySelectorAll('footer .statusbar-item')].some((el) => el.textContent?.includes(text)),
          want,
          { timeout: TIMEOUT },
        );
        const warningsLeft = created.filter((f) => f.severity === 'warning' || f.severity === 'error').length;
        return `"${want}"; ${warningsLeft} warnings or errors besides (CLI)`;
      },
    );
    await graphCheck(page, dir, check, IMAGES);
  } finally {
    await page.close();
  }
  return results;
}
