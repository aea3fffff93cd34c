import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLE_TEXT, run, sampleWith, workspace } from './helpers';

// `--changed [BASE]`: only plans changed against a git base (committed on the
// branch since the merge-base, staged, unstaged or new) are checked.

const BROKEN = sampleWith('## Success Metrics', '## Metrics of Success');

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd, stdio: 'ignore' });
}

function repository() {
  const ws = workspace({
    'a/plan.md': BROKEN,
    'b/plan.md': BROKEN,
    'c/plan.md': BROKEN,
    'notes/readme-plan.md': BROKEN,
  });
  git(ws.dir, 'init', '-q', '-b', 'main');
  git(ws.dir, 'add', '.');
  git(ws.dir, 'commit', '-q', '-m', 'plans');
  return ws;
}

const checked = (stdout: string) =>
  stdout
    .split('\n')
    .filter((l) => /^[\w/.-]+\.md: /.test(l))
    .map((l) => l.slice(0, l.indexOf(':')))
    .sort();

test('--changed: the branch’s commits, uncommitted edits and new plans, nothing else', async () => {
  const ws = repository();
  try {
    git(ws.dir, 'checkout', '-q', '-b', 'feature');
    writeFileSync(join(ws.dir, 'a/plan.md'), BROKEN + '\nCommitted on the branch.\n');
    git(ws.dir, 'commit', '-q', '-am', 'edit a');
    writeFileSync(join(ws.dir, 'b/plan.md'), BROKEN + '\nNot committed.\n');
    writeFileSync(join(ws.dir, 'new-plan.md'), SAMPLE_TEXT);

    const r = await run(['check', '--changed'], ws.dir);
    assert.deepEqual(checked(r.stdout), ['a/plan.md', 'b/plan.md', 'new-plan.md']);
    assert.equal(r.code, 1);

    // A base written with a space, and paths that narrow the set.
    const narrowed = await run(['check', '--changed', 'main', 'a', 'new-plan.md'], ws.dir);
    assert.deepEqual(checked(narrowed.stdout), ['a/plan.md', 'new-plan.md']);

    // Against the branch itself, only what is not committed.
    const uncommitted = await run(['check', '--changed=feature'], ws.dir);
    assert.deepEqual(checked(uncommitted.stdout), ['b/plan.md', 'new-plan.md']);
  } finally {
    ws.cleanup();
  }
});

test('--changed: nothing changed checks nothing and passes', async () => {
  const ws = repository();
  try {
    const r = await run(['check', '--changed'], ws.dir);
    assert.equal(r.code, 0);
    assert.deepEqual(checked(r.stdout), []);
    assert.match(r.stdout, /Total: 0 files/);
  } finally {
    ws.cleanup();
  }
});

test('--changed: outside a repository, or with an unknown base, says so (exit 2)', async () => {
  const plain = workspace({ 'plan.md': BROKEN });
  const repo = repository();
  try {
    const outside = await run(['check', '--changed', '.'], plain.dir);
    assert.equal(outside.code, 2);
    assert.match(outside.stderr, /not a git repository/);
    const unknown = await run(['check', '--changed=no-such-branch'], repo.dir);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /git merge-base no-such-branch HEAD failed/);
  } finally {
    plain.cleanup();
    repo.cleanup();
  }
});
