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

test('plan files: templates and agents’ command files are not plans', () => {
  const plan = '# Checkout - Implementation Plan\n';
  for (const p of [
    '.specify/templates/plan-template.md',
    'templates/plan-template.md',
    'templates/tasks-template.md',
    'docs/checkout.template.md',
  ])
    assert.ok(!isPlanDocument(p, plan, DEFAULT_CONFIG), p);
  const command = '---\ndescription: Plan the feature.\n---\n\n## User Input\n\n$ARGUMENTS\n';
  for (const p of ['.claude/commands/plan.md', '.windsurf/workflows/speckit.plan.md', '.github/prompts/plan.prompt.md'])
    assert.ok(!isPlanDocument(p, plan, DEFAULT_CONFIG), p);
  assert.ok(!isPlanDocument('tools/speckit.plan.md', command, DEFAULT_CONFIG));
  // Front matter alone, or $ARGUMENTS alone, does not make a command.
  assert.ok(isPlanDocument('docs/plan.md', '---\ndescription: Our plan.\n---\n# Plan\n', DEFAULT_CONFIG));
  assert.ok(isPlanDocument('docs/plan.md', '# Plan\n\nPass $ARGUMENTS through.\n', DEFAULT_CONFIG));
  assert.ok(isPlanDocument('plans/template-migration-plan.md', plan, DEFAULT_CONFIG));
});
