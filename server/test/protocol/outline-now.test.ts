// After the client edits the plan itself (a tick in the Plan view), it asks for the
// outline with `now`: the server analyzes at once instead of after its debounce delay.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { LspTestClient, fileUri } from './lspClient';
import { SMALL_PLAN, tempWorkspace } from './fixtures';

test('outline with now: a pending analysis runs at once, not after the debounce', async () => {
  const ws = tempWorkspace();
  // A debounce far longer than the request's timeout: only `now` can answer in time.
  const client = await LspTestClient.start({
    pull: false,
    folders: [ws.path],
    settings: () => ({ debounceMs: 10_000 }),
  });
  try {
    const uri = fileUri(join(ws.path, 'plan.md'));
    await client.open(uri, SMALL_PLAN);
    const before = await client.outline(uri);
    assert.equal(before?.done, 1);
    // Tick the open task: `- [ ] **Task**` on line 7 (0-based 6), character 3.
    await client.change(uri, 2, [
      { range: { start: { line: 6, character: 3 }, end: { line: 6, character: 4 } }, text: 'x' },
    ]);
    const after = await client.outline(uri, { now: true, timeoutMs: 3000 });
    assert.equal(after?.done, 2);
    await assert.rejects(
      (async () => {
        await client.change(uri, 3, [
          { range: { start: { line: 6, character: 3 }, end: { line: 6, character: 4 } }, text: ' ' },
        ]);
        return client.outline(uri, { timeoutMs: 1000 });
      })(),
      /Timed out/,
      'without now the request waits for the debounce',
    );
  } finally {
    await client.stop();
    ws.dispose();
  }
});
