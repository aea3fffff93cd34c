import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { NOT_A_PLAN, SMALL_PLAN } from './fixtures';
import { LspTestClient } from './lspClient';

describe('planmark/outline and planmark/outlineChanged', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start({ pull: false });
  });
  after(() => client?.stop());

  test('each analysis of a plan sends its outline, which the request returns from the cache', async () => {
    const uri = 'untitled:outline-plan';
    await client.open(uri, SMALL_PLAN);
    const notified = await client.outlineChanged(uri, (p) => p.version === 1);
    assert.equal(notified.outline?.title, 'Login - Implementation Plan');
    assert.deepEqual(
      {
        done: notified.outline?.done,
        total: notified.outline?.total,
        percent: notified.outline?.percent,
        estimateHours: notified.outline?.estimateHours,
      },
      { done: 1, total: 2, percent: 50, estimateHours: 2 },
    );
    const [section] = notified.outline.sections;
    assert.equal(section.title, 'Phase 1: Build');
    assert.deepEqual(section.tasks[0].checkboxRange, {
      start: { line: 6, character: 2 },
      end: { line: 6, character: 5 },
    });
    assert.deepEqual(await client.outline(uri), notified.outline);

    // Tick the open task.
    await client.change(uri, 2, [
      { range: { start: { line: 6, character: 3 }, end: { line: 6, character: 4 } }, text: 'x' },
    ]);
    const ticked = await client.outlineChanged(uri, (p) => p.version === 2);
    assert.equal(ticked.outline?.percent, 100);
    assert.deepEqual(await client.outline(uri), ticked.outline);
  });

  test('a document that stops being a plan gets a null outline', async () => {
    const uri = 'untitled:renamed';
    await client.open(uri, SMALL_PLAN);
    await client.outlineChanged(uri, (p) => p.version === 1);
    const lines = SMALL_PLAN.split('\n').length;
    await client.change(uri, 2, [
      { range: { start: { line: 0, character: 0 }, end: { line: lines, character: 0 } }, text: NOT_A_PLAN },
    ]);
    assert.deepEqual(await client.outlineChanged(uri, (p) => p.version === 2), { uri, version: 2, outline: null });
    assert.equal(await client.outline(uri), null);
  });

  test('a document that is not open has no outline', async () => {
    assert.equal(await client.outline('file:///nowhere/plan.md'), null);
  });
});
