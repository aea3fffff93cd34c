import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, mock, test } from 'node:test';
import { Analyses, type AnalyzedDocument, type DocumentResult } from '../../src/lsp/analyses';

// The per-document cache and debounce, with fake timers and a fake analyzer.

describe('Analyses', () => {
  let versions: Map<string, number>;
  let calls: string[];
  let published: DocumentResult[];
  let analyses: Analyses;

  afterEach(() => mock.timers.reset());
  beforeEach(() => {
    mock.timers.enable({ apis: ['setTimeout'] });
    versions = new Map([['a', 1]]);
    calls = [];
    published = [];
    analyses = new Analyses({
      analyze: async (uri): Promise<AnalyzedDocument | undefined> => {
        const version = versions.get(uri);
        calls.push(`${uri}@${version}`);
        return version === undefined ? undefined : { uri, version };
      },
      version: (uri) => versions.get(uri),
      analyzed: (result) => published.push(result),
    });
  });

  test('debounces changes: only the last version is analysed, once', async () => {
    analyses.schedule('a', 250);
    mock.timers.tick(200);
    versions.set('a', 2);
    analyses.schedule('a', 250);
    mock.timers.tick(200);
    assert.deepEqual(calls, []);
    const waiting = analyses.get('a');
    mock.timers.tick(50);
    assert.equal((await waiting)?.version, 2);
    assert.deepEqual(calls, ['a@2']);
    assert.deepEqual(
      published.map((r) => r.version),
      [2],
    );
  });

  test('a version is analysed once, however often it is asked for', async () => {
    const [first, second] = await Promise.all([analyses.get('a'), analyses.get('a')]);
    assert.equal(first, second);
    assert.equal(await analyses.get('a'), first);
    assert.deepEqual(calls, ['a@1']);
  });

  test('invalidation re-analyses open documents with a new result id', async () => {
    const first = await analyses.get('a');
    analyses.invalidate(['a']);
    mock.timers.tick(0);
    const second = await analyses.get('a');
    assert.deepEqual(calls, ['a@1', 'a@1']);
    assert.notEqual(second?.resultId, first?.resultId);
  });

  test('asked for now while an older version is analysed, the new version skips its delay too', async () => {
    let finish!: () => void;
    const blocked = new Promise<void>((resolve) => (finish = resolve));
    const slow = new Analyses({
      analyze: async (uri) => {
        const version = versions.get(uri)!;
        calls.push(`${uri}@${version}`);
        if (version === 1) await blocked;
        return { uri, version };
      },
      version: (uri) => versions.get(uri),
      analyzed: () => undefined,
    });
    const first = slow.get('a');
    const now = slow.get('a', true);
    versions.set('a', 2);
    slow.schedule('a', 250);
    finish();
    assert.equal((await first)?.version, 1);
    // No timer is ticked, so only a run that skips the delay can answer.
    const answer = await Promise.race([now, new Promise((resolve) => setImmediate(resolve, 'still waiting'))]);
    assert.equal((answer as DocumentResult | undefined)?.version, 2);
    assert.deepEqual(calls, ['a@1', 'a@2']);
  });

  test('closing answers waiters with nothing and forgets the result', async () => {
    await analyses.get('a');
    versions.set('a', 2);
    analyses.schedule('a', 250);
    const waiting = analyses.get('a');
    versions.delete('a');
    analyses.forget('a');
    assert.equal(await waiting, undefined);
    assert.equal(await analyses.get('a'), undefined);
  });
});
