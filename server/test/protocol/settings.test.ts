import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  MessageType,
  type Diagnostic,
  type RegistrationParams,
  type ShowMessageParams,
} from 'vscode-languageserver/node';
import { joinLines, SMALL_PLAN, tempWorkspace, type TempWorkspace } from './fixtures';
import { fileUri, full, LspTestClient } from './lspClient';

const CHANGED = 2;

const rules = (diagnostics: Diagnostic[]) => new Set(diagnostics.map((d) => d.code));

describe('settings from workspace/configuration (pull client)', () => {
  let client: LspTestClient;
  let ws: TempWorkspace;
  let settings: unknown = {};
  before(async () => {
    ws = tempWorkspace();
    client = await LspTestClient.start({ pull: true, folders: [ws.path], settings: () => settings });
  });
  after(async () => {
    await client?.stop();
    ws?.dispose();
  });

  test('turning a rule off asks the client to pull again, and the rule is gone', async () => {
    const uri = fileUri(join(ws.path, 'plan.md'));
    await client.open(uri, SMALL_PLAN);
    assert.ok(rules(full(await client.pull(uri)).items).has('missing-section'));

    settings = { rules: { 'missing-section': 'off' } };
    const mark = client.mark();
    await client.changeConfiguration(settings);
    await client.waitFor('workspace/diagnostic/refresh', () => true, mark);
    const after = rules(full(await client.pull(uri)).items);
    assert.ok(!after.has('missing-section'));
    assert.ok(after.has('unfilled-placeholder'));
  });

  test('bad settings are reported once as a warning, and validation goes on with the defaults', async () => {
    const uri = fileUri(join(ws.path, 'other-plan.md'));
    settings = { debounceMs: 'soon', rules: { 'no-such-rule': 'off' } };
    const mark = client.mark();
    await client.changeConfiguration(settings);
    await client.open(uri, SMALL_PLAN);
    assert.ok(rules(full(await client.pull(uri)).items).has('missing-section'));
    const warnings = () => client.all<ShowMessageParams>('window/showMessageRequest');
    const warning = await client.waitFor<ShowMessageParams>('window/showMessageRequest', () => true, mark);
    assert.equal(warning.type, MessageType.Warning);
    assert.match(warning.message, /debounceMs/);
    assert.match(warning.message, /no-such-rule/);

    // The same problems after another change are not shown again.
    const count = warnings().length;
    const again = client.mark();
    await client.changeConfiguration(settings);
    await client.waitFor('workspace/diagnostic/refresh', () => true, again);
    await client.pull(uri); // waits for the re-analysis, hence for the settings reload
    assert.equal(warnings().length, count);
  });
});

describe('settings from .planmarkrc.json and the template (push client)', () => {
  let client: LspTestClient;
  let ws: TempWorkspace;
  let uri: string;
  before(async () => {
    ws = tempWorkspace();
    ws.write('.planmarkrc.json', JSON.stringify({ template: 'template.md' }));
    ws.write(
      'template.md',
      joinLines('# [FEATURE_NAME] - Implementation Plan', '', '## Phase 1: Build', '', '- [ ] Write [ServiceName]', ''),
    );
    client = await LspTestClient.start({ pull: false, folders: [ws.path], watchers: true });
    uri = fileUri(join(ws.path, 'plan.md'));
    await client.open(uri, SMALL_PLAN);
  });
  after(async () => {
    await client?.stop();
    ws?.dispose();
  });

  test('asks the client to watch every .planmarkrc.json and the template', async () => {
    const registration = await client.waitFor<RegistrationParams>('client/registerCapability', (p) =>
      JSON.stringify(p).includes('template.md'),
    );
    const watchers = registration.registrations[0].registerOptions as { watchers: Array<{ globPattern: unknown }> };
    assert.deepEqual(watchers.watchers[0], { globPattern: '**/.planmarkrc.json' });
    assert.deepEqual(watchers.watchers[1], { globPattern: { baseUri: fileUri(ws.path), pattern: 'template.md' } });
  });

  test('a changed .planmarkrc.json or template re-validates open plans', async () => {
    // The custom template has one section only, so nothing is missing.
    const first = await client.diagnostics(uri);
    assert.ok(!rules(first.diagnostics).has('missing-section'));
    assert.ok(rules(first.diagnostics).has('unfilled-placeholder'));

    let mark = client.mark();
    const rc = ws.write(
      '.planmarkrc.json',
      JSON.stringify({ template: 'template.md', rules: { 'unfilled-placeholder': 'off' } }),
    );
    await client.changeWatchedFiles([{ uri: fileUri(rc), type: CHANGED }]);
    const second = await client.diagnostics(uri, () => true, mark);
    assert.ok(!rules(second.diagnostics).has('unfilled-placeholder'));

    mark = client.mark();
    const template = ws.write(
      'template.md',
      joinLines('# [FEATURE_NAME] - Implementation Plan', '', '## Phase 1: Build', '', '## Rollout', ''),
    );
    await client.changeWatchedFiles([{ uri: fileUri(template), type: CHANGED }]);
    const third = await client.diagnostics(uri, () => true, mark);
    assert.ok(third.diagnostics.some((d) => d.code === 'missing-section' && d.message.includes('Rollout')));
  });

  test('a change of an unrelated file does nothing', async () => {
    const mark = client.mark();
    await client.changeWatchedFiles([{ uri: fileUri(ws.write('notes.md', 'hello')), type: CHANGED }]);
    // The outline request is answered after the notification was handled, and after any
    // analysis it started: that analysis would have published diagnostics first. (Outline
    // notifications of earlier analyses may still trail in, so only diagnostics are counted.)
    assert.notEqual(await client.outline(uri), null);
    assert.deepEqual(
      client.received.slice(mark).filter((m) => m.method === 'textDocument/publishDiagnostics'),
      [],
    );
  });
});
