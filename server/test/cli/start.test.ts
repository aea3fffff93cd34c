import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { deriveTemplate } from '../../src/engine';
import { decodeSchema, encodeSchema } from '../../src/node/builtinSchema';
import { ROOT, run, sampleWith, workspace } from './helpers';

// Fast start: the built-in template's schema is derived at build time and
// decoded at start, and the bin loads the CLI through a V8 code cache. Neither
// may change what planmark reports.

test('the prebuilt schema decodes to exactly what deriving the template gives', () => {
  const text = readFileSync(join(ROOT, 'server/templates/implementation-plan.md'), 'utf8');
  const derived = deriveTemplate(text);
  const decoded = decodeSchema(encodeSchema(derived));
  assert.deepStrictEqual(decoded, derived);
  assert.ok(decoded.placeholders instanceof Set && decoded.placeholders.has('[FEATURE_NAME]'));
  assert.equal(decoded.model.sections[0].children[0]?.parent, decoded.model.sections[0], 'cycles survive');
});

test('the bundle embeds the built-in template it was built with', () => {
  const bundle = readFileSync(join(ROOT, 'dist/planmark.js'), 'utf8');
  assert.doesNotMatch(bundle, /__PLANMARK_BUILTIN_(TEMPLATE|SCHEMA)__/, 'both constants were replaced at build time');
});

test('bin: the code cache is written after a check, reused, and a damaged one is replaced', async () => {
  const cache = workspace({});
  const plan = workspace({ 'plan.md': sampleWith('## Success Metrics', '## Metrics of Success') });
  try {
    const env = { XDG_CACHE_HOME: cache.dir, PLANMARK_NO_COMPILE_CACHE: '' };
    const plain = await run(['check', 'plan.md'], plan.dir, { PLANMARK_NO_COMPILE_CACHE: '1' });
    assert.equal(plain.code, 1);
    assert.equal((await run(['--version'], plan.dir, env)).code, 0);
    assert.deepEqual(readdirSync(cache.dir), [], '--version runs too little to be worth a cache');

    const first = await run(['check', 'plan.md'], plan.dir, env);
    const files = readdirSync(join(cache.dir, 'planmark'));
    assert.equal(files.length, 1);
    assert.match(files[0], /^planmark-v\d+.*\.v8cache$/);
    const written = statSync(join(cache.dir, 'planmark', files[0]));
    const second = await run(['check', 'plan.md'], plan.dir, env);
    // Accepted, so not written again: V8 rejects a cache written under other flags (the
    // check turns TurboFan off for short runs), which would cost a compile at every start.
    const reused = statSync(join(cache.dir, 'planmark', files[0]));
    assert.deepEqual([reused.ino, reused.mtimeMs], [written.ino, written.mtimeMs], 'the second run used the cache');

    writeFileSync(join(cache.dir, 'planmark', files[0]), 'not a code cache');
    const damaged = await run(['check', 'plan.md'], plan.dir, env);
    assert.notEqual(readFileSync(join(cache.dir, 'planmark', files[0]), 'utf8'), 'not a code cache');
    for (const r of [first, second, damaged]) assert.deepEqual(r, plain);
  } finally {
    cache.cleanup();
    plan.cleanup();
  }
});

test("bin: writing a build's code cache removes other builds' caches not written for two weeks", async () => {
  const cache = workspace({});
  const plan = workspace({ 'plan.md': sampleWith('## Success Metrics', '## Metrics of Success') });
  try {
    const folder = join(cache.dir, 'planmark');
    mkdirSync(folder, { recursive: true });
    const old = join(folder, 'planmark-v20.0.0-x64-1-1.v8cache');
    const recent = join(folder, 'planmark-v20.0.0-x64-2-2.v8cache');
    const other = join(folder, 'notes.txt');
    for (const f of [old, recent, other]) writeFileSync(f, 'x');
    const month = (Date.now() - 30 * 24 * 60 * 60 * 1000) / 1000;
    utimesSync(old, month, month);
    utimesSync(other, month, month);
    await run(['check', 'plan.md'], plan.dir, { XDG_CACHE_HOME: cache.dir, PLANMARK_NO_COMPILE_CACHE: '' });
    const left = readdirSync(folder);
    assert.ok(!left.includes(basename(old)), left.join(', '));
    assert.ok(left.includes(basename(recent)) && left.includes(basename(other)), left.join(', '));
    assert.equal(left.filter((f) => f.endsWith('.v8cache')).length, 2, 'this build wrote its own');
  } finally {
    cache.cleanup();
    plan.cleanup();
  }
});
