import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver/node';
import type { Analysis } from '../../src/engine';
import type { DocumentResult } from '../../src/lsp/analyses';
import { ConfigProblems } from '../../src/lsp/configProblems';
import { trackDocuments, type DocumentEvents } from '../../src/lsp/documentLifecycle';
import { FileWatching } from '../../src/lsp/fileWatching';
import { Publisher } from '../../src/lsp/publishing';
import { documentReport, workspaceReport } from '../../src/lsp/pullDiagnostics';
import { Session } from '../../src/lsp/session';

// The parts startServer composes, each on its own with fakes: what `initialize`
// leaves in the session, reporting settings problems once, what is published
// after an analysis, when documents are analyzed, the pull handlers' answers.

const NO_ANALYSIS = {} as Analysis;
const plan = (outline: unknown, findings: unknown[] = []) => ({ ...NO_ANALYSIS, outline, findings }) as Analysis;

describe('Session', () => {
  test('reads capabilities, trust and folders from initialize; pull clients get workspace diagnostics', () => {
    const session = new Session();
    const result = session.initialize({
      processId: null,
      rootUri: null,
      workspaceFolders: [{ uri: 'file:///a', name: 'a' }],
      capabilities: { textDocument: { diagnostic: {} }, workspace: { diagnostics: { refreshSupport: true } } },
      initializationOptions: { workspaceTrusted: false },
    });
    assert.equal(session.restricted, true);
    assert.deepEqual(session.folders, ['file:///a']);
    assert.equal(session.refreshesDiagnostics, true);
    assert.deepEqual(result.capabilities.diagnosticProvider, {
      interFileDependencies: false,
      workspaceDiagnostics: true,
    });
    assert.deepEqual(session.changeFolders([{ uri: 'file:///b' }], [{ uri: 'file:///a' }]), ['file:///b']);
  });

  test('a client without workspace/configuration gets the pushed settings; no rootUri, no folders', async () => {
    const session = new Session();
    const result = session.initialize({ processId: null, rootUri: null, capabilities: {} });
    assert.equal(session.restricted, false);
    assert.deepEqual(session.folders, []);
    assert.equal(result.capabilities.diagnosticProvider, undefined);
    session.pushedSettings = { debounceMs: 5 };
    const never = { workspace: { getConfiguration: () => assert.fail('not asked') } } as never;
    assert.deepEqual(await session.settings(never, { error: () => assert.fail() }), { debounceMs: 5 });
  });
});

describe('ConfigProblems', () => {
  test('reports a folder’s problems once, again only when they change', () => {
    const shown: string[] = [];
    const problems = new ConfigProblems({ warn: () => undefined, show: (m) => shown.push(m) });
    const folder = { uri: 'file:///ws', path: '/ws' };
    problems.report(folder, [{ message: 'no-such-rule' } as never]);
    problems.report(folder, [{ message: 'no-such-rule' } as never]);
    problems.report(folder, []);
    problems.report(undefined, [{ message: 'bad' } as never]);
    assert.deepEqual(shown, ['planmark settings (/ws): no-such-rule', 'planmark settings: bad']);
  });
});

describe('Publisher', () => {
  const result = (uri: string, version: number, analysis?: Analysis): DocumentResult => ({
    uri,
    version,
    analysis,
    resultId: String(version),
  });

  test('push client: diagnostics then outline; a document that stops being a plan is told once; closing clears', () => {
    const sent: string[] = [];
    const publisher = new Publisher(
      {
        diagnostics: (uri, version, d: Diagnostic[]) => sent.push(`diagnostics ${uri}@${version} ${d.length}`),
        outline: (uri, version, outline) => sent.push(`outline ${uri}@${version} ${outline ? 'plan' : 'null'}`),
      },
      () => true,
    );
    publisher.publish(result('a', 1, plan({ sections: [] }, [{ range: {}, severity: 'warning' }])));
    publisher.publish(result('a', 2));
    publisher.publish(result('a', 3));
    publisher.publish(result('b', 1, plan({ sections: [] })));
    publisher.closed('b');
    publisher.closed('a');
    assert.deepEqual(sent, [
      'diagnostics a@1 1',
      'outline a@1 plan',
      'diagnostics a@2 0',
      'outline a@2 null',
      'diagnostics b@1 0',
      'outline b@1 plan',
      'diagnostics b@undefined 0',
    ]);
  });

  test('pull client: only outlines', () => {
    const sent: string[] = [];
    const publisher = new Publisher(
      { diagnostics: () => sent.push('diagnostics'), outline: () => sent.push('outline') },
      () => false,
    );
    publisher.publish(result('a', 1, plan({ sections: [] })));
    publisher.closed('a');
    assert.deepEqual(sent, ['outline']);
  });
});

