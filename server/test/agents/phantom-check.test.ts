// phantom-completion inside `planmark check`'s machinery: facts gathered in worker
// threads (--jobs) as on the main thread, and `--cache` reusing a result only while
// the facts it was judged on hold: HEAD, `git status`, the named files' existence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MARK, markCache, run, workspace } from '../cli/helpers';
import { gitFixture, type GitFixture } from './gitFixture';

const PLAN = [
  '# Tasks: Demo',
  '',
  '## Phase 1: Setup',
  '',
  '- [ ] T001 Create the model in src/done.py',
  '- [ ] T002 Create the service in `src/stale.py`',
  '- [ ] T003 Create the view in src/missing.py',
  '',
].join('\n');
const TICKED = PLAN.replace(/- \[ \]/g, '- [x]');

/** src/stale.py predates the plan; only src/done.py changes after the plan is written. */
function history(plans: Record<string, string> = { 'plan.md': PLAN }): GitFixture {
  const repo = gitFixture();
  repo.write('src/stale.py', 'old = 1\n');
  repo.write('src/done.py', 'stub = 0\n');
  repo.commit('scaffold');
  for (const [path, text] of Object.entries(plans)) repo.write(path, text);
  repo.commit('plans');
  repo.write('src/done.py', 'model = 1\n');
  for (const [path, text] of Object.entries(plans)) repo.write(path, text.replace(/- \[ \]/g, '- [x]'));
  repo.commit('the model, and every task ticked');
  return repo;
}

function phantoms(stdout: string): string[] {
  return (JSON.parse(stdout) as Array<{ file: string; rule: string; line: number; message: string }>)
    .filter((f) => f.rule === 'phantom-completion')
    .map((f) => `${f.file}:${f.line} ${f.message.replace(/\(in [0-9a-f]+, [\d-]+\)/, '(in …)')}`);
}

/** Enough text for several workers: open tasks after the three that name files. */
function manyPlans(): Record<string, string> {
  const filler = Array.from({ length: 700 }, (_, i) => `- [ ] T${1000 + i} Review part ${i} of the design notes`);
  const plans: Record<string, string> = {};
  for (let i = 0; i < 4; i++) plans[`plans/p${i}/plan.md`] = `${PLAN}\n## Phase 2: Review\n\n${filler.join('\n')}\n`;
  return plans;
}

/** A `git` first on PATH that logs each call's arguments, then runs the real one. */
function loggingGit(): { env: NodeJS.ProcessEnv; calls(): string[]; dispose(): void } {
  const real = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
  const bin = mkdtempSync(join(tmpdir(), 'planmark-gitlog-'));
  const log = join(bin, 'calls.log');
  writeFileSync(join(bin, 'git'), `#!/bin/sh\necho "$*" >> '${log}'\nexec '${real}' "$@"\n`);
  chmodSync(join(bin, 'git'), 0o755);
  return {
    env: { PATH: `${bin}:${process.env.PATH ?? ''}` },
    calls: () => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : []),
    dispose: () => rmSync(bin, { recursive: true, force: true }),
  };
}

test('check --jobs: worker threads gather the same facts and report the same phantoms as one thread', async () => {
  const repo = history(manyPlans());
  try {
    const [one, many] = await Promise.all([
      run(['check', '--jobs', '1', '--format', 'json', 'plans'], repo.dir),
      run(['check', '--jobs', '4', '--format', 'json', 'plans'], repo.dir),
    ]);
    assert.equal(many.stdout, one.stdout);
    const expected = [0, 1, 2, 3].flatMap((i) => [
      `plans/p${i}/plan.md:6 The task is ticked, but src/stale.py has not changed since the task was written (in …).`,
      `plans/p${i}/plan.md:7 The task is ticked, but src/missing.py does not exist.`,
    ]);
    assert.deepEqual(phantoms(many.stdout), expected);
    const noGit = await run(['check', '--jobs', '4', '--no-git', '--format', 'json', 'plans'], repo.dir);
    assert.deepEqual(
      phantoms(noGit.stdout),
      expected.filter((f) => f.includes('does not exist')),
    );
  } finally {
    repo.dispose();
  }
});

