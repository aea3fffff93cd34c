// phantom-completion end to end: git repositories built by the test, checked by
// the built CLI (`dist/cli.js`), as CI would run it. Each history states which
// ticked tasks are phantoms; a missing and an extra finding both fail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../cli/helpers';
import { gitFixture, type GitFixture } from './gitFixture';
import { PlanEngine } from '../../src/engine';
import { analyzeWithFacts, CompletionFactsGatherer } from '../../src/node/completionFacts';
import { TEMPLATE_TEXT } from '../engine/helpers';

const PLAN = [
  '# Tasks: Demo',
  '',
  '## Phase 1: Setup',
  '',
  '- [ ] T001 Create the model in src/done.py',
  '- [ ] T002 Create the service in `src/stale.py`',
  '- [ ] T003 Create the view in src/missing.py',
  '- [ ] **Task**: Write the handbook',
  '  - **File**: `docs/handbook.md`',
  '',
].join('\n');

const tick = (text: string) => text.replace(/- \[ \]/g, '- [x]');

async function phantoms(dir: string, ...flags: string[]): Promise<string[]> {
  const { stdout } = await run(['check', '--format', 'json', ...flags, 'plan.md'], dir);
  return (
    JSON.parse(stdout) as Array<{ rule: string; line: number; column: number; severity: string; message: string }>
  )
    .filter((f) => f.rule === 'phantom-completion')
    .map((f) => `${f.line}:${f.column} ${f.severity} ${f.message}`);
}

/** src/stale.py exists before the plan; the plan is written; only src/done.py and the handbook change after. */
function history(): GitFixture {
  const repo = gitFixture();
  repo.write('src/stale.py', 'old = 1\n');
  repo.commit('scaffold');
  repo.write('plan.md', PLAN);
  repo.write('src/done.py', 'stub = 0\n');
  repo.commit('plan');
  repo.write('src/done.py', 'model = 1\n');
  repo.write('docs/handbook.md', '# Handbook\n');
  repo.commit('the model and the handbook');
  repo.write('plan.md', tick(PLAN));
  repo.commit('tick everything');
  return repo;
}

test('a missing file and a file never changed after the task was written are reported; done work is not', async () => {
  const repo = history();
  try {
    const found = await phantoms(repo.dir);
    assert.equal(found.length, 2, found.join('\n'));
    assert.match(
      found[0],
      /^6:3 warning The task is ticked, but src\/stale\.py has not changed since the task was written \(in [0-9a-f]{7,}, \d{4}-\d\d-\d\d\)\.$/,
    );
    assert.equal(found[1], '7:31 warning The task is ticked, but src/missing.py does not exist.');
  } finally {
    repo.dispose();
  }
});

test('--no-git and phantomCompletionGit: off keep only the existence check', async () => {
  const repo = history();
  try {
    const expected = ['7:31 warning The task is ticked, but src/missing.py does not exist.'];
    assert.deepEqual(await phantoms(repo.dir, '--no-git'), expected);
    repo.write('.planmarkrc.json', JSON.stringify({ phantomCompletionGit: 'off' }));
    assert.deepEqual(await phantoms(repo.dir), expected);
    repo.write('.planmarkrc.json', JSON.stringify({ phantomCompletionGit: 'error' }));
    assert.match((await phantoms(repo.dir))[0], /^6:3 error /);
  } finally {
    repo.dispose();
  }
});

test('an uncommitted change to the file counts as the work; an uncommitted tick is judged', async () => {
  const repo = history();
  try {
    repo.write('src/stale.py', 'service = 2\n');
    assert.deepEqual(await phantoms(repo.dir), ['7:31 warning The task is ticked, but src/missing.py does not exist.']);
    // A new task, written and ticked in the working tree, whose file is clean: nothing changed since.
    repo.git('checkout', '-q', '--', 'src/stale.py');
    repo.write('plan.md', tick(PLAN) + '- [x] T004 Tidy up in src/done.py\n');
    const found = await phantoms(repo.dir);
    assert.equal(found.length, 3, found.join('\n'));
    assert.match(
      found[2],
      /^10:3 warning .*src\/done\.py has not changed since the task was written \(its line is not committed yet\)\.$/,
    );
  } finally {
    repo.dispose();
  }
});

