import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { SMALL_PLAN } from './fixtures';
import { LspTestClient } from './lspClient';

// A push client (Neovim) must never end with diagnostics older than its text. A large
// change goes to the parse worker; an edit back to text already parsed is analyzed at
// once and published; the older run, finishing later, must not publish over it.

const LINE = 'See [a link](https://example.com/a) and <https://example.com/b> and [ref][r] words.\n';
/** Seconds of parsing in the worker. */
const SLOW_TAIL = '\n## Notes\n\n' + LINE.repeat(3000);

describe('publishing order', () => {
  let client: LspTestClient;
  before(async () => {
    // A long debounce: runs start only when the test asks (an outline request with `now`).
    client = await LspTestClient.start({
      pull: false,
      settings: () => ({ debounceMs: 60_000, parseTimeoutMs: 60_000 }),
    });
  });
  after(() => client?.stop());

  test('a run that finishes after a newer version was published is dropped', async () => {
    const uri = 'untitled:order-plan.md';
    await client.open(uri, SMALL_PLAN);
    await client.diagnostics(uri, (p) => p.version === 1);
    const end = SMALL_PLAN.split('\n').length - 1;
    const at = { line: end, character: 0 };
    // Version 2: a large text the worker takes seconds to parse. Its run starts now.
    await client.change(uri, 2, [{ range: { start: at, end: at }, text: SLOW_TAIL }]);
    const slowRun = client.outline(uri, { now: true, timeoutMs: 120_000 });
    // Version 3: back to the text of version 1, whose pieces are cached: analyzed and published at once.
    const slowEnd = { line: end + SLOW_TAIL.split('\n').length - 1, character: 0 };
    await client.change(uri, 3, [{ range: { start: at, end: slowEnd }, text: '' }]);
    assert.ok(await client.outline(uri, { now: true }));
    await client.diagnostics(uri, (p) => p.version === 3);
    // Version 2's run ends (what it publishes goes out before its answer).
    await slowRun;
    const published = client
      .all<PublishDiagnosticsParams>('textDocument/publishDiagnostics')
      .filter((p) => p.uri === uri)
      .map((p) => p.version);
    assert.deepEqual(published, [1, 3]);
  });
});
