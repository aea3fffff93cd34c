import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CONFIG } from '../../src/engine';
import { CheckCache } from '../../src/cli/cache';
import type { Job } from '../../src/cli/checkFile';
import { MARK, SAMPLE_TEXT, markCache, run, sampleWith, workspace } from './helpers';

// `--cache`: unchanged files are not checked again, and what is printed is the
// same with and without the cache. A result is reused only while the file's
// content, the configuration, the template and the planmark version match.

const ERROR_PLAN = sampleWith('## Success Metrics', '## Metrics of Success');

test('check --cache: cached output equals uncached output, in every format', async () => {
  const ws = workspace({ 'a/plan.md': ERROR_PLAN, 'b/plan.md': SAMPLE_TEXT, 'c/plan.md': '\uFEFF' + ERROR_PLAN });
  try {
    for (const format of ['text', 'json', 'sarif']) {
      const plain = await run(['check', '--format', format, '.'], ws.dir);
      const first = await run(['check', '--cache', '--format', format, '.'], ws.dir);
      const second = await run(['check', '--cache', '--format', format, '.'], ws.dir);
      assert.ok(existsSync(join(ws.dir, '.planmarkcache')));
      for (const r of [first, second]) {
        assert.equal(r.stdout, plain.stdout, format);
        assert.equal(r.stderr, plain.stderr);
        assert.equal(r.code, plain.code);
      }
    }
  } finally {
    ws.cleanup();
  }
});

test('check --cache: a result is reused until content, configuration, template or profile inputs change', async () => {
  const template = readFileSync(join(__dirname, '../../templates/implementation-plan.md'), 'utf8');
  const ws = workspace({ 'plan.md': ERROR_PLAN, 'other-plan.md': ERROR_PLAN, 'template.md': template });
  const cacheFile = join(ws.dir, 'cache', '.planmarkcache');
  const check = (...extra: string[]) =>
    run(['check', '--cache-location', 'cache/', ...extra, 'plan.md', 'other-plan.md'], ws.dir);
  try {
    await check();
    markCache(cacheFile);
    assert.equal((await check()).stdout.split(MARK).length - 1, 2, 'both files came from the cache');

    writeFileSync(join(ws.dir, 'plan.md'), ERROR_PLAN + '\nOne more line.\n');
    const edited = await check();
    assert.doesNotMatch(edited.stdout, new RegExp(`^plan\\.md:.*${MARK}`, 'm'), 'the edited file is checked');
    assert.match(edited.stdout, new RegExp(`^other-plan\\.md:.*${MARK}`, 'm'), 'the other one is not');

    markCache(cacheFile);
    writeFileSync(join(ws.dir, '.planmarkrc.json'), JSON.stringify({ rules: { 'missing-section': 'warning' } }));
    const configured = await check();
    assert.doesNotMatch(configured.stdout, new RegExp(MARK), 'a configuration change invalidates every result');
    assert.match(configured.stdout, /warning missing-section/);

    markCache(cacheFile);
    writeFileSync(join(ws.dir, 'template.md'), template.replace('## Success Metrics', '## Metrics of Success'));
    const templated = await check('--template', 'template.md');
    assert.doesNotMatch(templated.stdout, new RegExp(MARK), 'another template text invalidates every result');
    assert.doesNotMatch(templated.stdout, /missing-section/);

    markCache(cacheFile);
    writeFileSync(join(ws.dir, 'spec.md'), '# Spec\n\n## User Stories\n');
    const profiled = await check('--template', 'template.md');
    assert.doesNotMatch(
      profiled.stdout,
      new RegExp(MARK),
      'a file profiles read (spec.md beside the plan) is in the key',
    );
  } finally {
    ws.cleanup();
  }
});

test('check --cache: --fix does not trust a cached result that has fixes to apply', async () => {
  const broken = SAMPLE_TEXT.replace('- [ ]', '-[ ]');
  const ws = workspace({ 'plan.md': broken });
  try {
    const first = await run(['check', '--cache', 'plan.md'], ws.dir);
    assert.match(first.stdout, /malformed-checkbox/);
    const fixed = await run(['check', '--cache', '--fix', 'plan.md'], ws.dir);
    assert.match(fixed.stderr, /fixed 1 problem in plan\.md/);
    assert.doesNotMatch(fixed.stdout, /malformed-checkbox/);
    assert.equal(readFileSync(join(ws.dir, 'plan.md'), 'utf8'), SAMPLE_TEXT);
    const again = await run(['check', '--cache', 'plan.md'], ws.dir);
    assert.equal(again.stdout, fixed.stdout);
  } finally {
    ws.cleanup();
  }
});

test('check --cache: a damaged cache file is replaced, with a warning', async () => {
  const ws = workspace({ 'plan.md': ERROR_PLAN, '.planmarkcache': '{ not json' });
  try {
    const r = await run(['check', '--cache', 'plan.md'], ws.dir);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /warning: the cache .*\.planmarkcache is not a planmark cache; checking every file/);
    assert.match(r.stdout, /missing-section/);
    assert.equal((JSON.parse(readFileSync(join(ws.dir, '.planmarkcache'), 'utf8')) as { format: number }).format, 2);
  } finally {
    ws.cleanup();
  }
});

test('CheckCache: another planmark version does not reuse a result', () => {
  const ws = workspace({});
  try {
    const file = join(ws.dir, '.planmarkcache');
    const job: Job = {
      target: { file: 'plan.md', path: join(ws.dir, 'plan.md') },
      text: SAMPLE_TEXT,
      bom: false,
      settings: { config: DEFAULT_CONFIG, templateText: 'template' },
      profile: {},
      fix: false,
    };
    const analysis = {
      findings: [],
      outline: { done: 1, total: 2, inProgress: 0, optionalDone: 0, optionalTotal: 0 },
      fixable: false,
    };
    const old = CheckCache.load(file, '1.0.0').cache;
    old.set(job, analysis);
    old.save();
    assert.deepEqual(CheckCache.load(file, '1.0.0').cache.get(job)?.analysis, analysis);
    assert.equal(CheckCache.load(file, '1.1.0').cache.get(job), undefined);
    assert.equal(CheckCache.load(file, '1.0.0').cache.get({ ...job, bom: true }), undefined, 'a BOM is content');
  } finally {
    ws.cleanup();
  }
});
