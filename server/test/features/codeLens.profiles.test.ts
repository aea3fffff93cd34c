import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codeLenses } from '../../src/features/codeLens';
import { lines, profiledDoc } from './helpers';

// In a Kiro task list the top-level tasks group the work: each one with sub-tasks gets the
// progress lens a phase heading gets elsewhere; the same list as a checklist gets none.

const KIRO = lines(
  '# Implementation Plan',
  '',
  '- [-] 1. Build share links',
  '  - [x] 1.1 Create the link model',
  '  - [-] 1.2 Invalidate links',
  '  - [ ]* 1.3 Property tests',
  '- [ ] 2. Export notes',
);

test('Kiro: a lens above each task with sub-tasks, optional ones apart', () => {
  const lenses = codeLenses(profiledDoc(KIRO, '.kiro/specs/share/tasks.md'));
  assert.deepEqual(
    lenses.map((l) => [l.range.start.line, l.command?.title]),
    [[2, '1/2 sub-tasks done · 1 in progress · optional 0/1']],
  );
});

test('the same tasks in a checklist: no sub-task lenses', () => {
  assert.deepEqual(codeLenses(profiledDoc(KIRO, 'docs/notes.md')), []);
});