test('ticks inherited from the default branch are not judged on a feature branch', async () => {
  const repo = history();
  try {
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write('plan.md', tick(PLAN) + '- [ ] T004 Tidy up in src/done.py\n');
    repo.commit('a new task');
    repo.write('plan.md', tick(PLAN) + '- [x] T004 Tidy up in src/done.py\n');
    repo.commit('tick it without the work');
    const found = await phantoms(repo.dir);
    // T002 was ticked on main (below the merge-base): only T004, ticked here, and the missing file.
    assert.equal(found.length, 2, found.join('\n'));
    assert.match(found[0], /^7:31 warning .*src\/missing\.py does not exist\.$/);
    assert.match(found[1], /^10:3 warning .*src\/done\.py has not changed since the task was written/);
  } finally {
    repo.dispose();
  }
});

test('outside a git repository only the existence check runs', async () => {
  const repo = history();
  try {
    rmSync(join(repo.dir, '.git'), { recursive: true, force: true });
    assert.deepEqual(await phantoms(repo.dir), ['7:31 warning The task is ticked, but src/missing.py does not exist.']);
  } finally {
    repo.dispose();
  }
});

test('in a shallow clone, tasks written in the commit the history stops at are not judged', async () => {
  const repo = history();
  const clone = gitFixture();
  try {
    clone.git('fetch', '-q', '--depth=1', `file://${repo.dir}`, 'main');
    clone.git('checkout', '-q', 'FETCH_HEAD');
    // One commit seems to add the plan and every file: when a task was written is unknown.
    assert.deepEqual(await phantoms(clone.dir), [
      '7:31 warning The task is ticked, but src/missing.py does not exist.',
    ]);
  } finally {
    clone.dispose();
    repo.dispose();
  }
});

test('a task whose line arrived already ticked (a squash merge, a plan committed after its work) is not judged by git', async () => {
  const repo = gitFixture();
  try {
    // The work first, then the plan with its tasks ticked: git cannot tell when the work was done.
    repo.write('src/stale.py', 'old = 1\n');
    repo.write('src/done.py', 'model = 1\n');
    repo.commit('the work');
    repo.write('plan.md', tick(PLAN));
    repo.write('docs/handbook.md', '# Handbook\n');
    repo.commit('the plan, already done');
    assert.deepEqual(await phantoms(repo.dir), ['7:31 warning The task is ticked, but src/missing.py does not exist.']);
    // A task added unticked and ticked later without its work is still judged.
    repo.write('plan.md', tick(PLAN) + '- [ ] T004 Tidy up in src/stale.py\n');
    repo.commit('a new task');
    repo.write('plan.md', tick(PLAN) + '- [x] T004 Tidy up in src/stale.py\n');
    repo.commit('tick it without the work');
    const found = await phantoms(repo.dir);
    assert.equal(found.length, 2, found.join('\n'));
    assert.match(found[1], /^10:3 warning .*src\/stale\.py has not changed since the task was written/);
  } finally {
    repo.dispose();
  }
});

test("the CLI's gathering (git started before the analysis, HEAD read once) judges as the editor's does", async () => {
  const engine = new PlanEngine(TEMPLATE_TEXT);
  const judged = async (dir: string, gatherer: CompletionFactsGatherer) => {
    const planPath = join(dir, 'plan.md');
    const text = readFileSync(planPath, 'utf8');
    const where = { root: dir, planPath, git: true };
    const analysis = await analyzeWithFacts(engine, text, where, gatherer, { path: 'plan.md' });
    return analysis.findings.filter((f) => f.rule === 'phantom-completion').map((f) => f.message);
  };
  const main = history();
  const feature = history();
  feature.git('checkout', '-q', '-b', 'feature');
  feature.write('plan.md', tick(PLAN) + '- [x] T004 Tidy up in src/done.py\n');
  feature.commit('tick it without the work');
  const unborn = gitFixture();
  unborn.write('plan.md', tick(PLAN));
  const shallow = gitFixture();
  shallow.git('fetch', '-q', '--depth=1', `file://${main.dir}`, 'main');
  shallow.git('checkout', '-q', 'FETCH_HEAD');
  try {
    for (const repo of [main, feature, unborn, shallow]) {
      const editor = await judged(repo.dir, new CompletionFactsGatherer());
      const cli = await judged(repo.dir, new CompletionFactsGatherer([], { oneRun: true }));
      assert.ok(editor.length > 0, 'each history has a phantom');
      assert.deepEqual(cli, editor);
    }
  } finally {
    for (const repo of [main, feature, unborn, shallow]) repo.dispose();
  }
});

