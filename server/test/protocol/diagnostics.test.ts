import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  DiagnosticSeverity,
  DocumentDiagnosticReportKind,
  type CodeAction,
  type Diagnostic,
} from 'vscode-languageserver/node';
import { PlanEngine, SEVERITIES } from '../../src/engine';
import { NOT_A_PLAN, SMALL_PLAN, tempWorkspace, type TempWorkspace } from './fixtures';
import { fileUri, full, LspTestClient } from './lspClient';

const TEMPLATE = join(__dirname, '..', '..', 'templates', 'implementation-plan.md');
const PLACEHOLDER_RANGE = { start: { line: 6, character: 22 }, end: { line: 6, character: 35 } };
/** Replaces `[ServiceName]` in SMALL_PLAN. */
const FILL_PLACEHOLDER = { range: PLACEHOLDER_RANGE, text: 'Login' };

const rules = (diagnostics: Diagnostic[]) => diagnostics.map((d) => d.code);

/** The quick fixes the server offers for one diagnostic, as the engine's FixData. */
async function fixesOf(client: LspTestClient, uri: string, diagnostic: Diagnostic) {
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic], only: ['quickfix'] },
  });
  // The last action of every finding silences it with a planmark-disable comment (not one of the finding's fixes).
  const silence = actions.pop();
  assert.match(silence?.title ?? '', /^Disable \S+ for this (line|table)$/);
  return actions.map((a) => ({ title: a.title, preferred: a.isPreferred === true, edits: a.edit?.changes?.[uri] }));
}

describe('diagnostics, pulled', () => {
  let client: LspTestClient;
  let ws: TempWorkspace;
  before(async () => {
    ws = tempWorkspace();
    client = await LspTestClient.start({ pull: true, folders: [ws.path], settings: () => ({}) });
  });
  after(async () => {
    await client?.stop();
    ws?.dispose();
  });

  test('a plan gets planmark diagnostics carrying rule and link; fixes come from code actions', async () => {
    const uri = fileUri(join(ws.path, 'plan.md'));
    await client.open(uri, SMALL_PLAN);
    const { items } = full(await client.pull(uri));
    const placeholder = items.find((d) => d.code === 'unfilled-placeholder');
    assert.deepEqual(placeholder, {
      range: PLACEHOLDER_RANGE,
      severity: DiagnosticSeverity.Hint, // SMALL_PLAN is Planning: placeholders are hints while drafted
      source: 'planmark',
      code: 'unfilled-placeholder',
      codeDescription: { href: 'https://github.com/planmark/planmark/blob/main/docs/rules.md#unfilled-placeholder' },
      message: 'Unfilled placeholder [ServiceName]: replace it with the real content.',
    });
    const missing = items.find((d) => d.code === 'missing-section');
    assert.equal(missing?.severity, DiagnosticSeverity.Error);
    // Fixes stay in the server (no `data` on the wire); asked for with the diagnostic, they come.
    assert.ok(
      items.every((d) => d.data === undefined),
      'no diagnostic carries data',
    );
    assert.ok((await fixesOf(client, uri, missing)).length > 0, 'the missing section has a fix');
  });

  test('an unchanged document answers "unchanged"; an incremental change answers anew', async () => {
    const uri = fileUri(join(ws.path, 'phase-plan.md'));
    await client.open(uri, SMALL_PLAN);
    const first = full(await client.pull(uri));
    assert.ok(first.resultId);
    assert.deepEqual(await client.pull(uri, first.resultId), {
      kind: DocumentDiagnosticReportKind.Unchanged,
      resultId: first.resultId,
    });

    await client.change(uri, 2, [FILL_PLACEHOLDER]);
    const second = full(await client.pull(uri, first.resultId));
    assert.notEqual(second.resultId, first.resultId);
    assert.ok(rules(first.items).includes('unfilled-placeholder'));
    assert.ok(!rules(second.items).includes('unfilled-placeholder'));
    assert.equal(second.items.length, first.items.length - 1);
  });

  test('a Markdown file that is not a plan gets an empty report, no outline and no notification', async () => {
    const uri = fileUri(join(ws.path, 'notes.md'));
    await client.open(uri, NOT_A_PLAN);
    assert.deepEqual(full(await client.pull(uri)).items, []);
    assert.equal(await client.outline(uri), null);
    assert.deepEqual(
      client.all<{ uri: string }>('planmark/outlineChanged').filter((p) => p.uri === uri),
      [],
    );
  });

  test('an untitled document is a plan when its H1 says so', async () => {
    await client.open('untitled:Untitled-1', SMALL_PLAN);
    await client.open('untitled:Untitled-2', NOT_A_PLAN);
    assert.ok(full(await client.pull('untitled:Untitled-1')).items.length > 0);
    assert.deepEqual(full(await client.pull('untitled:Untitled-2')).items, []);
  });

  test('reports exactly what the engine finds with the built-in template and default settings', async () => {
    const text = readFileSync(TEMPLATE, 'utf8');
    const uri = fileUri(join(ws.path, 'docs', 'plan.md'));
    await client.open(uri, text);
    const { items } = full(await client.pull(uri));
    const expected = new PlanEngine(text).analyze(text).findings;
    assert.ok(expected.length > 10);
    // Fixes may fill in today's date; the day may turn between the two runs.
    const undated = (value: unknown) => JSON.parse(JSON.stringify(value ?? null).replace(/\d{4}-\d{2}-\d{2}/g, 'DATE'));
    assert.deepEqual(
      await Promise.all(
        items.map(async (d) => ({
          rule: d.code,
          severity: SEVERITIES[d.severity! - 1],
          message: d.message,
          range: d.range,
          fixes: undated(await fixesOf(client, uri, d)),
        })),
      ),
      expected.map((f) => ({
        rule: f.rule,
        severity: f.severity,
        message: f.message,
        range: f.range,
        fixes: undated(
          (f.fixes ?? []).map((x) => ({ title: x.title, preferred: x.preferred === true, edits: x.edits })),
        ),
      })),
    );
  });
});

