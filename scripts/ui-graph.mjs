// The Plan Graph as a person sees it, in code-server with Playwright: the Plan view's
// Show Graph button draws one node per task of a demo plan (counted in the
// webview's own frame against `planmark graph --format json`), and a screenshot goes to
// docs/images/plan-graph.png for the README.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { planmarkJson } from './code-server.mjs';

const TIMEOUT = 30_000;

/** A plan with stated dependencies and estimates, in three phases, partly done. */
export const DEMO_PLAN = `# Checkout Redesign - Implementation Plan

## Phase 1: Data

- [x] **Task 1.1**: Create the order schema
  - **File**: \`prisma/schema.prisma\`
  - **Estimate**: 2h
  - **Dependencies**: None
- [x] **Task 1.2**: Write the migrations
  - **File**: \`prisma/migrations/001.sql\`
  - **Estimate**: 1h
  - **Dependencies**: 1.1
- [ ] **Task 1.3**: Seed test data
  - **File**: \`prisma/seed.ts\`
  - **Estimate**: 2h
  - **Dependencies**: 1.2

## Phase 2: Services

- [ ] **Task 2.1**: Build the order service
  - **File**: \`src/orders/service.ts\`
  - **Estimate**: 1d
  - **Dependencies**: 1.2
- [ ] **Task 2.2**: Build the payment service
  - **File**: \`src/payments/service.ts\`
  - **Estimate**: 6h
  - **Dependencies**: 1.2
- [ ] **Task 2.3**: Saved payment methods
  - **File**: \`src/payments/saved.ts\`
  - **Estimate**: 4h
  - **Dependencies**: 2.2
- [ ] **Task 2.4**: Wire checkout
  - **File**: \`src/checkout/flow.ts\`
  - **Estimate**: 5h
  - **Dependencies**: 2.1, 2.2

## Phase 3: Interface

- [ ] **Task 3.1**: Checkout page
  - **File**: \`web/checkout.tsx\`
  - **Estimate**: 6h
  - **Dependencies**: 2.4
- [ ] **Task 3.2**: Error messages
  - **File**: \`web/errors.tsx\`
  - **Estimate**: 2h
  - **Dependencies**: 2.4
- [ ] **Task 3.3**: Payment method picker
  - **File**: \`web/picker.tsx\`
  - **Dependencies**: 2.3
- [ ] **Task 3.4**: End-to-end tests
  - **File**: \`e2e/checkout.spec.ts\`
  - **Estimate**: 4h
  - **Dependencies**: 3.1, 3.2, 3.3
`;

export async function graphCheck(page, dir, check, images) {
  const file = join(dir, 'demo-plan.md');
  writeFileSync(file, DEMO_PLAN);
  const graph = planmarkJson(['graph', '--format', 'json', file], dir);
  // Close whatever an earlier check left open. Quick Open is given the absolute path: its file
  // search may not have indexed a file written a moment ago, but a path it opens directly.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget input', { timeout: TIMEOUT });
  await page.keyboard.type(file);
  await page.waitForSelector('.quick-input-widget .monaco-list-row:has-text("demo-plan.md")', { timeout: TIMEOUT });
  await page.keyboard.press('Enter');
  await page.waitForSelector('.tabs-container .tab.active:has-text("demo-plan.md")', { timeout: TIMEOUT });
  await check(`the Plan view's Show Graph button draws ${graph.nodes.length} tasks`, async () => {
    // The button in the Plan view's title bar, as a person would click it (no command palette:
    // its list is slow to fill on a busy machine's first run).
    // With the Plans view below it, the Checklist's own actions show in its header while the
    // pointer is over it (as the Explorer's panes do).
    await page
      .locator('[id="workbench.view.extension.planmark"] .pane-header')
      .filter({ hasText: 'Checklist' })
      .first()
      .hover();
    const button = page.locator('a.action-label[aria-label^="Show Graph"]').first();
    await button.waitFor({ timeout: TIMEOUT });
    await button.click();
    // The webview's page is an iframe (the active frame) inside VS Code's webview iframe.
    const nodes = page.frameLocator('iframe.webview').frameLocator('iframe#active-frame').locator('#canvas g.node');
    await nodes.nth(graph.nodes.length - 1).waitFor({ timeout: TIMEOUT });
    const count = await nodes.count();
    if (count !== graph.nodes.length)
      throw new Error(`the graph shows ${count} tasks, the CLI lists ${graph.nodes.length}`);
    // The picture is documentation, not the check. A wide window without the side bar gives the
    // graph's panel (beside the plan) room; it refits on resize; only that panel is photographed.
    let picture = 'screenshot taken';
    try {
      const viewport = page.viewportSize();
      await page.setViewportSize({ width: 2600, height: 560 });
      await page.keyboard.press('Control+B');
      await page.waitForFunction(() => !document.querySelector('.part.sidebar:not(.hidden)')?.clientWidth, null, {
        timeout: TIMEOUT,
      });
      await nodes.first().waitFor({ state: 'visible', timeout: TIMEOUT });
      await page
        .locator('iframe.webview')
        .last()
        .screenshot({ path: join(images, 'plan-graph.png') });
      await page.keyboard.press('Control+B');
      if (viewport) await page.setViewportSize(viewport);
    } catch (error) {
      picture = `no screenshot (${String(error).split('\n')[0]})`;
    }
    return `${count} nodes, critical path ${graph.criticalPath.join(' → ')}; ${picture}`;
  });
}
