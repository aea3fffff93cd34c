import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type {
  CodeAction,
  CodeLens,
  CompletionList,
  Diagnostic,
  DocumentLink,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Location,
  SymbolInformation,
  WorkspaceEdit,
} from 'vscode-languageserver/node';
import { joinLines, tempWorkspace, type TempWorkspace } from './fixtures';
import { fileUri, full, LspTestClient } from './lspClient';

// Every editor capability, spoken to the built server over stdio.

const PLAN = joinLines(
  '# Login - Implementation Plan',
  '',
  '**Feature**: [FEATURE_NAME]',
  '',
  '## Phase 1: Build',
  '',
  '- [ ] **Task**: T001 Write the API',
  '  - **File**: `src/api.ts`',
  '  - **Estimate**: 4h',
  '- [ ] **Task**: T002 Write the form',
  '  - **Estimate**: 2h',
  '  - **Dependencies**: T001',
  '-[ ] Stray',
  '',
  '## ',
  '',
);
const at = (line: number, character: number) => ({ line, character });
const range = (sl: number, sc: number, el: number, ec: number) => ({ start: at(sl, sc), end: at(el, ec) });

describe('editor features over stdio', () => {
  let client: LspTestClient;
  let ws: TempWorkspace;
  let uri: string;
  before(async () => {
    ws = tempWorkspace();
    ws.write('api.ts', '');
    client = await LspTestClient.start({ pull: true, folders: [ws.path], settings: () => ({ debounceMs: 0 }) });
    uri = fileUri(join(ws.path, 'plan.md'));
    await client.open(uri, PLAN);
  });
  after(async () => {
    await client?.stop();
    ws?.dispose();
  });
  const textDocument = () => ({ textDocument: { uri } });

  test('initialize advertises every capability', () => {
    const c = client.initializeResult.capabilities;
    assert.deepEqual(c.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.planmark'] });
    assert.ok(c.completionProvider?.triggerCharacters?.includes('#'));
    for (const key of [
      'hoverProvider',
      'workspaceSymbolProvider',
      'foldingRangeProvider',
      'definitionProvider',
      'referencesProvider',
    ] as const)
      assert.equal(c[key], true, key);
    assert.deepEqual(c.renameProvider, { prepareProvider: true });
    assert.ok(c.documentSymbolProvider && c.documentLinkProvider && c.codeLensProvider);
  });

  test('code actions: quick fixes from the pulled diagnostics, and fix-all', async () => {
    const report = full(await client.pull(uri));
    const checkbox = report.items.find((d: Diagnostic) => d.code === 'malformed-checkbox')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      ...textDocument(),
      range: checkbox.range,
      context: { diagnostics: [checkbox] },
    });
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind, a.isPreferred]),
      [
        ['Change to "- [ ]"', 'quickfix', true],
        ['Disable malformed-checkbox for this line', 'quickfix', false],
      ],
    );
    assert.deepEqual(actions[0].edit, { changes: { [uri]: [{ range: range(12, 0, 12, 4), newText: '- [ ]' }] } });
    const [fixAll] = await client.request<CodeAction[]>('textDocument/codeAction', {
      ...textDocument(),
      range: range(0, 0, 0, 0),
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.equal(fixAll.kind, 'source.fixAll.planmark');
    assert.deepEqual(
      fixAll.edit?.changes?.[uri].map((e) => e.newText.replace(/\d{4}-\d{2}-\d{2}/, 'TODAY')),
      // Fix-all inserts no placeholder: the added Created field is today, not [DATE].
      ['Login', '\n**Created**: TODAY\n**Status**: Planning\n**Version**: 1.0.0', '- [ ]'],
    );
  });

  test('completion: missing sections after "## ", as snippets', async () => {
    const list = await client.request<CompletionList>('textDocument/completion', {
      ...textDocument(),
      position: at(14, 3),
    });
    assert.equal(list.items[0].label, 'Executive Summary');
    assert.equal(list.items[0].insertTextFormat, 2);
  });

  test('hover on a task shows its fields and dependents', async () => {
    const result = await client.request<Hover>('textDocument/hover', { ...textDocument(), position: at(6, 20) });
    assert.match(
      (result.contents as { value: string }).value,
      /^☐ \*\*T001 Write the API\*\* — Phase 1: Build\n\n- \*\*File\*\*: `src\/api.ts`\n- \*\*Estimate\*\*: 4h\n\nNeeded by: \[T002 Write the form\]/,
    );
  });

  test('document symbols, folding, code lens', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', textDocument());
    assert.deepEqual(
      symbols[0].children?.map((c) => [c.name, c.detail]),
      [
        ['T001 Write the API', '☐ open · 4h'],
        ['T002 Write the form', '☐ open · 2h'],
      ],
    );
    assert.equal(symbols[0].name, 'Phase 1: Build');
    const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', textDocument());
    assert.deepEqual(folds.slice(0, 3), [
      { startLine: 4, endLine: 12 },
      { startLine: 6, endLine: 8 },
      { startLine: 9, endLine: 12 },
    ]);
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', textDocument());
    // The phase's progress, and Start task on the first open task (the plan states no dependencies).
    assert.deepEqual(
      lenses.map((l) => [l.range.start.line, l.command?.title, l.command?.command]),
      [
        [4, '0/2 done · 6h estimated · 6h left', ''],
        [6, '$(play) Start task', 'planmark.startTask'],
      ],
    );
    assert.deepEqual(lenses[0].range, range(4, 0, 4, 17));
  });

  test('definition, references, prepareRename and rename (with a refusal as an error)', async () => {
    assert.deepEqual(
      await client.request<Location>('textDocument/definition', { ...textDocument(), position: at(11, 23) }),
      { uri, range: range(6, 2, 6, 34) },
    );
    const refs = await client.request<Location[]>('textDocument/references', {
      ...textDocument(),
      position: at(6, 16),
      context: { includeDeclaration: true },
    });
    assert.deepEqual(refs, [
      { uri, range: range(6, 16, 6, 20) },
      { uri, range: range(11, 22, 11, 26) },
    ]);
    assert.deepEqual(await client.request('textDocument/prepareRename', { ...textDocument(), position: at(11, 23) }), {
      range: range(11, 22, 11, 26),
      placeholder: 'T001',
    });
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', {
      ...textDocument(),
      position: at(11, 23),
      newName: 'API-1',
    });
    assert.deepEqual(
      edit.changes?.[uri].map((e) => e.range),
      [range(6, 16, 6, 20), range(11, 22, 11, 26)],
    );
    await assert.rejects(
      client.request('textDocument/rename', { ...textDocument(), position: at(11, 23), newName: 'T002' }),
      /Another task already has the id T002/,
    );
  });

  test('document links for File paths that exist', async () => {
    const links = await client.request<DocumentLink[]>('textDocument/documentLink', textDocument());
    assert.deepEqual(links, []);
    ws.write('src-api.md', '');
    const other = fileUri(join(ws.path, 'links-plan.md'));
    await client.open(
      other,
      joinLines('# L - Implementation Plan', '', '- [ ] **Task**: A', '  - **File**: `api.ts`, `nope.ts`'),
    );
    const found = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: other } });
    assert.deepEqual(
      found.map((l) => [l.range, l.target]),
      [[range(3, 15, 3, 21), fileUri(join(ws.path, 'api.ts'))]],
    );
  });

  test('a document that is not a plan gets nothing from any feature', async () => {
    const notes = fileUri(join(ws.path, 'notes.md'));
    await client.open(notes, '# Notes\n\n- [ ] **Task**: T1 x\n');
    const doc = { textDocument: { uri: notes } };
    assert.equal(await client.request('textDocument/hover', { ...doc, position: at(2, 18) }), null);
    assert.deepEqual(await client.request('textDocument/documentSymbol', doc), []);
    assert.deepEqual(await client.request('textDocument/codeLens', doc), []);
  });
});

