import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, SAMPLE, run, sampleWith, workspace } from './helpers';

// Exit codes: 0 clean, 1 errors or too many warnings, 2 bad usage or a file
// that could not be checked (after checking the others).

const SAMPLE_REL = 'test-fixtures/sample/plan.md';
const WARNING_PLAN = sampleWith('**Status**: In Progress', '**Status**: Underway');
const ERROR_PLAN = sampleWith('## Success Metrics', '## Metrics of Success');

test('check: the sample plan is clean (exit 0, no stderr)', async () => {
  const r = await run(['check', SAMPLE_REL]);
  assert.equal(r.stderr, '');
  assert.equal(r.code, 0);
  assert.match(
    r.stdout,
    /^test-fixtures\/sample\/plan\.md: 16\/61 tasks done \(26%\), 0 errors, 0 warnings · reference profile: its title and metadata \(Feature, Created, Status, Version\) follow the template$/m,
  );
});

test('check: an error exits 1', async () => {
  const ws = workspace({ 'plan.md': ERROR_PLAN });
  try {
    const r = await run(['check', 'plan.md'], ws.dir);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^plan\.md:1:1 error missing-section Missing section "## Success Metrics"/m);
  } finally {
    ws.cleanup();
  }
});

test('check: warnings pass unless they exceed --max-warnings', async () => {
  const ws = workspace({ 'plan.md': WARNING_PLAN });
  try {
    const [plain, within, over] = await Promise.all([
      run(['check', 'plan.md'], ws.dir),
      run(['check', '--max-warnings', '1', 'plan.md'], ws.dir),
      run(['check', '--max-warnings=0', 'plan.md'], ws.dir),
    ]);
    assert.equal(plain.code, 0);
    assert.equal(within.code, 0);
    assert.equal(over.code, 1);
    assert.match(over.stderr, /1 warnings?, more than --max-warnings 0/);
  } finally {
    ws.cleanup();
  }
});

test('check: bad usage exits 2 with a message on stderr', async () => {
  const cases: Array<[string[], RegExp]> = [
    [['check', '--nope', SAMPLE_REL], /--nope/],
    [['check'], /at least one file or folder/],
    [['check', '--format', 'xml', SAMPLE_REL], /--format must be one of text, json, sarif/],
    [['check', '--max-warnings', 'lots', SAMPLE_REL], /--max-warnings must be a whole number/],
    [['check', '--max-warnings', '1.5', SAMPLE_REL], /--max-warnings must be a whole number/],
    [['frobnicate'], /unknown command "frobnicate"[\s\S]*Usage: planmark/],
    [[], /Usage: planmark/],
  ];
  const results = await Promise.all(cases.map(([args]) => run(args)));
  for (const [i, [args, message]] of cases.entries()) {
    const r = results[i];
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, message, args.join(' '));
    assert.equal(r.stdout, '', args.join(' '));
  }
});

test('check: a missing file exits 2 but the other file is still reported', async () => {
  const r = await run(['check', 'no-such-plan.md', SAMPLE_REL]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /no-such-plan\.md: no such file/);
  assert.match(r.stdout, /^test-fixtures\/sample\/plan\.md: 16\/61 tasks done/m);
});

test('check: a file over maxFileSize is skipped before reading (exit 2); the others are checked', async () => {
  const ws = workspace({
    '.planmarkrc.json': JSON.stringify({ maxFileSize: 2000 }),
    'big-plan.md': readFileSync(SAMPLE, 'utf8'),
    'plan.md': ERROR_PLAN.slice(0, 1500),
  });
  try {
    const r = await run(['check', '--format', 'json', 'big-plan.md', 'plan.md'], ws.dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /big-plan\.md: skipped, it is \d+ KB, over the maxFileSize setting \(2 KB\)/);
    const findings = JSON.parse(r.stdout) as Array<{ file: string }>;
    assert.ok(findings.length > 0);
    assert.deepEqual(new Set(findings.map((f) => f.file)), new Set(['plan.md']));
  } finally {
    ws.cleanup();
  }
});

test('check: a file the engine does not validate is reported with its information finding', async () => {
  const ws = workspace({ 'plan.md': '# Binary - Implementation Plan\n\u0000\u0001' });
  try {
    const r = await run(['check', '--format', 'json', 'plan.md'], ws.dir);
    assert.equal(r.code, 0);
    const [finding, ...rest] = JSON.parse(r.stdout);
    assert.equal(rest.length, 0);
    assert.equal(finding.rule, 'validation-skipped');
    assert.equal(finding.severity, 'information');
    const text = await run(['check', 'plan.md'], ws.dir);
    assert.match(text.stdout, /^plan\.md: not validated \(it does not look like text/m);
  } finally {
    ws.cleanup();
  }
});

test('check: configuration problems are warnings on stderr, never a failure', async () => {
  const ws = workspace({
    '.planmarkrc.json': '{ "bogus": 1, "rules": { "no-such-rule": "off" } }',
    'plan.md': readFileSync(SAMPLE, 'utf8'),
  });
  try {
    const r = await run(['check', 'plan.md'], ws.dir);
    assert.equal(r.code, 0);
    assert.match(r.stderr, /warning: .*bogus: unknown setting/);
    assert.match(r.stderr, /warning: .*no-such-rule: unknown rule id/);
    const broken = await run(['check', '--config', 'nowhere.json', 'plan.md'], ws.dir);
    assert.equal(broken.code, 0);
    assert.match(broken.stderr, /warning: .*nowhere\.json: cannot read it/);
  } finally {
    ws.cleanup();
  }
});

test('help and version', async () => {
  const forms = [['--help'], ['help'], ['-h'], ['check', '--help'], ['outline', '--help']];
  for (const [i, r] of (await Promise.all(forms.map((args) => run(args)))).entries()) {
    assert.equal(r.code, 0, forms[i].join(' '));
    assert.match(r.stdout, /^Usage: planmark <command>/, forms[i].join(' '));
  }
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const r = await run(['--version']);
  assert.equal(r.code, 0);
  assert.equal(r.stdout, `${version}\n`);
});
