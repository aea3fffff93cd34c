import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createAnalyzer, type Logger } from '../../src/lsp/analyzer';
import { Workspace } from '../../src/lsp/workspace';

// Any exception on the way to the engine becomes a failure, logged, never a crash.

function setup(fetchSettings: () => Promise<unknown>, getText: () => string) {
  const errors: string[] = [];
  const logger: Logger = { error: (m) => errors.push(m), info: () => {} };
  const workspace = new Workspace({ fetchSettings, loaded: () => {} });
  const documents = { get: () => ({ version: 3, getText }) };
  return { analyze: createAnalyzer(documents, workspace, logger), errors };
}

describe('createAnalyzer', () => {
  test('a plan is analysed with its folder settings', async () => {
    const { analyze, errors } = setup(async () => ({}), () => '# X - Implementation Plan\n');
    const result = await analyze('untitled:x');
    assert.equal(result?.version, 3);
    assert.ok(result?.analysis && result.analysis.findings.length > 0);
    assert.deepEqual(errors, []);
  });

  test('a document that is not a plan gets no analysis', async () => {
    const { analyze } = setup(async () => ({}), () => '# Notes\n');
    assert.deepEqual(await analyze('untitled:notes'), { uri: 'untitled:notes', version: 3 });
  });

  test('a failure loading settings or reading the document is logged and reported as a failure', async () => {
    for (const { analyze, errors } of [
      setup(() => Promise.reject(new Error('settings exploded')), () => ''),
      setup(async () => ({}), () => {
        throw new Error('text exploded');
      }),
    ]) {
      const result = await analyze('untitled:x');
      assert.match(result?.failure ?? '', /exploded/);
      assert.equal(result?.analysis, undefined);
      assert.equal(errors.length, 1);
      assert.match(errors[0], /Validating untitled:x failed: Error: \w+ exploded/);
    }
  });
});
