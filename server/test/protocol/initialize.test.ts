import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TextDocumentSyncKind, type TextDocumentSyncOptions } from 'vscode-languageserver/node';
import { LspTestClient } from './lspClient';

describe('initialize', () => {
  let pull: LspTestClient;
  let push: LspTestClient;
  before(async () => {
    [pull, push] = await Promise.all([LspTestClient.start({ pull: true }), LspTestClient.start({ pull: false })]);
  });
  after(() => Promise.all([pull?.stop(), push?.stop()]));

  test('advertises incremental sync and pull diagnostics to a client that can pull', () => {
    const { capabilities, serverInfo } = pull.initializeResult;
    const sync = capabilities.textDocumentSync as TextDocumentSyncOptions;
    assert.equal(sync.openClose, true);
    assert.equal(sync.change, TextDocumentSyncKind.Incremental);
    assert.deepEqual(capabilities.diagnosticProvider, { interFileDependencies: false, workspaceDiagnostics: true });
    assert.equal(serverInfo?.name, 'planmark');
  });

  test('offers no diagnostic provider to a push-only client', () => {
    const { capabilities } = push.initializeResult;
    assert.equal((capabilities.textDocumentSync as TextDocumentSyncOptions).change, TextDocumentSyncKind.Incremental);
    assert.equal(capabilities.diagnosticProvider, undefined);
  });

  test('also speaks node IPC, as when VS Code starts it', async () => {
    const ipc = await LspTestClient.start({ pull: true, transport: 'ipc' });
    try {
      await ipc.open('untitled:ipc-plan.md', '# IPC - Implementation Plan\n\n**Status**: Planning\n');
      const report = await ipc.pull('untitled:ipc-plan.md');
      assert.ok(report.kind === 'full' && report.items.length > 0);
    } finally {
      await ipc.stop();
    }
  });
});
