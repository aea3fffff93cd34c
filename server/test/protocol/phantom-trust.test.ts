// phantom-completion in the language server: in a trusted workspace it asks git
// whether a ticked task's files changed; in Restricted Mode it runs no git at all
// (a repository's own config can run commands) and keeps the existence check.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { gitFixture } from '../agents/gitFixture';
import { LspTestClient, fileUri } from './lspClient';

const PLAN = [
  '# Tasks: Demo',
  '',
  '## Phase 1: Setup',
  '',
  '- [x] T001 Create the service in src/stale.py',
  '- [x] T002 Create the view in src/missing.py',
  '',
].join('\n');

async function phantoms(trusted: boolean): Promise<string[]> {
  const repo = gitFixture();
  repo.write('src/stale.py', 'old = 1\n');
  repo.commit('scaffold');
  repo.write('plan.md', PLAN.replaceAll('[x]', '[ ]'));
  repo.commit('plan');
  repo.write('plan.md', PLAN);
  repo.commit('tick');
  const client = await LspTestClient.start({
    pull: false,
    folders: [repo.dir],
    initializationOptions: { workspaceTrusted: trusted },
  });
  try {
    const uri = fileUri(join(repo.dir, 'plan.md'));
    await client.open(uri, PLAN);
    const { diagnostics } = await client.diagnostics(uri);
    return diagnostics
      .filter((d) => d.code === 'phantom-completion')
      .map((d) => `${d.range.start.line + 1} ${d.message.replace(/\(in [0-9a-f]+, [\d-]+\)/, '(in …)')}`);
  } finally {
    await client.stop();
    repo.dispose();
  }
}

test('trusted: the git check and the existence check', async () => {
  assert.deepEqual(await phantoms(true), [
    '5 The task is ticked, but src/stale.py has not changed since the task was written (in …).',
    '6 The task is ticked, but src/missing.py does not exist.',
  ]);
});

test('Restricted Mode: no git, only the existence check', async () => {
  assert.deepEqual(await phantoms(false), ['6 The task is ticked, but src/missing.py does not exist.']);
});
