// Entry point VS Code calls (`extensionTestsPath`), under @vscode/test-electron or
// code-server's `payload`. Runs the suite with mocha and writes the results as JSON to
// PLANMARK_TEST_RESULTS (default: out/test/results.json), because in code-server the
// page stays open when the suite ends and the driver waits for that file instead.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Mocha from 'mocha';
import registerSuite from './extension.test';
import registerAgentToolsSuite from './agentTools.test';
import registerGraphSuite from './graph.test';
import registerViewsSuite from './views.test';
import registerProfilesSuite from './profiles.test';
import { notes } from './helpers';

export interface TestResult {
  title: string;
  state: 'passed' | 'failed' | 'skipped';
  durationMs?: number;
  error?: string;
}

export function run(): Promise<void> {
  const out = process.env.PLANMARK_TEST_RESULTS ?? join(__dirname, '..', 'results.json');
  const mocha = new Mocha({ ui: 'tdd', timeout: 30_000, color: false, reporter: 'spec' });
  // The suite is bundled with this file: install mocha's globals, then let it declare its tests.
  mocha.suite.emit('pre-require', globalThis, 'extension.test.js', mocha);
  registerSuite();
  registerGraphSuite();
  registerViewsSuite();
  registerAgentToolsSuite();
  registerProfilesSuite();
  const results: TestResult[] = [];
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        mkdirSync(dirname(out), { recursive: true });
        const count = (state: TestResult['state']) => results.filter((r) => r.state === state).length;
        // Written whole, then renamed: the driver reacts to the file appearing.
        writeFileSync(
          `${out}.partial`,
          JSON.stringify(
            { passed: count('passed'), failed: count('failed'), skipped: count('skipped'), results, notes },
            null,
            2,
          ),
        );
        renameSync(`${out}.partial`, out);
        if (failures > 0) reject(new Error(`${failures} tests failed.`));
        else resolve();
      });
      runner.on('pass', (t) => results.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration }));
      runner.on('pending', (t) => results.push({ title: t.fullTitle(), state: 'skipped' }));
      runner.on('fail', (t, err: Error) =>
        results.push({ title: t.fullTitle(), state: 'failed', error: err?.stack ?? String(err) }),
      );
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
