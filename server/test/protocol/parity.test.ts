// The CLI and the server must report exactly the same findings for the same file
// and configuration: here a workspace with its own .planmarkrc.json (a rule turned
// off, another made an error, custom statuses) and plans with Unicode and CRLF.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { run } from '../cli/helpers';
import { CORPUS, WITHOUT_SHARED } from '../engine/helpers';
import { LspTestClient, fileUri } from './lspClient';
import { tempWorkspace, UNICODE_PLAN } from './fixtures';

const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];

test('CLI and server: same findings for the same files and .planmarkrc.json', async () => {
  const ws = tempWorkspace();
  const folder = ws.path;
  const plans = {
    'plan.md': readFileSync(join(__dirname, '..', '..', '..', 'test-fixtures', 'sample', 'plan.md'), 'utf8').replace(
      '**Status**: In Progress',
      '**Status**: Shipping',
    ),
    'unicode-plan.md': UNICODE_PLAN,
    'status-plan.md': readFileSync(
      join(__dirname, '..', '..', '..', 'test-fixtures', 'rules', 'inconsistent-status.md'),
      'utf8',
    ),
    // A real plan (CRLF), where ../shared is there.
    ...(WITHOUT_SHARED
      ? {}
      : {
          'corpus-plan.md': readFileSync(join(CORPUS, '05-azure-monitoring-alerting-imperial-supply-hub.md'), 'utf8'),
        }),
  };
  for (const [name, text] of Object.entries(plans)) ws.write(name, text);
  ws.write(
    '.planmarkrc.json',
    JSON.stringify({
      rules: { 'missing-section': 'off', 'unfilled-placeholder': 'error' },
      statuses: ['Planning', 'Shipping'],
    }),
  );
  const client = await LspTestClient.start({ pull: false, folders: [folder] });
  try {
    const cli = await run(['check', '--format', 'json', ...Object.keys(plans)], folder);
    assert.ok(cli.code === 0 || cli.code === 1, cli.stderr);
    const fromCli = (JSON.parse(cli.stdout) as Array<Record<string, unknown>>).map((f) =>
      [f.file, f.line, f.column, f.endLine, f.endColumn, f.severity, f.rule, f.message].join(' '),
    );
    const fromServer: string[] = [];
    for (const [name, text] of Object.entries(plans)) {
      const uri = fileUri(join(folder, name));
      const from = client.mark();
      await client.open(uri, text);
      // The final state, not the notice a busy machine may show while the real plan is parsed in the worker.
      const final = (p: PublishDiagnosticsParams) =>
        !(p.diagnostics.length === 1 && p.diagnostics[0].code === 'validation-skipped');
      const { diagnostics } = await client.waitFor<PublishDiagnosticsParams>(
        'textDocument/publishDiagnostics',
        (p) => p.uri === uri && final(p),
        from,
        120_000,
      );
      for (const d of diagnostics) {
        const { start, end } = d.range;
        fromServer.push(
          [
            name,
            start.line + 1,
            start.character + 1,
            end.line + 1,
            end.character + 1,
            SEVERITY[d.severity!],
            d.code,
            d.message,
          ].join(' '),
        );
      }
    }
    assert.ok(fromCli.length >= 10, `the plans have findings to compare (${fromCli.length})`);
    assert.ok(
      fromCli.some((f) => f.includes(' error unfilled-placeholder ')),
      'the rc file raises a severity',
    );
    assert.ok(!fromCli.some((f) => f.includes('missing-section')), 'the rc file applies');
    assert.deepEqual(fromServer.sort(), fromCli.sort());
  } finally {
    await client.stop();
    ws.dispose();
  }
});
