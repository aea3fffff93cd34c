import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, sampleWith, workspace } from './helpers';

// `--write-baseline` / `--baseline`: findings recorded once are not reported
// again, wherever they move; new ones are, and only they count for the exit code.

const KNOWN = sampleWith('## Success Metrics', '## Metrics of Success').replace(
  '**Status**: In Progress',
  '**Status**: Underway',
);

test('baseline: recorded findings are hidden, even after edits elsewhere move them', async () => {
  const ws = workspace({ 'docs/plan.md': KNOWN });
  try {
    const write = await run(['check', '--write-baseline', 'baseline.json', 'docs'], ws.dir);
    assert.equal(write.code, 0, 'recording the debt passes');
    assert.match(write.stderr, /wrote 2 findings to the baseline baseline\.json/);
    const data = JSON.parse(readFileSync(join(ws.dir, 'baseline.json'), 'utf8')) as {
      findings: Array<{ file: string; rule: string; context: string; count: number }>;
    };
    assert.deepEqual(
      data.findings.map((f) => [f.file, f.rule, f.context, f.count]),
      [
        ['docs/plan.md', 'invalid-metadata', '**Status**: Underway', 1],
        ['docs/plan.md', 'missing-section', '# Saved Search Alerts - Implementation Plan', 1],
      ],
    );

    // Lines added above move both findings down.
    writeFileSync(join(ws.dir, 'docs/plan.md'), KNOWN.replace('\n', '\n\nA new paragraph.\n\nAnother one.\n'));
    const moved = await run(['check', '--baseline', 'baseline.json', 'docs'], ws.dir);
    assert.equal(moved.code, 0);
    assert.doesNotMatch(moved.stdout, /missing-section|invalid-metadata/);
    assert.match(moved.stderr, /2 known findings in the baseline not shown/);

    // From another folder: paths in the baseline are relative to the baseline file.
    const elsewhere = await run(['check', '--baseline', '../baseline.json', '.'], join(ws.dir, 'docs'));
    assert.equal(elsewhere.code, 0);
    assert.doesNotMatch(elsewhere.stdout, /missing-section/);
  } finally {
    ws.cleanup();
  }
});

test('baseline: a new finding is reported and fails; a second copy of a known one is new', async () => {
  const withSloppyTask = KNOWN.replace('## Appendix', '## Appendix\n\n-[ ] Same sloppy task\n');
  const ws = workspace({ 'plan.md': withSloppyTask });
  try {
    await run(['check', '--write-baseline', 'baseline.json', 'plan.md'], ws.dir);
    const changed = withSloppyTask
      .replace('## Open Questions & Decisions', '## Questions')
      .replace('-[ ] Same sloppy task\n', '-[ ] Same sloppy task\n\n-[ ] Same sloppy task\n');
    writeFileSync(join(ws.dir, 'plan.md'), changed);
    const r = await run(['check', '--baseline', 'baseline.json', '--format', 'json', 'plan.md'], ws.dir);
    const findings = JSON.parse(r.stdout) as Array<{ rule: string; message: string }>;
    assert.deepEqual(
      findings.map((f) => f.rule).sort(),
      ['malformed-checkbox', 'missing-section'],
      'the renamed section and the second sloppy task, nothing known',
    );
    assert.match(findings.find((f) => f.rule === 'missing-section')!.message, /Open Questions/);
    assert.equal(r.code, 1, 'new errors fail');
  } finally {
    ws.cleanup();
  }
});

test('baseline: fixed findings are counted, and --write-baseline keeps other files’ entries', async () => {
  const ws = workspace({ 'a-plan.md': KNOWN, 'b-plan.md': KNOWN });
  try {
    await run(['check', '--write-baseline', 'baseline.json', '.'], ws.dir);
    writeFileSync(join(ws.dir, 'a-plan.md'), KNOWN.replace('**Status**: Underway', '**Status**: In Progress'));
    const r = await run(['check', '--baseline', 'baseline.json', '.'], ws.dir);
    assert.equal(r.code, 0);
    assert.match(r.stderr, /3 known findings in the baseline not shown; 1 fixed since/);
    await run(['check', '--write-baseline', 'baseline.json', 'a-plan.md'], ws.dir);
    const files = (
      JSON.parse(readFileSync(join(ws.dir, 'baseline.json'), 'utf8')) as { findings: Array<{ file: string }> }
    ).findings.map((f) => f.file);
    assert.deepEqual(files, ['a-plan.md', 'b-plan.md', 'b-plan.md']);
  } finally {
    ws.cleanup();
  }
});

test('baseline: a missing or foreign baseline file is a clear error (exit 2)', async () => {
  const ws = workspace({ 'plan.md': KNOWN, 'other.json': '{"findings": []}' });
  try {
    const missing = await run(['check', '--baseline', 'nope.json', 'plan.md'], ws.dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read the baseline .*nope\.json \(ENOENT\)/);
    const foreign = await run(['check', '--baseline', 'other.json', 'plan.md'], ws.dir);
    assert.equal(foreign.code, 2);
    assert.match(foreign.stderr, /other\.json is not a planmark baseline \(write one with --write-baseline\)/);
  } finally {
    ws.cleanup();
  }
});