test('a named file that a later commit moved or deleted is no phantom; one that never existed is', async () => {
  const repo = history();
  try {
    // The handbook's task was done (history() changes it after the plan); then it moved away.
    repo.git('mv', 'docs/handbook.md', 'docs/guide.md');
    repo.commit('move the handbook');
    const found = await phantoms(repo.dir);
    assert.equal(found.length, 2, found.join('\n'));
    assert.match(found[0], /^6:3 warning .*src\/stale\.py has not changed/);
    assert.equal(found[1], '7:31 warning The task is ticked, but src/missing.py does not exist.');
    // Without git nobody knows it went: it is reported missing.
    const plain = await phantoms(repo.dir, '--no-git');
    assert.ok(
      plain.some((f) => f.includes('docs/handbook.md does not exist')),
      plain.join('\n'),
    );
  } finally {
    repo.dispose();
  }
});

test("a path from the author's machine (/Users/…/repo/src/x.ts) names the file by its tail under the root", async () => {
  const repo = gitFixture();
  try {
    repo.write('src/app.ts', 'export {};\n');
    repo.write(
      'plan.md',
      [
        '# Tasks: Shop',
        '',
        '- [x] T001 Build the app in `/Users/ann/Workspace/shop/src/app.ts`',
        '- [x] T002 Build the cart in `/home/ann/shop/src/cart.ts`',
        '- [x] T003 Build the list in `lib/src/list.ts`',
        '',
      ].join('\n'),
    );
    assert.deepEqual(await phantoms(repo.dir, '--no-git'), [
      '4:32 warning The task is ticked, but home/ann/shop/src/cart.ts does not exist.',
      '5:31 warning The task is ticked, but lib/src/list.ts does not exist.',
    ]);
  } finally {
    repo.dispose();
  }
});

test('a file whose folder the plan names loosely is found by its name, when only one file has it', async () => {
  const repo = gitFixture();
  try {
    repo.write('src/config/mapping.ts', 'export {};\n');
    repo.write('a/index.ts', 'export {};\n');
    repo.write('b/index.ts', 'export {};\n');
    repo.write(
      'plan.md',
      ['# Tasks: Shop', '', '- [x] T001 Map in `src/mapping.ts`', '- [x] T002 Index in `src/index.ts`', ''].join('\n'),
    );
    assert.deepEqual(await phantoms(repo.dir, '--no-git'), [
      '4:22 warning The task is ticked, but src/index.ts does not exist.',
    ]);
  } finally {
    repo.dispose();
  }
});

test('a named folder whose files a later commit deleted is no phantom', async () => {
  const repo = gitFixture();
  try {
    repo.write('src/legacy/a.ts', 'export {};\n');
    repo.write('plan.md', ['# Tasks: Shop', '', '- [x] T001 Build the module in `src/legacy/`', ''].join('\n'));
    repo.commit('the module and its plan');
    repo.git('rm', '-q', '-r', 'src/legacy');
    repo.commit('the module is replaced');
    assert.deepEqual(await phantoms(repo.dir), []);
    assert.deepEqual(await phantoms(repo.dir, '--no-git'), [
      '3:33 warning The task is ticked, but src/legacy/ does not exist.',
    ]);
  } finally {
    repo.dispose();
  }
});

test('files changed only in the commit that wrote the task: asked, a level lower, not claimed', async () => {
  const repo = gitFixture();
  try {
    // The plan and the code in one commit, the task ticked later with no change to its file.
    repo.write('plan.md', PLAN);
    repo.write('src/done.py', 'model = 1\n');
    repo.commit('the plan and the code');
    repo.write('plan.md', PLAN.replace('- [ ] T001', '- [x] T001'));
    repo.commit('tick T001');
    const found = await phantoms(repo.dir);
    assert.equal(found.length, 1, found.join('\n'));
    assert.match(
      found[0],
      /^5:3 information The task is ticked, but src\/done\.py has changed only in the commit that wrote the task \(in [0-9a-f]{7,}, [\d-]+\): was the work done there\?$/,
    );
  } finally {
    repo.dispose();
  }
});
