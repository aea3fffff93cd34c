// Unfilled placeholders are hints while a plan is drafted and warnings once it is underway
// (the `placeholderSeverity` setting, `stage` by default); an explicit rule severity wins.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PlanEngine, RULE_IDS, resolveConfig, type PlanConfig } from '../../src/engine';
import { lines, TEMPLATE_TEXT } from './helpers';

const plan = (status: string | undefined) =>
  lines(
    '# Login - Implementation Plan',
    '',
    ...(status === undefined ? [] : [`**Status**: ${status}`]),
    '**Created**: [DATE]',
    '',
    '## Phase 1: Build',
    '',
    '- [ ] **Task**: Build it',
    '  - **Estimate**: [hours]',
  );

function severities(status: string | undefined, settings: Partial<PlanConfig> = {}): string[] {
  const { config, problems } = resolveConfig(settings, RULE_IDS);
  assert.deepEqual(problems, []);
  return new PlanEngine(TEMPLATE_TEXT, config)
    .analyze(plan(status), { today: '2026-11-24' })
    .findings.filter((f) => f.rule === 'unfilled-placeholder')
    .map((f) => f.severity);
}

test('while the Status says the plan is drafted, placeholders are hints', () => {
  for (const status of ['Planning', 'Draft', '**Draft**', 'planning', '[STATUS]', 'Proposed', '📝 Draft'])
    assert.deepEqual(severities(status), ['hint', 'hint'], status);
});

test('once the plan is underway, or says nothing of its stage, they are warnings', () => {
  for (const status of ['In Progress', 'In Review', 'Complete', 'Blocked', undefined])
    assert.deepEqual(severities(status), ['warning', 'warning'], String(status));
});

test('a fixed placeholderSeverity applies at every stage', () => {
  assert.deepEqual(severities('Planning', { placeholderSeverity: 'warning' }), ['warning', 'warning']);
  assert.deepEqual(severities('In Review', { placeholderSeverity: 'information' }), ['information', 'information']);
});

test("the rule's own severity in `rules` wins over the stage, and `off` still turns it off", () => {
  assert.deepEqual(severities('Planning', { rules: { 'unfilled-placeholder': 'error' } }), ['error', 'error']);
  assert.deepEqual(severities('Planning', { rules: { 'unfilled-placeholder': 'off' } }), []);
});

test('a bad placeholderSeverity is reported and falls back to stage', () => {
  const { config, problems } = resolveConfig({ placeholderSeverity: 'loud' }, RULE_IDS);
  assert.equal(config.placeholderSeverity, 'stage');
  assert.match(problems[0].message, /placeholderSeverity: expected one of stage, error, warning, information, hint/);
});
