import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_CONFIG, RULE_IDS, resolveConfig } from '../../src/engine';

test('config: valid values are taken', () => {
  const { config, problems } = resolveConfig(
    { hoursPerDay: 6, statuses: ['Draft'], rules: { 'missing-section': 'off' } },
    RULE_IDS,
  );
  assert.deepEqual(problems, []);
  assert.equal(config.hoursPerDay, 6);
  assert.deepEqual(config.statuses, ['Draft']);
  assert.deepEqual(config.rules, { 'missing-section': 'off' });
});

test('config: a bad value names the key and what it expects, falls back, and spares the rest', () => {
  const { config, problems } = resolveConfig(
    {
      hoursPerDay: 'eight',
      statuses: [],
      maxFileSize: 1000,
      placeholderPatterns: ['(unclosed'],
      rules: { 'missing-section': 'loud', 'no-such-rule': 'off', 'empty-section': 'hint' },
      colour: 'red',
    },
    RULE_IDS,
  );
  assert.equal(config.hoursPerDay, DEFAULT_CONFIG.hoursPerDay);
  assert.deepEqual(config.statuses, DEFAULT_CONFIG.statuses);
  assert.deepEqual(config.placeholderPatterns, []);
  assert.equal(config.maxFileSize, 1000);
  assert.deepEqual(config.rules, { 'empty-section': 'hint' });
  assert.deepEqual(
    problems.map((p) => p.message),
    [
      'planmark.hoursPerDay: expected a number of hours between 0 and 24; using the default',
      'planmark.statuses: expected a non-empty array of status names; using the default',
      'planmark.placeholderPatterns: expected an array of regular expressions (strings); using the default',
      "planmark.rules.missing-section: expected one of error, warning, information, hint, off; using the rule's default",
      'planmark.rules.no-such-rule: unknown rule id; ignored',
      'planmark.colour: unknown setting; ignored',
    ],
  );
});

test('config: not an object at all', () => {
  const { config, problems } = resolveConfig([1, 2], RULE_IDS, '.planmarkrc.json');
  assert.deepEqual(config, { ...DEFAULT_CONFIG, rules: {} });
  assert.equal(problems[0].message, '.planmarkrc.json: expected an object of settings; using the defaults');
});
