import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PlanEngine, resolveConfig, RULE_IDS } from '../../src/engine';
import { TEMPLATE_TEXT, lines } from './helpers';

const plan = lines(
  '# Shop - Implementation Plan',
  '',
  '- [x] Loose task before any section',
  '',
  '## Phase 1: Build ✅',
  '',
  '### 1.1 Backend',
  '- [x] **Task**: API',
  '  - **File**: `api.ts`',
  '  - **Estimate**: 1d',
  '- [ ] **Task**: Jobs',
  '  - **File**: `jobs.ts`',
  '  - **Estimate**: 2-4h',
  '  - [x] Subtask with its own checkbox',
  '',
  '## Notes',
  'No tasks here.',
  '',
  '## Phase 2: Ship',
  '* [ ] Deploy',
  '',
);

test('outline: sections with tasks, progress and estimates', () => {
  const { outline } = new PlanEngine(TEMPLATE_TEXT).analyze(plan);
  assert.equal(outline.title, 'Shop - Implementation Plan');
  assert.deepEqual(
    outline.sections.map((s) => [s.title, s.phase, s.done, s.total, s.estimateHours, s.remainingHours, s.unestimated]),
    [
      ['Shop - Implementation Plan', undefined, 1, 1, 0, 0, 0],
      // The open subtask of "Jobs" is covered by its parent's estimate: not unestimated.
      ['Phase 1: Build ✅', '1', 2, 3, 11, 3, 0],
      ['Phase 2: Ship', '2', 0, 1, 0, 0, 1],
    ],
  );
  const backend = outline.sections[1].children[0];
  assert.equal(backend.title, '1.1 Backend');
  assert.deepEqual(
    backend.tasks.map((t) => [t.text, t.checked, t.estimateHours, t.children.length]),
    [
      ['API', true, 8, 0],
      ['Jobs', false, 3, 1],
    ],
  );
  assert.deepEqual(backend.tasks[0].checkboxRange, {
    start: { line: 7, character: 2 },
    end: { line: 7, character: 5 },
  });
  assert.deepEqual(backend.tasks[0].fields, { File: '`api.ts`', Estimate: '1d' });
  // The Plan view's "Open File" reads these: the File field's paths, without backticks.
  assert.deepEqual(backend.tasks[0].files, ['api.ts']);
  assert.deepEqual(
    [outline.done, outline.total, outline.percent, outline.estimateHours, outline.remainingHours, outline.unestimated],
    [3, 5, 60, 11, 3, 1],
  );
});

test('outline: hours per day comes from the configuration', () => {
  const { config } = resolveConfig({ hoursPerDay: 6 }, RULE_IDS);
  const { outline } = new PlanEngine(TEMPLATE_TEXT, config).analyze(plan);
  assert.equal(outline.estimateHours, 9);
});

test('outline: in-progress, optional and unknown tasks; progress counts the required ones', () => {
  const text = lines(
    '# States',
    '',
    '## Phase 1: Build',
    '- [x] Done',
    '- [-] Started',
    '  - **Estimate**: 2h',
    '- [/] Also started',
    '- [ ]* Optional open',
    '- [x]* Optional done',
    '- [ ]\\* Optional, its star escaped by a formatter',
    '- [~] Unknown marker',
    '- [ ] Open',
    '',
  );
  const { outline, model } = new PlanEngine(TEMPLATE_TEXT).analyze(text);
  const tasks = outline.sections[0].tasks;
  assert.deepEqual(
    tasks.map((t) => [t.text, t.state, t.checked, t.optional ?? false]),
    [
      ['Done', 'done', true, false],
      ['Started', 'in-progress', false, false],
      ['Also started', 'in-progress', false, false],
      ['Optional open', 'open', false, true],
      ['Optional done', 'done', true, true],
      ['Optional, its star escaped by a formatter', 'open', false, true],
      ['Unknown marker', 'unknown', false, false],
      ['Open', 'open', false, false],
    ],
  );
  // The marker, wherever GFM did not read it, is still what a toggle edits.
  assert.deepEqual(tasks[1].checkboxRange, { start: { line: 4, character: 2 }, end: { line: 4, character: 5 } });
  assert.equal(model!.text.slice(model!.tasks[3].checkbox.start, model!.tasks[3].checkbox.end), '[ ]');
  assert.deepEqual(
    [outline.done, outline.total, outline.inProgress, outline.optionalDone, outline.optionalTotal, outline.percent],
    [1, 5, 2, 1, 3, 20],
  );
});
