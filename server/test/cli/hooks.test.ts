import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SAMPLE_TEXT, run, sampleWith, workspace } from './helpers';

// What CI and hooks use: `--format github` annotations, and `--only-plans`,
// which lets a hook pass every edited Markdown file.

test('--format github: one workflow command per finding, escaped, then a total', async () => {
  const plan = sampleWith('## Success Metrics', '## Metrics of Success').replace(
    '**Status**: In Progress',
    '**Status**: Underway, 100%',
  );
  const ws = workspace({ 'docs/a, b-plan.md': plan });
  try {
    const r = await run(['check', '--format', 'github', 'docs'], ws.dir);
    assert.equal(r.code, 1);
    assert.deepEqual(r.stdout.trimEnd().split('\n'), [
      '::error file=docs/a%2C b-plan.md,line=1,col=1,endLine=1,endColumn=44,title=planmark missing-section::Missing section "## Success Metrics" in this plan; the template requires it.',
      '::warning file=docs/a%2C b-plan.md,line=5,col=13,endLine=5,endColumn=27,title=planmark invalid-metadata::Status "Underway, 100%25" is not one of Planning, In Progress, In Review, Blocked, Complete, Cancelled.',
      'planmark: 1 file, 1 error, 1 warning',
    ]);
  } finally {
    ws.cleanup();
  }
});

test('--only-plans: named files that are not plans are skipped; plans (by name or title) are checked', async () => {
  const ws = workspace({
    'README.md': '# Read me\n\nNot a plan.\n',
    'docs/guide.md': '# Guide\n',
    'docs/x-plan.md': sampleWith('## Success Metrics', '## Metrics of Success'),
    'docs/titled.md': SAMPLE_TEXT,
  });
  try {
    const r = await run(
      ['check', '--only-plans', 'README.md', 'docs/guide.md', 'docs/x-plan.md', 'docs/titled.md'],
      ws.dir,
    );
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^docs\/x-plan\.md: /m);
    assert.match(r.stdout, /^docs\/titled\.md: /m);
    assert.doesNotMatch(r.stdout, /README|guide/);
    assert.match(r.stdout, /Total: 2 files/);
    const none = await run(['check', '--only-plans', 'README.md'], ws.dir);
    assert.equal(none.code, 0);
    assert.match(none.stdout, /Total: 0 files/);
  } finally {
    ws.cleanup();
  }
});
