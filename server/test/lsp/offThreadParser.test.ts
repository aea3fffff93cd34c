import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { PieceCache } from '../../src/engine';
import { parseMarkdown } from '../../src/engine/markdown';
import { OffThreadParser, type ParseOutcome } from '../../src/node/offThreadParser';

// The worker behind large parses, as bundled (npm test builds dist/ first).

const WORKER = join(__dirname, '..', '..', '..', 'dist', 'parseWorker.js');
const PLAN =
  '# P - Implementation Plan\n\n## Executive Summary\n\nText with [a link](https://x.y).\n\n## Phase 0: Research\n\n- [ ] one\n';
/** Seconds of parsing: a paragraph of thousands of lines full of links. */
const SLOW = '# S\n\n' + 'See [a link](https://example.com/a) and <https://example.com/b> and [ref][r].\n'.repeat(3000);

describe('OffThreadParser', () => {
  test('parses in the worker and caches the pieces here, so the engine parses nothing', async () => {
    const logged: string[] = [];
    const cache = new PieceCache();
    const parser = new OffThreadParser(WORKER, cache, 30_000, (m) => logged.push(m));
    assert.equal(await parser.parse('a', PLAN), 'parsed');
    const chunks = parseMarkdown(PLAN, cache);
    assert.equal(cache.counters.parsed, 0);
    // The title, two sections and the task item: each a piece.
    assert.deepEqual(
      chunks.map((c) => c.root.children[0].type),
      ['heading', 'heading', 'heading', 'list'],
    );
    assert.deepEqual(logged, []);
    parser.dispose();
  });

  test('a parse past the hard limit is stopped, and the next text gets a fresh worker', async () => {
    const logged: string[] = [];
    const parser = new OffThreadParser(WORKER, new PieceCache(), 200, (m) => logged.push(m));
    assert.equal(await parser.parse('slow', SLOW), 'gave-up');
    assert.match(logged[0], /Parsing slow took longer than 200 ms; the parse was stopped/);
    assert.equal(await parser.parse('a', PLAN), 'parsed');
    parser.dispose();
  });

  test('a queued older version of a document is dropped', async () => {
    const parser = new OffThreadParser(WORKER, new PieceCache(), 30_000, () => undefined, 1);
    const outcomes: Record<string, ParseOutcome> = {};
    const track = (name: string, p: Promise<ParseOutcome>) => p.then((o) => (outcomes[name] = o));
    await Promise.all([
      track('first', parser.parse('a', PLAN + 'v1\n')),
      track('v2', parser.parse('b', PLAN + 'v2\n')),
      track('v3', parser.parse('b', PLAN + 'v3\n')),
    ]);
    assert.deepEqual(outcomes, { first: 'parsed', v2: 'superseded', v3: 'parsed' });
    parser.dispose();
  });

  test('one slow document does not hold up another, and is never parsed twice at once', async () => {
    const parser = new OffThreadParser(WORKER, new PieceCache(), 30_000, () => undefined);
    const order: string[] = [];
    const slow = parser.parse('slow', SLOW).then((o) => order.push(`slow ${o}`));
    const again = parser.parse('slow', SLOW + 'edited\n').then((o) => order.push(`slow again ${o}`));
    await parser.parse('other', PLAN).then((o) => order.push(`other ${o}`));
    await Promise.all([slow, again]);
    assert.deepEqual(order, ['other parsed', 'slow parsed', 'slow again parsed']);
    parser.dispose();
  });

  test('a worker that cannot start fails the parse, with a message', async () => {
    const logged: string[] = [];
    const parser = new OffThreadParser(join(__dirname, 'no-such-worker.js'), new PieceCache(), 30_000, (m) =>
      logged.push(m),
    );
    assert.equal(await parser.parse('a', PLAN), 'failed');
    assert.match(logged.join('\n'), /The parse worker failed: Cannot find module/);
    parser.dispose();
  });
});