test(
  "check --jobs: the run reads git's shared facts (repository, floor) once, and the workers judge by them",
  { skip: process.platform === 'win32' && 'the logging git is a shell script' },
  async () => {
    const repo = history(manyPlans());
    // Ahead of main: main's tip is the floor, and every tick was made on main, so only missing files are reported.
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write('notes.txt', 'x\n');
    repo.commit('feature work');
    const git = loggingGit();
    try {
      const many = await run(['check', '--jobs', '4', '--format', 'json', 'plans'], repo.dir, git.env);
      const calls = git.calls();
      const one = await run(['check', '--jobs', '1', '--format', 'json', 'plans'], repo.dir);
      assert.equal(many.stdout, one.stdout);
      assert.deepEqual(
        phantoms(many.stdout),
        [0, 1, 2, 3].map((i) => `plans/p${i}/plan.md:7 The task is ticked, but src/missing.py does not exist.`),
      );
      const count = (what: string | RegExp) =>
        calls.filter((c) => (typeof what === 'string' ? c.includes(what) : what.test(c))).length;
      assert.equal(count('rev-parse --show-toplevel'), 1, calls.join('\n'));
      // The floor: the default branch's refs, then the commits since main's tip.
      assert.equal(count(' for-each-ref '), 1, calls.join('\n'));
      assert.equal(count(/ rev-list [0-9a-f]{40} --not [0-9a-f]{40}$/), 1, calls.join('\n'));
      assert.equal(count('--is-shallow-repository'), 1, calls.join('\n'));
      assert.equal(count('--verify -q HEAD'), 1, calls.join('\n'));
    } finally {
      git.dispose();
      repo.dispose();
    }
  },
);

test('check: ticked tasks that name no files start no git process; ticked files do', async () => {
  const repo = history({ 'plan.md': PLAN.replace(/ in .*$/gm, '') });
  const git = loggingGit();
  try {
    const plain = await run(['check', '--format', 'json', 'plan.md'], repo.dir, git.env);
    assert.deepEqual(phantoms(plain.stdout), []);
    assert.deepEqual(git.calls(), []);
    repo.write('named.md', TICKED);
    await run(['check', 'named.md'], repo.dir, git.env);
    assert.ok(git.calls().length > 0, 'a ticked task names files: git is asked');
  } finally {
    git.dispose();
    repo.dispose();
  }
});

test('check --cache: a phantom judged with git is checked again after a commit or a change in git status', async () => {
  const repo = history();
  const cacheFile = join(repo.dir, '.planmarkcache');
  const check = async (...flags: string[]) =>
    (await run(['check', '--cache', '--format', 'json', ...flags, 'plan.md'], repo.dir)).stdout;
  const fromCache = (stdout: string) => stdout.includes(MARK);
  try {
    const first = phantoms(await check());
    assert.equal(first.length, 2, first.join('\n'));
    markCache(cacheFile);
    assert.ok(fromCache(await check()), 'nothing changed: the result comes from the cache');

    // An uncommitted change to the stale file is work: git status changed.
    repo.write('src/stale.py', 'service = 1\n');
    const dirty = await check();
    assert.ok(!fromCache(dirty), 'git status changed: checked again');
    assert.deepEqual(phantoms(dirty), ['plan.md:7 The task is ticked, but src/missing.py does not exist.']);

    markCache(cacheFile);
    repo.commit('the service');
    assert.ok(!fromCache(await check()), 'HEAD moved: checked again');

    markCache(cacheFile);
    assert.ok(fromCache(await check()), 'and reused again while nothing changes');
    assert.ok(!fromCache(await check('--no-git')), '--no-git is a different result');
  } finally {
    repo.dispose();
  }
});

test('check --cache: outside git, a named file that appears or disappears invalidates the result', async () => {
  const ws = workspace({ 'plan.md': TICKED, 'src/done.py': 'x\n', 'src/stale.py': 'x\n' });
  const cacheFile = join(ws.dir, '.planmarkcache');
  const check = async () => (await run(['check', '--cache', '--format', 'json', 'plan.md'], ws.dir)).stdout;
  try {
    assert.deepEqual(phantoms(await check()), ['plan.md:7 The task is ticked, but src/missing.py does not exist.']);
    markCache(cacheFile);
    assert.ok((await check()).includes(MARK), 'reused while the files stay as they were');

    writeFileSync(join(ws.dir, 'src', 'missing.py'), 'x\n');
    const appeared = await check();
    assert.ok(!appeared.includes(MARK));
    assert.deepEqual(phantoms(appeared), []);

    markCache(cacheFile);
    rmSync(join(ws.dir, 'src', 'done.py'));
    assert.deepEqual(phantoms(await check()), ['plan.md:5 The task is ticked, but src/done.py does not exist.']);
  } finally {
    ws.cleanup();
  }
});
