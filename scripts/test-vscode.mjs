// `npm run test:vscode`: the in-editor suite (client/test/suite, built to out/test/suite)
// inside a real VS Code — code-server 4.100.3 driven by Debian's Chromium — then the
// Playwright check of what a person sees (scripts/ui-check.mjs). Installs code-server
// on first use. Prints each result and ends with one line: `N passed, N failed`.
import { existsSync, readFileSync, rmSync, watch } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT, installCodeServer, startCodeServer, within } from './code-server.mjs';
import { uiCheck } from './ui-check.mjs';

const SUITE_TIMEOUT_MS = 8 * 60_000;
const skipUi = process.argv.includes('--no-ui');
const skipSuite = process.argv.includes('--ui-only');

function waitForFile(file, ms) {
  return within(
    ms,
    `the suite's results (${file})`,
    new Promise((resolve) => {
      const dir = dirname(file);
      const check = () => existsSync(file) && (watcher.close(), resolve());
      const watcher = watch(dir, check);
      check();
    }),
  );
}

installCodeServer();
const results = join(ROOT, 'out', 'test', 'vscode-results.json');
rmSync(results, { force: true });
const server = await startCodeServer({ env: { PLANMARK_TEST_RESULTS: results } });
let passed = 0;
let failed = 0;
try {
  console.log(`code-server on 127.0.0.1:${server.port}, workspace ${server.workspace}`);
  if (!skipSuite) {
    const started = Date.now();
    const page = await server.open([
      server.extension,
      ['extensionTestsPath', server.remote(join(ROOT, 'out', 'test', 'suite', 'index.js'))],
    ]);
    await waitForFile(results, SUITE_TIMEOUT_MS);
    const report = JSON.parse(readFileSync(results, 'utf8'));
    console.log(`\nin-editor suite (${((Date.now() - started) / 1000).toFixed(1)} s):`);
    for (const r of report.results) {
      console.log(
        `  ${r.state === 'passed' ? '✔' : r.state === 'skipped' ? '-' : '✘'} ${r.title}${r.durationMs !== undefined ? ` (${r.durationMs} ms)` : ''}`,
      );
      if (r.error)
        console.log(
          r.error
            .split('\n')
            .map((l) => `      ${l}`)
            .join('\n'),
        );
    }
    for (const note of report.notes ?? []) console.log(`  note: ${note}`);
    passed += report.passed;
    failed += report.failed;
    if (report.results.length === 0) failed += 1;
    await page.close();
  }

  if (!skipUi) {
    console.log('\nPlaywright check (what a person sees):');
    const ui = await uiCheck(server);
    for (const r of ui) {
      console.log(`  ${r.ok ? '✔' : '✘'} ${r.title}${r.detail ? ` — ${r.detail}` : ''}`);
      if (r.ok) passed++;
      else failed++;
    }
  }
} catch (error) {
  failed++;
  console.error(`\ntest:vscode failed: ${error?.stack ?? error}`);
  try {
    console.error(
      `--- last lines of ${server.log} ---\n${readFileSync(server.log, 'utf8').split('\n').slice(-40).join('\n')}`,
    );
  } catch {
    // best effort: the process may already be gone
  }
} finally {
  await server.stop();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
