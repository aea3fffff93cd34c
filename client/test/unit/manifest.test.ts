// The client's contributions, checked without VS Code: generated files are up to date,
// the .planmarkrc.json schema accepts exactly what the engine accepts, and every
// command the manifest names is registered by the extension (and the reverse).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { RULES, resolveConfig } from '../../../server/src/engine';
import { configKeys } from '../../../server/src/engine/config';
import { GRAMMAR_FILE, grammarText, templateLabels } from '../../../scripts/gen-grammar';
import { MANIFEST_FILE, SCHEMA_FILE, buildSchema, manifestText, schemaText } from '../../../scripts/gen-schema';

const ROOT = join(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'));

test('schemas/planmarkrc.schema.json is generated from the engine (npm run gen)', () => {
  assert.equal(readFileSync(SCHEMA_FILE, 'utf8'), schemaText());
  assert.deepEqual(
    Object.keys(schema.properties)
      .filter((k) => k !== '$schema')
      .sort(),
    Object.keys(configKeys).sort(),
  );
  assert.deepEqual(
    Object.keys(schema.properties.rules.properties),
    RULES.map((r) => r.id),
  );
  assert.deepEqual(manifest.contributes.jsonValidation, [
    { fileMatch: '.planmarkrc.json', url: './schemas/planmarkrc.schema.json' },
  ]);
});

test("package.json's per-rule settings (planmark.rules) are generated from the rule registry (npm run gen)", () => {
  assert.equal(readFileSync(MANIFEST_FILE, 'utf8'), manifestText(), 'package.json is out of date: run `npm run gen`');
  const settings = manifest.contributes.configuration.properties['planmark.rules'].properties;
  assert.deepEqual(
    Object.keys(settings),
    RULES.map((r) => r.id),
  );
  for (const rule of RULES) {
    assert.match(settings[rule.id].markdownDescription, new RegExp(`Default: \`${rule.defaultSeverity}\``));
    assert.ok(settings[rule.id].markdownDescription.includes(`docs/rules.md#${rule.id}`), rule.id);
  }
});

test('the schema accepts a .planmarkrc.json exactly when the engine does', () => {
  const validate = new Ajv({ strict: false, allErrors: true }).compile(buildSchema());
  const samples: Record<string, unknown[]> = {
    template: ['plans/template.md', '', 3, null],
    include: [['**/*.md'], [], [''], '**/*.md', [1]],
    includeByTitle: [true, false, 'yes', 0],
    rules: [{}, { 'missing-section': 'off' }, { 'missing-section': 'loud' }, { 'no-such-rule': 'error' }, []],
    statuses: [['Todo'], [], [''], 'Todo'],
    hoursPerDay: [8, 0, -1, 24, 25, 7.5, '8'],
    daysPerWeek: [5, 0, 7, 8, 4.5],
    placeholderPatterns: [[], ['^\\[TK\\]$'], [3], 'x'],
    maxFileSize: [1, 0, 1.5, 1024, -3],
    debounceMs: [0, 250, 10000, 10001, -1, 2.5],
    parseTimeoutMs: [0, 750, 60000, 60001, -1, 1.5],
  };
  for (const key of Object.keys(configKeys)) assert.ok(key in samples || key in schema.properties, key);
  for (const [key, values] of Object.entries(samples)) {
    for (const value of values) {
      const raw = { [key]: value };
      const engineAccepts =
        resolveConfig(
          raw,
          RULES.map((r) => r.id),
          '.planmarkrc.json',
        ).problems.length === 0;
      assert.equal(
        validate(raw),
        engineAccepts,
        `${key} = ${JSON.stringify(value)}: schema ${validate(raw) ? 'accepts' : 'rejects'}, engine ${engineAccepts ? 'accepts' : 'rejects'}`,
      );
    }
  }
  // Every key's default is valid, and unknown keys are refused by both.
  for (const key of Object.keys(configKeys))
    assert.ok(validate({ [key]: schema.properties[key].default }), `default of ${key}`);
  assert.equal(validate({ tempalte: 'x' }), false);
});

test('snippets/markdown.json is generated from the template (node scripts/gen-snippets.mjs)', () => {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'gen-snippets.mjs'), '--check'], { stdio: 'pipe' });
  const snippets = JSON.parse(readFileSync(join(ROOT, 'snippets', 'markdown.json'), 'utf8'));
  // `task` is the server's completion alone: a snippet with the same prefix would list it twice.
  for (const [name, s] of Object.entries(snippets as Record<string, { prefix: string[] }>))
    assert.ok(!s.prefix.some((p) => p.startsWith('task')), name);
  assert.match(snippets['Plan: risk table row'].body[0], /\$\{2\|High,Medium,Low\|\} \| \$\{3\|High,Medium,Low\|\}/);
});

