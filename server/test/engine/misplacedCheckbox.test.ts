// A checkbox in a heading (`#### [ ] T-001 …`) or after text that starts the line
// (`001: - [ ] …`) makes no task: malformed-checkbox reports it in every profile, with no fix,
// and never a checkbox in code, a table, a quoted mention, or a heading's tag (`[DEFERRED]`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PlanEngine, PROFILE_IDS } from '../../src/engine';
import { TEMPLATE_TEXT, lines } from './helpers';

const engine = new PlanEngine(TEMPLATE_TEXT);

const plan = lines(
  '# Tasks: Search',
  '',
  '## Phase 1: Setup',
  '',
  '- [ ] T001 Create the project',
  '001: - [ ] T002 Numbered line task',
  '',
  '#### [ ] T003 Heading task',
  '',
  '### [DEFERRED] Cache',
  '',
  '| Step | Task |',
  '| ---- | ---- |',
  '| 1 | 001: - [ ] in a cell |',
  '',
  'Written `001: - [ ] x` is no task, nor "#### [ ] x".',
  '',
  '```markdown',
  '001: - [ ] in code',
  '#### [ ] in code',
  '```',
  '',
);

test('misplaced checkboxes: reported in every profile, without a fix', () => {
  for (const id of PROFILE_IDS) {
    const { findings } = engine.analyze(plan, { profile: { id, reason: 'test' } });
    const found = findings.filter((f) => f.rule === 'malformed-checkbox');
    assert.deepEqual(
      found.map((f) => [f.range.start.line + 1, f.fixes?.length ?? 0]),
      [
        [6, 0],
        [8, 0],
      ],
      id,
    );
    assert.match(found[0].message, /"- \[ \] 001: T002 Numbered line task"/, id);
    assert.match(found[1].message, /"- \[ \] T003 Heading task"/, id);
    // Neither line is counted as a task.
    assert.equal(
      engine.analyze(plan, { profile: { id, reason: 'test' } }).outline.total,
      1,
      `${id}: only T001 is a task`,
    );
  }
});

test('misplaced checkboxes: a heading tag, a list item holding a task, a time are no misplaced checkbox', () => {
  const text = lines(
    '# Notes',
    '',
    '### [DEFERRED] Cache',
    '### [P] Parallel',
    '## [Optional] Extras',
    '## Phase 2 [ ] pending',
    '',
    '1. - [ ] An ordered item holding a task',
    '- [ ] 001: written right',
    '10:30 - [ ] stand-up',
    'Note: - [ ] explains the marker.',
    '',
  );
  const found = engine
    .analyze(text, { profile: { id: 'checklist', reason: 'test' } })
    .findings.filter((f) => f.rule === 'malformed-checkbox');
  assert.deepEqual(found, []);
});
