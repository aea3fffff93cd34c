import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_CONFIG, isPlanDocument } from '../../src/engine';

test('plan files: include globs', () => {
  for (const p of ['plan.md', 'docs/plan.md', 'a/b/checkout-plan.md', 'x.plan.md', 'Docs/PLAN.md'])
    assert.ok(isPlanDocument(p, '', DEFAULT_CONFIG), p);
  for (const p of ['README.md', 'planning.md', 'docs/plans.md'])
    assert.ok(!isPlanDocument(p, '# Readme', DEFAULT_CONFIG), p);
});

test('plan files: an H1 ending in "Implementation Plan"', () => {
  assert.ok(isPlanDocument('notes.md', '# Checkout - Implementation Plan\n', DEFAULT_CONFIG));
  assert.ok(isPlanDocument('notes.md', '\uFEFF# Checkout Implementation Plan 🚀\r\n', DEFAULT_CONFIG));
  assert.ok(!isPlanDocument('notes.md', '## Implementation Plan\n', DEFAULT_CONFIG));
  assert.ok(!isPlanDocument('notes.md', '# Implementation Plan review notes\n', DEFAULT_CONFIG));
  assert.ok(
    !isPlanDocument('notes.md', '# Checkout - Implementation Plan\n', { ...DEFAULT_CONFIG, includeByTitle: false }),
  );
});
