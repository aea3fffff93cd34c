// The task graph over the protocol, from the bundled server: `planmark/graph` (what the
// Plan Graph view draws), the Ready / Blocked inlay hints and their code-lens variant.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CodeLens, InlayHint } from 'vscode-languageserver/node';
import type { PlanGraphView } from '../../src/protocol';
import { LspTestClient } from './lspClient';

const ROOT = join(__dirname, '..', '..', '..');
const SPEC_KIT = readFileSync(join(ROOT, 'test-fixtures', 'graph', 'spec-kit.md'), 'utf8');
const uri = 'untitled:tasks-plan.md';

describe('the task graph over LSP', () => {
  let client: LspTestClient;
  let settings: Record<string, unknown> = { debounceMs: 0 };
  before(async () => {
    client = await LspTestClient.start({ pull: false, settings: () => settings });
  });
  after(() => client?.stop());

  test('planmark/graph answers the JSON graph with the title and phases', async () => {
    await client.open(uri, SPEC_KIT);
    const graph = await client.request<PlanGraphView>('planmark/graph', { textDocument: { uri } });
    const expected = JSON.parse(
      readFileSync(join(ROOT, 'test-fixtures', 'graph', 'spec-kit.graph.json'), 'utf8'),
    ) as object;
    const { title, phaseOrder, phases, ...json } = graph;
    assert.deepEqual(json, expected);
    assert.equal(title, 'Tasks: Sign-in');
    assert.equal(phaseOrder, true);
    assert.deepEqual(phases[0], { title: 'Phase 1: Setup', line: 3, tasks: ['T001', 'T002', 'T009'] });
    assert.equal(await client.request('planmark/graph', { textDocument: { uri: 'untitled:not-open.md' } }), null);
  });

  test('inlay hints say Ready or Blocked by on each open task; done tasks get none', async () => {
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } },
    });
    const lines = SPEC_KIT.split('\n');
    const byTask = Object.fromEntries(hints.map((h) => [/T\d{3}/.exec(lines[h.position.line])![0], h.label]));
    assert.deepEqual(byTask, {
      T002: 'Ready',
      T009: 'Ready',
      T003: 'Blocked by Phase 1: Setup (2 open)',
      T004: 'Blocked by T003, Phase 1: Setup (2 open)',
      T005: 'Blocked by Phase 2: Foundational (2 open)',
      T006: 'Blocked by T005, Phase 2: Foundational (2 open)',
      T007: 'Blocked by Phase 2: Foundational (2 open)',
      T008: 'Blocked by 2 phases (3 open)',
    });
    // At the end of the task's line.
    const t002 = hints.find((h) => h.label === 'Ready')!;
    assert.equal(t002.position.character, lines[t002.position.line].length);
  });

  test('taskReadiness codeLens moves them into lenses; off shows neither', async () => {
    settings = { debounceMs: 0, taskReadiness: 'codeLens', codeLens: false };
    const lenses = await lensesAfter(client, settings);
    assert.deepEqual(
      lenses.map((l) => l.command?.title),
      [
        'Ready',
        'Ready',
        'Blocked by Phase 1: Setup (2 open)',
        'Blocked by T003, Phase 1: Setup (2 open)',
        'Blocked by Phase 2: Foundational (2 open)',
        'Blocked by T005, Phase 2: Foundational (2 open)',
        'Blocked by Phase 2: Foundational (2 open)',
        'Blocked by 2 phases (3 open)',
      ],
    );
    assert.deepEqual(await hintsOf(client), []);
    settings = { debounceMs: 0, taskReadiness: 'off', codeLens: false };
    assert.deepEqual(await lensesAfter(client, settings), []);
    assert.deepEqual(await hintsOf(client), []);
  });
});

function hintsOf(client: LspTestClient): Promise<InlayHint[]> {
  return client.request<InlayHint[]>('textDocument/inlayHint', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } },
  });
}

/** Code lenses once the server has taken up new settings: it analyzes the plan again and says so. */
async function lensesAfter(client: LspTestClient, settings: unknown): Promise<CodeLens[]> {
  const from = client.mark();
  await client.changeConfiguration({ planmark: settings });
  await client.outlineChanged(uri, () => true, from);
  return client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
}