describe('trackDocuments', () => {
  test('opening analyzes at once, typing after the debounce (and is noted as an edit), closing forgets', () => {
    const listeners: Record<string, (e: { document: { uri: string } }) => void> = {};
    const events: DocumentEvents = {
      onDidOpen: (l) => (listeners.open = l),
      onDidChangeContent: (l) => (listeners.change = l),
      onDidClose: (l) => (listeners.close = l),
    };
    const calls: string[] = [];
    trackDocuments(events, {
      analyses: {
        schedule: (uri, ms) => calls.push(`schedule ${uri} ${ms}`),
        forget: (uri) => calls.push(`forget ${uri}`),
      },
      debounceMs: () => 250,
      edited: (uri) => calls.push(`edited ${uri}`),
      closed: (uri) => calls.push(`closed ${uri}`),
    });
    const doc = { document: { uri: 'a' } };
    listeners.open(doc);
    listeners.change(doc);
    listeners.change(doc);
    listeners.close(doc);
    assert.deepEqual(calls, ['schedule a 0', 'edited a', 'schedule a 250', 'forget a', 'closed a']);
  });
});

describe('pull diagnostics', () => {
  const log = (errors: string[]) => ({ error: (m: string) => errors.push(m) });

  test('full, unchanged, empty for a closed document, one failure diagnostic when analysis throws', async () => {
    const errors: string[] = [];
    const found = { uri: 'a', version: 1, resultId: '7', analysis: plan(null, []) } as DocumentResult;
    assert.deepEqual(await documentReport({ get: async () => found }, 'a', undefined, log(errors)), {
      kind: 'full',
      resultId: '7',
      items: [],
    });
    assert.deepEqual(await documentReport({ get: async () => found }, 'a', '7', log(errors)), {
      kind: 'unchanged',
      resultId: '7',
    });
    assert.deepEqual(await documentReport({ get: async () => undefined }, 'a', '7', log(errors)), {
      kind: 'full',
      items: [],
    });
    const failed = await documentReport({ get: () => Promise.reject(new Error('boom')) }, 'a', undefined, log(errors));
    assert.equal(failed.kind, 'full');
    assert.match((failed as { items: Diagnostic[] }).items[0].message, /boom/);
    assert.match(errors[0], /Diagnostics for a failed: Error: boom/);
    const none = await workspaceReport({ report: () => Promise.reject(new Error('disk')) }, [], log(errors));
    assert.deepEqual(none, { items: [] });
    assert.match(errors[1], /Workspace diagnostics failed/);
  });
});

describe('FileWatching', () => {
  test('sorts changes into settings and plans', () => {
    const watching = new FileWatching(() => undefined);
    watching.track('file:///ws', ['/ws/team-template.md']);
    assert.deepEqual(watching.classify([{ uri: 'file:///ws/.planmarkrc.json' }]), { settings: true, plans: false });
    assert.deepEqual(watching.classify([{ uri: 'file:///ws/team-template.md' }]), { settings: true, plans: true });
    assert.deepEqual(watching.classify([{ uri: 'file:///ws/src/a.ts' }]), { settings: false, plans: false });
  });
});