describe('diagnostics, pushed', () => {
  let client: LspTestClient;
  let ws: TempWorkspace;
  before(async () => {
    ws = tempWorkspace();
    client = await LspTestClient.start({ pull: false, folders: [ws.path] });
  });
  after(async () => {
    await client?.stop();
    ws?.dispose();
  });

  test('opening, changing and closing a plan publishes, updates and clears its diagnostics', async () => {
    const uri = fileUri(join(ws.path, 'plan.md'));
    await client.open(uri, SMALL_PLAN);
    const opened = await client.diagnostics(uri, (p) => p.version === 1);
    assert.ok(rules(opened.diagnostics).includes('unfilled-placeholder'));
    assert.ok(opened.diagnostics.every((d) => d.source === 'planmark'));

    await client.change(uri, 2, [FILL_PLACEHOLDER]);
    const changed = await client.diagnostics(uri, (p) => p.version === 2);
    assert.ok(!rules(changed.diagnostics).includes('unfilled-placeholder'));
    assert.equal(changed.diagnostics.length, opened.diagnostics.length - 1);

    const mark = client.mark();
    await client.close(uri);
    assert.deepEqual((await client.diagnostics(uri, () => true, mark)).diagnostics, []);
  });

  test('several quick changes end in diagnostics for the last version', async () => {
    const uri = fileUri(join(ws.path, 'quick-plan.md'));
    await client.open(uri, SMALL_PLAN);
    await client.diagnostics(uri, (p) => p.version === 1);
    const mark = client.mark();
    // Type "Login" over the placeholder one character at a time, then complete it.
    await client.change(uri, 2, [{ range: PLACEHOLDER_RANGE, text: '' }]);
    const at = (c: number) => ({ start: { line: 6, character: c }, end: { line: 6, character: c } });
    for (const [i, ch] of [...'Login'].entries()) await client.change(uri, 3 + i, [{ range: at(22 + i), text: ch }]);
    const last = await client.diagnostics(uri, (p) => p.version === 7, mark);
    assert.ok(!rules(last.diagnostics).includes('unfilled-placeholder'));
  });

  test('a Markdown file that is not a plan gets nothing', async () => {
    const uri = fileUri(join(ws.path, 'notes.md'));
    await client.open(uri, NOT_A_PLAN);
    // The outline request waits for the analysis, after which anything to publish would have been sent.
    assert.equal(await client.outline(uri), null);
    await client.close(uri);
    const plan = fileUri(join(ws.path, 'later-plan.md'));
    await client.open(plan, SMALL_PLAN);
    await client.diagnostics(plan);
    assert.deepEqual(
      client.received.filter((m) => (m.params as { uri?: string }).uri === uri),
      [],
    );
  });
});