describe('workspace diagnostics and symbols over stdio', () => {
  let client: LspTestClient;
  let ws: TempWorkspace;
  before(async () => {
    ws = tempWorkspace();
    ws.write(
      'closed-plan.md',
      '# Closed - Implementation Plan\n\n**Status**: Planning\n\n- [ ] **Task**: C1 Closed work\n',
    );
    ws.write('notes.md', '# Notes\n');
    client = await LspTestClient.start({ pull: true, folders: [ws.path], settings: () => ({}), watchers: true });
  });
  after(async () => {
    await client?.stop();
    ws?.dispose();
  });

  interface Report {
    items: Array<{ kind: string; uri: string; resultId?: string; items?: Diagnostic[] }>;
  }
  const pullWorkspace = (previousResultIds: Array<{ uri: string; value: string }> = []) =>
    client.request<Report>('workspace/diagnostic', { previousResultIds });

  test('plans that are not open are reported; unchanged ones say so; a change on disk is seen', async () => {
    const closed = fileUri(join(ws.path, 'closed-plan.md'));
    const first = await pullWorkspace();
    assert.deepEqual(
      first.items.map((i) => [i.kind, i.uri]),
      [['full', closed]],
    );
    assert.ok(first.items[0].items!.some((d) => d.code === 'missing-section'));
    const second = await pullWorkspace([{ uri: closed, value: first.items[0].resultId! }]);
    assert.deepEqual(
      second.items.map((i) => i.kind),
      ['unchanged'],
    );

    ws.write(
      'closed-plan.md',
      '# Closed - Implementation Plan\n\n**Status**: Planning\n\n-[ ] Stray\n\n- [ ] **Task**: C1 Closed work, changed\n',
    );
    ws.write('new-plan.md', '# New - Implementation Plan\n');
    await client.changeWatchedFiles([
      { uri: fileUri(join(ws.path, 'new-plan.md')), type: 1 },
      { uri: closed, type: 2 },
    ]);
    const third = await pullWorkspace([{ uri: closed, value: first.items[0].resultId! }]);
    assert.deepEqual(
      third.items.map((i) => [i.kind, i.uri]),
      [
        ['full', closed],
        ['full', fileUri(join(ws.path, 'new-plan.md'))],
      ],
    );
    assert.ok(third.items[0].items!.some((d) => d.code === 'malformed-checkbox'));
  });

  test('workspace symbols: tasks of plans on disk', async () => {
    const symbols = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'closed' });
    assert.deepEqual(
      symbols.map((s) => [s.name, s.location.uri]),
      [['C1 Closed work, changed', fileUri(join(ws.path, 'closed-plan.md'))]],
    );
  });

  test('an open plan is left to the document pull; the openFiles setting limits the report to none', async () => {
    const closed = fileUri(join(ws.path, 'closed-plan.md'));
    await client.open(closed, '# Closed - Implementation Plan\n');
    assert.ok(!(await pullWorkspace()).items.some((i) => i.uri === closed));
    client.settings = () => ({ workspaceDiagnostics: 'openFiles' });
    await client.changeConfiguration({});
    const limited = await pullWorkspace();
    assert.deepEqual(
      limited.items.map((i) => [i.kind, i.items?.length]),
      [['full', 0]],
      'the plan reported before is cleared once',
    );
    assert.deepEqual((await pullWorkspace()).items, []);
  });

  test('the server asks the client to watch Markdown files', async () => {
    await client.waitFor<{ registrations: Array<{ registerOptions: { watchers: Array<{ globPattern: string }> } }> }>(
      'client/registerCapability',
      (p) => p.registrations.some((r) => r.registerOptions.watchers.some((w) => w.globPattern === '**/*.md')),
    );
  });
});
