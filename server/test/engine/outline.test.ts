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
