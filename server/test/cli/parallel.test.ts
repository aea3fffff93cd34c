import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CONFIG } from '../../src/engine';
import { workersFor } from '../../src/cli/parallel';
import type { Job } from '../../src/cli/checkFile';
import { SAMPLE_TEXT, run, sampleWith, workspace } from './helpers';

// `--jobs N`: files checked in worker threads give the same report, in the same
// order, as one thread does.

const job = (chars: number): Job => ({
  target: { file: 'plan.md', path: '/plan.md' },
  text: 'x'.repeat(chars),
  bom: false,
  settings: { config: DEFAULT_CONFIG, templateText: '' },
  profile: {},
  fix: false,
});

test('workersFor: small batches stay on this thread; big ones get up to --jobs threads', () => {
  assert.equal(workersFor([job(500_000)], 4), 0, 'one file: no thread helps');
  assert.equal(workersFor([job(2_000), job(2_000), job(2_000)], 4), 0, 'little text: start-up would cost more');
  assert.equal(
    workersFor(
      Array.from({ length: 10 }, () => job(40_000)),
      4,
    ),
    4,
  );
  assert.equal(
    workersFor(
      Array.from({ length: 10 }, () => job(40_000)),
      1,
    ),
    0,
    '--jobs 1',
  );
  assert.equal(workersFor([job(60_000), job(60_000)], 8), 2, 'never more threads than files');
});

test('check --jobs: worker threads report exactly what one thread reports', async () => {
  const files: Record<string, string> = {};
  // Enough text for several workers; each file different, so that order mistakes show.
  for (let i = 0; i < 8; i++)
    files[`plans/p${i}/plan.md`] = i % 2 ? SAMPLE_TEXT : sampleWith('## Success Metrics', `## Metrics ${i}`);
  files['plans/bad/plan.md'] = SAMPLE_TEXT.replace('- [ ]', '-[ ]').repeat(3);
  const ws = workspace(files);
  try {
    // sarif holds all that json does.
    for (const format of ['text', 'sarif']) {
      const [one, many] = await Promise.all([
        run(['check', '--jobs', '1', '--format', format, 'plans'], ws.dir),
        run(['check', '--jobs', '4', '--format', format, 'plans'], ws.dir),
      ]);
      assert.equal(one.code, 1);
      assert.equal(many.stdout, one.stdout, format);
      assert.equal(many.stderr, one.stderr);
      assert.equal(many.code, one.code);
    }
  } finally {
    ws.cleanup();
  }
});

test('check --jobs: --fix in worker threads writes the same files as one thread', async () => {
  const broken = SAMPLE_TEXT.replaceAll('- [ ]', '-[ ]');
  const files: Record<string, string> = {};
  for (let i = 0; i < 6; i++) files[`a/p${i}-plan.md`] = broken;
  const [a, b] = [workspace(files), workspace(files)];
  try {
    const [one, many] = await Promise.all([
      run(['check', '--jobs', '1', '--fix', 'a'], a.dir),
      run(['check', '--jobs', '3', '--fix', 'a'], b.dir),
    ]);
    assert.match(one.stderr, /fixed \d+ problems in a\/p0-plan\.md/);
    assert.equal(many.stderr, one.stderr);
    assert.equal(many.stdout, one.stdout);
    for (let i = 0; i < 6; i++)
      assert.equal(
        readFileSync(join(b.dir, `a/p${i}-plan.md`), 'utf8'),
        readFileSync(join(a.dir, `a/p${i}-plan.md`), 'utf8'),
      );
    assert.notEqual(readFileSync(join(a.dir, 'a/p0-plan.md'), 'utf8'), broken);
  } finally {
    a.cleanup();
    b.cleanup();
  }
});

test('check --jobs: a bad value is a usage error', async () => {
  const r = await run(['check', '--jobs', 'many', 'plan.md']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--jobs must be a whole number, not "many"/);
});