test("syntaxes/ is generated from the template's field labels (npm run gen)", () => {
  assert.equal(readFileSync(GRAMMAR_FILE, 'utf8'), grammarText(), 'the grammar is out of date: run `npm run gen`');
  const grammar = JSON.parse(readFileSync(GRAMMAR_FILE, 'utf8'));
  // Oniguruma and JavaScript agree on these patterns: a label of the template is a field, other bold text is not.
  const label = new RegExp(grammar.repository['field-label'].match);
  for (const field of ['**Task**:', '**File**:', '**Files**:', '**Tests**:', '**Created**:', '**Plan Status**:'])
    assert.match(field, label);
  assert.doesNotMatch('**Note**:', label);
  assert.match('**Estimate**:', new RegExp(grammar.repository.estimate.begin));
});

test("a team's template gives its own labels; code blocks and placeholder labels give none", () => {
  const team = [
    '# [FEATURE_NAME] Plan',
    '',
    '**Owner team**: [TEAM]',
    '',
    '- [ ] **Story**: [title]',
    '  - **Acceptance**: [criteria]',
    '  - **Estimates**: [points]',
    '- **[Role]**: [count]',
    '',
    '```md',
    '**Inside code**: no',
    '```',
  ].join('\n');
  const { fields, estimates } = templateLabels(team);
  for (const l of ['Acceptance', 'Estimates', 'Owner team', 'Story']) assert.ok(fields.includes(l), l);
  assert.ok(!fields.includes('Inside code') && !fields.some((l) => l.includes('[')), fields.join(', '));
  assert.deepEqual(estimates, ['Effort', 'Estimates']);
  // Generated from this template, the grammar highlights its labels and not the reference template's.
  const label = new RegExp(JSON.parse(grammarText(team)).repository['field-label'].match);
  assert.match('**Story**:', label);
  assert.doesNotMatch('**Task**:', label);
});

test('every contributed command is registered by the extension, and every registered one contributed', () => {
  // Sources in folders too (client/src/graph/…).
  const sources = readdirSync(join(ROOT, 'client', 'src'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(join(ROOT, 'client', 'src', f), 'utf8'))
    .join('\n');
  const registered = [...sources.matchAll(/register(?:TextEditor)?Command\(\s*'([^']+)'/g)].map((m) => m[1]).sort();
  const contributed = (manifest.contributes.commands as { command: string; category: string }[])
    .map((c) => c.command)
    .sort();
  assert.deepEqual(registered, contributed);
  for (const c of manifest.contributes.commands) assert.equal(c.category, 'Plan', c.command);
  const named = [
    ...Object.values(manifest.contributes.menus as Record<string, { command: string }[]>)
      .flat()
      .map((m) => m.command),
    ...manifest.contributes.keybindings.map((k: { command: string }) => k.command),
  ];
  for (const command of named) assert.ok(contributed.includes(command), `${command} is not contributed`);
});

test('manifest paths exist and the grammar is an injection into Markdown', () => {
  const c = manifest.contributes;
  for (const path of [
    manifest.icon,
    c.viewsContainers.activitybar[0].icon,
    c.snippets[0].path,
    c.grammars[0].path,
    c.jsonValidation[0].url,
  ]) {
    assert.ok(existsSync(join(ROOT, path)), path);
  }
  const grammar = JSON.parse(readFileSync(join(ROOT, c.grammars[0].path), 'utf8'));
  assert.equal(grammar.scopeName, c.grammars[0].scopeName);
  assert.match(grammar.injectionSelector, /^L:text\.html\.markdown /);
  assert.match(grammar.injectionSelector, /-markup\.fenced_code/);
  assert.equal(manifest.capabilities.virtualWorkspaces.supported, false);
  assert.deepEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, ['planmark.template']);
});

test('the Plan view says "Loading…" while the server starts, and offers New Plan only once it knows', () => {
  const welcome = manifest.contributes.viewsWelcome as { view: string; contents: string; when?: string }[];
  const plan = welcome.filter((w) => w.view === 'planmark.plan');
  assert.deepEqual(
    plan.map((w) => [w.when, /Loading/.test(w.contents), /New Plan from Template/.test(w.contents)]),
    [
      ['planmark.loading', true, false],
      ['!planmark.loading', false, true],
    ],
  );
  const source = readFileSync(join(ROOT, 'client', 'src', 'loading.ts'), 'utf8');
  assert.match(source, /LOADING = 'planmark\.loading'/);
});
