import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { SMALL_PLAN } from './fixtures';
import { LspTestClient } from './lspClient';

// micromark takes seconds on a paragraph of thousands of lines full of links. The server
// parses such a text in a worker thread: it keeps answering for other documents, shows a
// notice on the slow one when parseTimeoutMs has passed, and its findings when parsing ends.

const LINE = 'See [a link](https://example.com/a) and <https://example.com/b> and [ref][r] words.\n';
/** About 2 s of parsing on the CI machine; the timeout below is 100 ms. */
const SLOW_PLAN = '# Slow - Implementation Plan\n\n**Status**: Planning\n\n## Notes\n\n' + LINE.repeat(3000);

/** Waits are long: they wait for events (a worker's start and parse on a busy machine), they time nothing. */
const PARSED_MS = 120_000;

const isNotice = (p: PublishDiagnosticsParams) =>
  p.diagnostics.length === 1 && p.diagnostics[0].code === 'validation-skipped';

describe('a slow parse', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start({ pull: false, settings: () => ({ debounceMs: 0, parseTimeoutMs: 100 }) });
  });
  after(() => client?.stop());

  test('does not hold up other documents; a notice comes first, the findings when parsing ends', async () => {
    const slow = 'untitled:slow-plan.md';
    const normal = 'untitled:normal-plan.md';
    const from = client.mark();
    await client.open(slow, SLOW_PLAN);
    await client.open(normal, SMALL_PLAN);

    const diagnostics = (accept: (p: PublishDiagnosticsParams) => boolean, since: number) =>
      client.waitFor<PublishDiagnosticsParams>(
        'textDocument/publishDiagnostics',
        (p) => p.uri === slow && accept(p),
        since,
        PARSED_MS,
      );
    const notice = await diagnostics(isNotice, from);
    assert.match(
      notice.diagnostics[0].message,
      /parsing it takes longer than 100 ms \(the parseTimeoutMs setting\) — the longest stretch without a heading or list item is lines 5–3,006; the findings follow when parsing ends/,
    );
    assert.ok((await client.diagnostics(normal, () => true, from)).diagnostics.length > 0);
    const outline = await client.outline(normal, { now: true });
    assert.ok(outline && outline.total > 0);
    // Both answered while the slow text was still being parsed.
    const slowSoFar = client
      .all<PublishDiagnosticsParams>('textDocument/publishDiagnostics')
      .filter((p) => p.uri === slow);
    assert.ok(slowSoFar.every(isNotice), 'the slow plan has only its notice so far');

    const findings = await diagnostics((p) => !isNotice(p), from);
    assert.equal(findings.version, 1);
    assert.ok(findings.diagnostics.some((d) => d.code === 'missing-section'));

    // The pieces are cached now: an edit outside the long section is analyzed at once, on the main thread.
    const edited = client.mark();
    await client.change(slow, 2, [
      { range: { start: { line: 0, character: 2 }, end: { line: 0, character: 6 } }, text: 'Fast' },
    ]);
    const again = await client.diagnostics(slow, (p) => p.version === 2, edited);
    assert.ok(!isNotice(again) && again.diagnostics.some((d) => d.code === 'missing-section'));
  });
});
