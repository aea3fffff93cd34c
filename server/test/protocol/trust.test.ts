// Restricted Mode: VS Code's client says the workspace is untrusted; the server
// then reads no template from outside the workspace, whatever .planmarkrc.json says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { LspTestClient, fileUri } from './lspClient';
import { SMALL_PLAN, joinLines, tempWorkspace } from './fixtures';

// A template with one section only: a plan validated against it has no missing sections.
const ONE_SECTION = joinLines('# [FEATURE_NAME] - Implementation Plan', '', '## Phase 1: Build', '');

async function missingSections(
  trusted: boolean | undefined,
  templatePath: string,
): Promise<{ count: number; warnings: string[] }> {
  const base = tempWorkspace();
  const folder = join(base.path, 'workspace');
  mkdirSync(folder);
  base.write('outside.md', ONE_SECTION);
  base.write('workspace/inside.md', ONE_SECTION);
  base.write('workspace/.planmarkrc.json', JSON.stringify({ template: templatePath }));
  const client = await LspTestClient.start({
    pull: false,
    folders: [folder],
    initializationOptions: trusted === undefined ? undefined : { workspaceTrusted: trusted },
  });
  try {
    const uri = fileUri(join(folder, 'plan.md'));
    await client.open(uri, SMALL_PLAN);
    const { diagnostics } = await client.diagnostics(uri);
    const warnings = client.all<{ message: string }>('window/showMessageRequest').map((m) => m.message);
    return { count: diagnostics.filter((d) => d.code === 'missing-section').length, warnings };
  } finally {
    await client.stop();
    base.dispose();
  }
}

test('trusted (or unspecified): a template outside the workspace is read', async () => {
  assert.equal((await missingSections(true, '../outside.md')).count, 0);
  assert.equal((await missingSections(undefined, '../outside.md')).count, 0);
});

test('restricted: a template outside the workspace is not read, and the user is told', async () => {
  const { count, warnings } = await missingSections(false, '../outside.md');
  assert.ok(count > 5, 'validated against the built-in template');
  assert.ok(
    warnings.some((w) => /outside the workspace and is not read in Restricted Mode/.test(w)),
    warnings.join('\n'),
  );
});

test('restricted: a template inside the workspace is still read', async () => {
  assert.equal((await missingSections(false, 'inside.md')).count, 0);
});
