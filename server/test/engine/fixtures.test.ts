// Fixtures carry their expected findings in a sidecar `<name>.expected.txt`:
//
//   # rules: unfilled-placeholder, invalid-estimate   (optional: compare only these rules)
//   12:5-12:19 unfilled-placeholder
//   30:1 missing-section "Phase 3"                     (end optional; quoted text must occur in the message)
//
// Lines and columns are 1-based, columns in UTF-16 code units, end exclusive, as
// the CLI prints them. A missing finding and an extra finding both fail.
// A fixture may come with `<name>.config.json` (settings) and `<name>.template.md`
// (a custom template, derived like any other).
// Per-profile fixtures live in `profiles/<profile-id>/`: each is checked with that
// profile, and `<name>.spec.md`, `<name>.requirements.md`, `<name>.design.md` beside it
// are the files the profile reads beside the plan (RepoFacts.siblings).
// `UPDATE_FIXTURES=1` writes the sidecar for a fixture that has none (never
// overwrites one), for a human to review before committing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { PlanEngine, RULE_IDS, resolveConfig, type AnalyzeOptions, type Finding } from '../../src/engine';
import { analyzeWithFacts, CompletionFactsGatherer } from '../../src/node/completionFacts';
import { REPO, TEMPLATE_TEXT } from './helpers';

const FIXTURES = join(REPO, 'test-fixtures');
/** Files that go with a fixture: its template, and the convention files beside a plan. */
const COMPANION = /\.(?:template|spec|requirements|design)\.md$/;
const SIBLINGS = ['spec', 'requirements', 'design'];

/** The profile a fixture is checked with (its folder under profiles/), and the files beside it. */
function profileOf(file: string): AnalyzeOptions {
  const m = /^profiles[\\/]([^\\/]+)[\\/]/.exec(relative(FIXTURES, file));
  if (!m) return {};
  const siblings: Record<string, string> = {};
  for (const kind of SIBLINGS) {
    const path = file.replace(/\.md$/, `.${kind}.md`);
    if (existsSync(path)) siblings[`${kind}.md`] = readFileSync(path, 'utf8');
  }
  return { profile: { id: m[1], reason: 'fixture folder' }, facts: { siblings } };
}

function* markdownFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* markdownFiles(path);
    else if (name.endsWith('.md') && !COMPANION.test(name)) yield path;
  }
}

interface Expectation {
  start: string;
  end?: string;
  rule: string;
  message?: string;
  line: number;
}

function parseExpected(text: string): { rules?: Set<string>; expected: Expectation[] } {
  let rules: Set<string> | undefined;
  const expected: Expectation[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    const scope = /^#\s*rules:\s*(.+)$/.exec(line);
    if (scope) rules = new Set(scope[1].split(/[\s,]+/).filter(Boolean));
    if (!line || line.startsWith('#')) return;
    const m = /^(\d+:\d+)(?:-(\d+:\d+))?\s+([a-z-]+)(?:\s+"(.*)")?$/.exec(line);
    if (!m) throw new Error(`expected-file line ${i + 1} is malformed: ${raw}`);
    expected.push({ start: m[1], end: m[2], rule: m[3], message: m[4], line: i + 1 });
  });
  for (const r of rules ?? []) if (!RULE_IDS.includes(r)) throw new Error(`unknown rule in "# rules:" header: ${r}`);
  return { rules, expected };
}

const pos = (p: { line: number; character: number }) => `${p.line + 1}:${p.character + 1}`;
const format = (f: Finding) => `${pos(f.range.start)}-${pos(f.range.end)} ${f.rule}`;

function matches(e: Expectation, f: Finding): boolean {
  return (
    e.rule === f.rule &&
    e.start === pos(f.range.start) &&
    (e.end === undefined || e.end === pos(f.range.end)) &&
    (e.message === undefined || f.message.includes(e.message))
  );
}

const defaultEngine = new PlanEngine(TEMPLATE_TEXT);
const completion = new CompletionFactsGatherer();

for (const file of markdownFiles(FIXTURES)) {
  const name = relative(FIXTURES, file);
  test(`fixture ${name}`, async () => {
    const sidecar = file.replace(/\.md$/, '.expected.txt');
    const configFile = file.replace(/\.md$/, '.config.json');
    const templateFile = file.replace(/\.md$/, '.template.md');
    let engine = defaultEngine;
    if (existsSync(configFile) || existsSync(templateFile)) {
      const raw = existsSync(configFile) ? JSON.parse(readFileSync(configFile, 'utf8')) : {};
      const { config, problems } = resolveConfig(raw, RULE_IDS);
      assert.deepEqual(problems, [], `${configFile} is invalid`);
      engine = new PlanEngine(existsSync(templateFile) ? readFileSync(templateFile, 'utf8') : TEMPLATE_TEXT, config);
    }
    const options = { today: '2026-11-24', ...profileOf(file) };
    // phantom-completion's fixtures have their folder as workspace: the rule sees which named files
    // exist (no git). Other fixtures are about other rules: no facts, so the files they name need not exist.
    const facts = basename(file).startsWith('phantom-completion');
    const where = { root: dirname(file), planPath: file, git: false };
    const text = readFileSync(file, 'utf8');
    const analysis = facts
      ? await analyzeWithFacts(engine, text, where, completion, options)
      : engine.analyze(text, options);
    const wanted = profileOf(file).profile?.id;
    if (wanted) assert.equal(analysis.profile?.id, wanted, `${name}: ${wanted} is not a registered profile`);
    const findings = analysis.findings;
    if (!existsSync(sidecar)) {
      if (process.env.UPDATE_FIXTURES) writeFileSync(sidecar, findings.map(format).join('\n') + '\n');
      assert.fail(`${name} has no ${relative(FIXTURES, sidecar)}: every fixture states its expected findings`);
    }
    const { rules, expected } = parseExpected(readFileSync(sidecar, 'utf8'));
    const actual = findings.filter((f) => !rules || rules.has(f.rule));
    const unmatched = [...actual];
    const missing: string[] = [];
    for (const e of expected) {
      const i = unmatched.findIndex((f) => matches(e, f));
      if (i >= 0) unmatched.splice(i, 1);
      else
        missing.push(
          `expected-file line ${e.line}: ${e.start}${e.end ? `-${e.end}` : ''} ${e.rule}${e.message ? ` "${e.message}"` : ''}`,
        );
    }
    const extra = unmatched.map((f) => `${format(f)} "${f.message}"`);
    assert.deepEqual(
      { missing, extra },
      { missing: [], extra: [] },
      `${name}: findings differ from ${relative(FIXTURES, sidecar)}`,
    );
  });
}

test('every rule of the registry has a fixture that expects a finding of it', () => {
  const expected = new Set<string>();
  for (const file of markdownFiles(FIXTURES)) {
    const sidecar = file.replace(/\.md$/, '.expected.txt');
    if (existsSync(sidecar))
      for (const e of parseExpected(readFileSync(sidecar, 'utf8')).expected) expected.add(e.rule);
  }
  assert.deepEqual(
    RULE_IDS.filter((id) => !expected.has(id)),
    [],
    'rules without a fixture in test-fixtures/',
  );
});
