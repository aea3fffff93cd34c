// `npm run test:electron`: the same in-editor suite under @vscode/test-electron, for
// machines that can download a desktop VS Code (these ones cannot: use test:vscode).
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = fileURLToPath(new URL('..', import.meta.url));
const workspace = mkdtempSync(join(tmpdir(), 'planmark-electron-'));
mkdirSync(join(workspace, 'scratch'));
const results = join(root, 'out', 'test', 'electron-results.json');
let status = 0;
try {
  await runTests({
    version: process.env.VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'out', 'test', 'suite', 'index.js'),
    extensionTestsEnv: { PLANMARK_TEST_RESULTS: results },
    launchArgs: [
      workspace,
      '--disable-extensions',
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
    ],
  });
} catch (error) {
  console.error(`test:electron: ${error}`);
  status = 1;
}
try {
  const report = JSON.parse(readFileSync(results, 'utf8'));
  console.log(`${report.passed} passed, ${report.failed} failed`);
  if (report.failed > 0) status = 1;
} catch {
  console.log('0 passed, 1 failed');
  status = 1;
}
process.exit(status);
