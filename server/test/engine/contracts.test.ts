// Things that must agree with each other and would drift silently: the manifest's
// settings and the configuration schema, the rule docs and the registry, the
// shipped template and the shared reference one. (The engine's purity is a lint rule.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CONFIG, PROFILES, RULES, RULE_IDS, RULES_DOC, ruleDocsUrl } from '../../src/engine';
import { configKeys } from '../../src/engine/config';
import { REPO, SHARED, TEMPLATE_TEXT, WITHOUT_SHARED } from './helpers';

const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));

test('manifest: every setting is contributed with the engine default', () => {
  const properties = manifest.contributes.configuration.properties as Record<string, { default: unknown }>;
  assert.deepEqual(
    Object.keys(properties).sort(),
    Object.keys(configKeys)
      .map((k) => `planmark.${k}`)
      .sort(),
  );
  for (const [key, value] of Object.entries(DEFAULT_CONFIG)) {
    assert.deepEqual(properties[`planmark.${key}`].default, value ?? null, key);
  }
  const ruleSettings = (properties['planmark.rules'] as unknown as { properties: Record<string, unknown> }).properties;
  assert.deepEqual(
    Object.keys(ruleSettings),
    RULES.map((r) => r.id),
  );
});

test('docs/rules.md documents every rule with its default severity', () => {
  const doc = readFileSync(join(REPO, 'docs', 'rules.md'), 'utf8');
  for (const rule of RULES) {
    assert.match(doc, new RegExp(`^## ${rule.id}$`, 'm'), `no section for ${rule.id}`);
    assert.match(
      doc,
      new RegExp(`^\\| \\[\`${rule.id}\`\\]\\(#${rule.id}\\) \\| ${rule.defaultSeverity} \\|`, 'm'),
      `table row of ${rule.id}`,
    );
  }
});

// The shipped template is the project's own source of truth; where ../shared is there
// (CI, the team's checkouts) it must not have drifted from the shared reference.
test('the shipped template is the shared reference template', { skip: WITHOUT_SHARED }, () => {
  assert.equal(TEMPLATE_TEXT, readFileSync(join(SHARED, 'templates', 'implementation-plan.md'), 'utf8'));
});

test("rule documentation URLs are the repository's docs/rules.md, one anchor per rule", () => {
  assert.equal(RULES_DOC, `${(manifest as { repository: { url: string } }).repository.url}/blob/main/docs/rules.md`);
  for (const rule of RULES) assert.equal(ruleDocsUrl(rule.id), `${RULES_DOC}#${rule.id}`);
});

test('README.md lists every rule, linked to its documentation', () => {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  for (const rule of RULES)
    assert.ok(readme.includes(`| [\`${rule.id}\`](docs/rules.md#${rule.id}) | ${rule.defaultSeverity} |`), rule.id);
});

test('profiles name only registered rules, every rule runs in a profile, the reference profile uses the defaults', () => {
  for (const profile of PROFILES)
    for (const id of Object.keys(profile.rules))
      assert.ok(RULE_IDS.includes(id), `${profile.id} lists unknown rule ${id}`);
  for (const rule of RULES)
    assert.ok(
      PROFILES.some((p) => rule.id in p.rules),
      `${rule.id} runs in no profile: add it to UNIVERSAL_RULES or a profile's rules`,
    );
  // docs/rules.md and the settings UI give each rule's default severity: the reference profile's.
  const reference = PROFILES.find((p) => p.id === 'reference')!;
  for (const rule of RULES)
    if (rule.id in reference.rules) assert.equal(reference.rules[rule.id], rule.defaultSeverity, rule.id);
});
