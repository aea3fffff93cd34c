import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PlanEngine } from '../../src/engine';
import { ROOT, SAMPLE_TEXT, run, workspace } from './helpers';

const SAMPLE_REL = 'test-fixtures/sample/plan.md';

test('outline --format json prints the engine’s outline unchanged', async () => {
  const r = await run(['outline', '--format', 'json', SAMPLE_REL]);
  assert.equal(r.code, 0);
  const expected = new PlanEngine(readFileSync(join(ROOT, 'server/templates/implementation-plan.md'), 'utf8')).analyze(
    SAMPLE_TEXT,
    { path: SAMPLE_REL },
  ).outline;
  assert.deepEqual(JSON.parse(r.stdout), JSON.parse(JSON.stringify(expected)));
  assert.equal(expected.profile?.id, 'reference');
  assert.match(expected.profile?.reason ?? '', /title and metadata .* follow the template/);
});

test('outline text: an indented tree with progress, hours and checkboxes', async () => {
  const r = await run(['outline', SAMPLE_REL]);
  assert.equal(r.code, 0);
  const lines = r.stdout.split('\n');
  assert.equal(lines[0], 'Saved Search Alerts - Implementation Plan  16/61 (26%) · 57.5h, 45.5h left');
  assert.match(lines[1], /^ {2}profile reference: its title and metadata .* follow the template$/);
  const from = lines.indexOf('  Phase 2: Implementation Tasks  4/14 · 57.5h');
  assert.ok(from > 0, r.stdout);
  assert.deepEqual(lines.slice(from, from + 6), [
    '  Phase 2: Implementation Tasks  4/14 · 57.5h',
    '    2.1 Backend Implementation  3/5 · 32h',
    '      Database Layer  2/2 · 5h',
    '        [x] Create Prisma schema models · 3h',
    '        [x] Create database migrations · 2h',
    '      Service Layer  1/2 · 22h',
  ]);
  // Subtasks nest under their task.
  assert.match(r.stdout, /^ {6}\[ \] Environment configuration\n {8}\[x\] Development\n {8}\[ \] Staging$/m);
});

test('outline: bad usage and unreadable files exit 2', async () => {
  const ws = workspace({ 'plan.md': SAMPLE_TEXT });
  try {
    const cases: Array<[string[], RegExp]> = [
      [['outline'], /exactly one file/],
      [['outline', 'plan.md', 'plan.md'], /exactly one file/],
      [['outline', '--format', 'sarif', 'plan.md'], /--format must be one of text, json/],
      [['outline', 'missing.md'], /missing\.md: cannot read it \(no such file\)/],
      [['outline', '.'], /planmark: \.: not a regular file/],
    ];
    const results = await Promise.all(cases.map(([args]) => run(args, ws.dir)));
    for (const [i, [args, message]] of cases.entries()) {
      assert.equal(results[i].code, 2, args.join(' '));
      assert.match(results[i].stderr, message, args.join(' '));
      assert.equal(results[i].stdout, '', args.join(' '));
    }
  } finally {
    ws.cleanup();
  }
});

test('outline and check text: in-progress, optional and unknown tasks', async () => {
  const plan = [
    '# States',
    '',
    '## Phase 1: Build',
    '- [x] Done',
    '- [-] Started',
    '- [ ]* Optional',
    '- [~] Odd marker',
    '',
  ].join('\n');
  const ws = workspace({ 'tasks.md': plan });
  try {
    const outline = await run(['outline', 'tasks.md'], ws.dir);
    assert.equal(outline.code, 0, outline.stderr);
    assert.deepEqual(outline.stdout.split('\n').slice(0, 7), [
      'States  1/3 (33%) · 1 in progress · optional 0/1 · 0h, 0h left',
      '  profile checklist: it follows no known plan format',
      '  Phase 1: Build  1/3 · 1 in progress · optional 0/1 · 0h',
      '    [x] Done',
      '    [-] Started',
      '    [ ]* Optional',
      '    [?] Odd marker',
    ]);
    const check = await run(['check', 'tasks.md'], ws.dir);
    assert.match(check.stdout, /tasks\.md:7:1 warning malformed-checkbox "- \[~\]" is not a task state/);
    assert.match(check.stdout, /tasks\.md: 1\/3 tasks done \(33%\), 1 in progress, optional 0\/1, /);
  } finally {
    ws.cleanup();
  }
});
