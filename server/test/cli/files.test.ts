import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { SAMPLE_TEXT, run, workspace } from './helpers';

// Which files `check` looks at, and which configuration and template it uses.

/** The files a text report summarises, in order. */
function checkedFiles(stdout: string): string[] {
  return [...stdout.matchAll(/^(.+): (?:\d+\/\d+ tasks done|not validated)/gm)].map((m) => m[1]);
}

const NOT_A_PLAN = '# Meeting notes\n\nNothing to see.\n';

test('folder search: include globs and "… Implementation Plan" titles, not node_modules or .git', async () => {
  const ws = workspace({
    'docs/plan.md': SAMPLE_TEXT,
    'docs/x-plan.md': SAMPLE_TEXT,
    'docs/deep/notes.md': '# X - Implementation Plan\n\nDraft.\n',
    'docs/other.md': NOT_A_PLAN,
    'docs/node_modules/pkg/plan.md': SAMPLE_TEXT,
    'docs/.git/plan.md': SAMPLE_TEXT,
  });
  try {
    const r = await run(['check', 'docs'], ws.dir);
    assert.deepEqual(checkedFiles(r.stdout), [
      join('docs', 'deep', 'notes.md'),
      join('docs', 'plan.md'),
      join('docs', 'x-plan.md'),
    ]);
    assert.match(r.stdout, /^Total: 3 files,/m);
  } finally {
    ws.cleanup();
  }
});

test('a file named on the command line is always checked, once', async () => {
  const ws = workspace({ 'plan.md': SAMPLE_TEXT, 'other.md': NOT_A_PLAN });
  try {
    const r = await run(['check', 'other.md', '.', 'plan.md'], ws.dir);
    assert.deepEqual(checkedFiles(r.stdout), ['other.md', 'plan.md']);
  } finally {
    ws.cleanup();
  }
});

test('a folder without plans is a note on stderr, not a failure', async () => {
  const ws = workspace({ 'docs/other.md': NOT_A_PLAN });
  try {
    const r = await run(['check', 'docs'], ws.dir);
    assert.equal(r.code, 0);
    assert.match(r.stderr, /no plan files found in docs/);
  } finally {
    ws.cleanup();
  }
});

test('.planmarkrc.json in the working directory sets include globs (relative to it) and includeByTitle', async () => {
  const ws = workspace({
    '.planmarkrc.json': JSON.stringify({ include: ['roadmaps/*.md'], includeByTitle: false }),
    'roadmaps/q3.md': '# Q3 roadmap\n\n- [ ] Ship faster search\n',
    'roadmaps/plan.md': SAMPLE_TEXT,
    'notes.md': '# X - Implementation Plan\n',
  });
  try {
    const r = await run(['check', '.'], ws.dir);
    assert.deepEqual(checkedFiles(r.stdout), [join('roadmaps', 'plan.md'), join('roadmaps', 'q3.md')]);
    // From a subfolder the globs still count from the working directory, which here has no rc file.
    const sub = await run(['check', '.'], join(ws.dir, 'roadmaps'));
    assert.deepEqual(checkedFiles(sub.stdout), ['plan.md']);
  } finally {
    ws.cleanup();
  }
});

test('--config names the configuration; its template path is relative to it', async () => {
  const ws = workspace({
    'config/planmark.json': JSON.stringify({
      template: 'small-template.md',
      rules: { 'unfilled-placeholder': 'error' },
    }),
    'config/small-template.md':
      '# [FEATURE_NAME] - Implementation Plan\n\n## Goals\n[Goals]\n\n## Tasks\n- [ ] [Task]\n',
    'plan.md': '# Search - Implementation Plan\n\n## Goals\nFaster search.\n\n## Tasks\n- [ ] [Task]\n',
  });
  try {
    const r = await run(['check', '--config', 'config/planmark.json', '--format', 'json', 'plan.md'], ws.dir);
    assert.equal(r.stderr, '');
    assert.equal(r.code, 1);
    assert.deepEqual(
      JSON.parse(r.stdout).map((f: { rule: string; severity: string; line: number }) => [f.rule, f.severity, f.line]),
      [['unfilled-placeholder', 'error', 7]],
    );
  } finally {
    ws.cleanup();
  }
});

test('--template changes which sections are required', async () => {
  const ws = workspace({
    'template.md': '# [FEATURE_NAME] - Implementation Plan\n\n## Goals\n[Goals]\n\n## Rollout\n[Rollout]\n',
    'plan.md': '# Search - Implementation Plan\n\n## Goals\nFaster search.\n',
  });
  try {
    const [custom, builtin] = await Promise.all([
      run(['check', '--template', 'template.md', '--format', 'json', 'plan.md'], ws.dir),
      run(['check', '--format', 'json', 'plan.md'], ws.dir),
    ]);
    const missing = (stdout: string) =>
      JSON.parse(stdout)
        .filter((f: { rule: string }) => f.rule === 'missing-section')
        .map((f: { message: string }) => /"## ([^"]+)"/.exec(f.message)![1]);
    assert.deepEqual(missing(custom.stdout), ['Rollout']);
    // Without its template the plan follows no known format: the checklist profile asks for no section.
    assert.deepEqual(missing(builtin.stdout), []);
  } finally {
    ws.cleanup();
  }
});

test('--template naming a missing file warns and falls back to the built-in template', async () => {
  const ws = workspace({ 'plan.md': SAMPLE_TEXT });
  try {
    const r = await run(['check', '--template', 'nope.md', 'plan.md'], ws.dir);
    assert.equal(r.code, 0);
    assert.match(r.stderr, /warning: template: cannot read .*nope\.md .*using the built-in template/);
  } finally {
    ws.cleanup();
  }
});
