import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import { SMALL_PLAN, UNICODE_PLAN } from './fixtures';
import { full, LspTestClient } from './lspClient';

// Whatever a document holds, the server answers, and goes on answering.

const TEMPLATE = readFileSync(join(__dirname, '..', '..', 'templates', 'implementation-plan.md'), 'utf8');

function assertSkipped(diagnostics: Diagnostic[]): void {
  assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
  assert.equal(diagnostics[0].code, 'validation-skipped');
  assert.equal(diagnostics[0].severity, DiagnosticSeverity.Information);
}

const GARBAGE: Record<string, { text: () => string; skipped: boolean }> = {
  empty: { text: () => '', skipped: false },
  binary: {
    text: () =>
      readFileSync(process.execPath)
        .subarray(0, 64 * 1024)
        .toString('latin1'),
    skipped: true,
  },
  'list nesting bomb': { text: () => '* '.repeat(8000) + 'a', skipped: true },
  'block quote nesting bomb': { text: () => '> '.repeat(8000) + 'a', skipped: true },
  '5 MB': { text: () => TEMPLATE.repeat(Math.ceil((5 * 1024 * 1024) / TEMPLATE.length)), skipped: true },
  '5000 unclosed brackets': { text: () => '# X Implementation Plan\n' + '['.repeat(5000) + ' text', skipped: false },
  'tabs and lone CRs': {
    text: () => '#\tT - Implementation Plan\r\r\t- [ ]\t**Task**:\tx\r\t\t- **Estimate**:\t3h\r',
    skipped: false,
  },
};

describe('bad input', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start({ pull: true });
  });
  after(() => client?.stop());

  for (const [name, { text, skipped }] of Object.entries(GARBAGE)) {
    test(`${name}: answered${skipped ? ' with one information diagnostic' : ''}`, async () => {
      const uri = `untitled:${name.replace(/\W+/g, '-')}-plan.md`;
      await client.open(uri, text());
      const diagnostics = full(await client.pull(uri)).items;
      if (skipped) assertSkipped(diagnostics);
      assert.ok(diagnostics.every((d) => d.source === 'planmark'));
      // Still answering after an incremental edit (one that adds a NUL, at that).
      await client.change(uri, 2, [
        { range: { start: { line: 0, character: 1 }, end: { line: 0, character: 1 } }, text: '\u0000 edit' },
      ]);
      assert.equal(full(await client.pull(uri)).items.length > 0, true);
      await client.close(uri);
    });
  }

  test('BOM, CRLF, CJK and emoji: ranges count UTF-16 units, edits land where they should', async () => {
    const uri = 'untitled:unicode-plan.md';
    await client.open(uri, UNICODE_PLAN);
    const before = full(await client.pull(uri)).items;
    const find = (list: Diagnostic[], rule: string, text: string) =>
      list.find((d) => d.code === rule && d.message.includes(text));
    assert.deepEqual(find(before, 'unfilled-placeholder', '[ServiceName]')?.range, {
      start: { line: 6, character: 18 },
      end: { line: 6, character: 31 },
    });
    assert.deepEqual(find(before, 'invalid-metadata', 'Plannin')?.range, {
      start: { line: 2, character: 12 },
      end: { line: 2, character: 19 },
    });
    // The title's range starts after the BOM and ends after the rocket's two units.
    assert.deepEqual(find(before, 'missing-section', 'Executive Summary')?.range, {
      start: { line: 0, character: 1 },
      end: { line: 0, character: 30 },
    });

    await client.change(uri, 2, [
      { range: { start: { line: 2, character: 12 }, end: { line: 2, character: 19 } }, text: 'Planning' },
    ]);
    const after = full(await client.pull(uri)).items;
    assert.equal(find(after, 'invalid-metadata', 'Plannin'), undefined);
    assert.deepEqual(find(after, 'unfilled-placeholder', '[ServiceName]')?.range, {
      start: { line: 6, character: 18 },
      end: { line: 6, character: 31 },
    });
    assert.equal(after.length, before.length - 1);
  });

  test('after all that, a normal plan still gets its diagnostics', async () => {
    const uri = 'untitled:normal-plan.md';
    await client.open(uri, SMALL_PLAN);
    assert.ok(full(await client.pull(uri)).items.some((d) => d.code === 'unfilled-placeholder'));
  });
});

describe('bad input, pushed', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start({ pull: false });
  });
  after(() => client?.stop());

  test('a nesting bomb publishes one information diagnostic, and a later plan its own', async () => {
    await client.open('untitled:bomb-plan.md', '* '.repeat(8000) + 'a');
    await client.open('untitled:normal-plan.md', SMALL_PLAN);
    assertSkipped((await client.diagnostics('untitled:bomb-plan.md')).diagnostics);
    assert.ok((await client.diagnostics('untitled:normal-plan.md')).diagnostics.length > 0);
  });
});
