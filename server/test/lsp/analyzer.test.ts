import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PieceCache } from '../../src/engine';
import type { ParseOutcome } from '../../src/node/offThreadParser';
import { createAnalyzer, type Logger, type OffThread } from '../../src/lsp/analyzer';
import { Workspace } from '../../src/lsp/workspace';

// Any exception on the way to the engine becomes a failure, logged, never a crash.

function setup(fetchSettings: () => Promise<unknown>, getText: () => string) {
  const errors: string[] = [];
  const logger: Logger = { error: (m) => errors.push(m), info: () => {} };
  const workspace = new Workspace({ fetchSettings, loaded: () => {} });
  const documents = { get: () => ({ version: 3, getText }) };
  return { analyze: createAnalyzer(documents, workspace, logger, new PieceCache()), errors };
}

describe('createAnalyzer', () => {
  test('a plan is analysed with its folder settings', async () => {
    const { analyze, errors } = setup(
      async () => ({}),
      () => '# X - Implementation Plan\n\n**Feature**: X\n**Status**: Planning\n',
    );
    const result = await analyze('untitled:x');
    assert.equal(result?.version, 3);
    assert.ok(result?.analysis && result.analysis.findings.length > 0);
    assert.equal(result.analysis.profile?.id, 'reference');
    assert.deepEqual(errors, []);
  });

  test('a document that is not a plan gets no analysis', async () => {
    const { analyze } = setup(
      async () => ({}),
      () => '# Notes\n',
    );
    assert.deepEqual(await analyze('untitled:notes'), { uri: 'untitled:notes', version: 3 });
  });

  test('a failure loading settings or reading the document is logged and reported as a failure', async () => {
    for (const { analyze, errors } of [
      setup(
        () => Promise.reject(new Error('settings exploded')),
        () => '',
      ),
      setup(
        async () => ({}),
        () => {
          throw new Error('text exploded');
        },
      ),
    ]) {
      const result = await analyze('untitled:x');
      assert.match(result?.failure ?? '', /exploded/);
      assert.equal(result?.analysis, undefined);
      assert.equal(errors.length, 1);
      assert.match(errors[0], /Validating untitled:x failed: Error: \w+ exploded/);
    }
  });

  describe('large texts, parsed off the main thread', () => {
    const BIG = '# Big - Implementation Plan\n\n## Notes\n\n' + 'A line of text.\n'.repeat(2000);

    function offThreadSetup(settings: object, cache = new PieceCache(), text = () => BIG) {
      const asked: string[] = [];
      const late: string[] = [];
      let answer!: (outcome: ParseOutcome) => void;
      const offThread: OffThread = {
        parser: {
          parse: (key) => (asked.push(key), new Promise((resolve) => (answer = resolve))),
          whenReady: () => Promise.resolve(),
        },
        parsedLate: (uri) => late.push(uri),
      };
      const logger: Logger = { error: () => {}, info: () => {} };
      const workspace = new Workspace({ fetchSettings: async () => settings, loaded: () => {} });
      const documents = { get: () => ({ version: 1, getText: text }) };
      return {
        analyze: createAnalyzer(documents, workspace, logger, cache, offThread),
        asked,
        late,
        answer: (o: ParseOutcome) => answer(o),
      };
    }

    test('past parseTimeoutMs: a notice naming the long stretch, then a new analysis when parsing ends', async () => {
      const { analyze, asked, late, answer } = offThreadSetup({ parseTimeoutMs: 20 });
      const result = await analyze('untitled:big-plan.md');
      assert.deepEqual(asked, ['untitled:big-plan.md']);
      assert.match(
        result?.analysis?.skipped ?? '',
        /^parsing it takes longer than 20 ms \(the parseTimeoutMs setting\) — the longest stretch without a heading or list item is lines 3–2,004; the findings follow when parsing ends$/,
      );
      assert.deepEqual(late, []);
      answer('parsed');
      await new Promise(setImmediate);
      assert.deepEqual(late, ['untitled:big-plan.md']);
    });

    test('a stopped parse is not tried again for the same text', async () => {
      const { analyze, asked, answer } = offThreadSetup({ parseTimeoutMs: 1000 });
      const first = analyze('untitled:big-plan.md');
      await new Promise(setImmediate);
      answer('gave-up');
      assert.match(
        (await first)?.analysis?.skipped ?? '',
        /^parsing it took so long that planmark stopped \(the longest stretch without a heading or list item is lines 3–2,004\); it tries again after the next change$/,
      );
      assert.match((await analyze('untitled:big-plan.md'))?.analysis?.skipped ?? '', /planmark stopped/);
      assert.equal(asked.length, 1);
    });

    test('small or already parsed texts, and parseTimeoutMs 0, stay on the main thread', async () => {
      const cache = new PieceCache();
      const { analyze, asked } = offThreadSetup({ parseTimeoutMs: 0 }, cache);
      assert.ok((await analyze('untitled:big-plan.md'))?.analysis?.model);
      const again = offThreadSetup({ parseTimeoutMs: 750 }, cache);
      assert.ok((await again.analyze('untitled:big-plan.md'))?.analysis?.model, 'the pieces are cached');
      assert.deepEqual([...asked, ...again.asked], []);
    });

    test('typing `<!--` at the top of a large parsed plan sends the parse to the worker, not the main thread', async () => {
      const sections = Array.from({ length: 1000 }, (_, i) => `## Section ${i}\n\nText ${i}.\n\n- [ ] task ${i}\n`);
      const plan = '# Big - Implementation Plan\n\n' + sections.join('\n');
      let text = plan;
      const cache = new PieceCache();
      const { analyze, asked } = offThreadSetup({ parseTimeoutMs: 20 }, cache, () => text);
      // Opened and parsed (in the worker or here: the test's fake worker answers nothing, so here).
      assert.ok(
        (await offThreadSetup({ parseTimeoutMs: 0 }, cache, () => text).analyze('untitled:big-plan.md'))?.analysis
          ?.model,
      );
      text = '<!--\n' + plan;
      const before = cache.counters.chars;
      const result = await analyze('untitled:big-plan.md');
      assert.deepEqual(asked, ['untitled:big-plan.md'], 'the worker parses it');
      assert.match(result?.analysis?.skipped ?? '', /takes longer than 20 ms/);
      assert.ok(cache.counters.chars - before <= 16 * 1024, `${cache.counters.chars - before} characters parsed here`);
    });
  });
});
