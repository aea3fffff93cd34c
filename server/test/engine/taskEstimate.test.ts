// Estimates on any task roll up: the fixture's tasks carry their estimate on their own line or
// in an item under them, and its traps (prose, quantities of the work) carry none. The outline
// (tree, status bar, hover, `planmark outline`) and the graph (critical path) read the same.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PlanEngine, type OutlineTask } from '../../src/engine';
import { lineEstimate } from '../../src/engine/taskEstimate';
import { REPO, TEMPLATE_TEXT } from './helpers';

const FIXTURE = join(REPO, 'test-fixtures', 'rules', 'estimates-on-task-lines.md');
const durations = { hoursPerDay: 8, daysPerWeek: 5 };

const flat = (tasks: OutlineTask[]): OutlineTask[] => tasks.flatMap((t) => [t, ...flat(t.children)]);

test('estimates: every form the fixture writes rolls up, and no trap does', () => {
  const { outline, graph } = new PlanEngine(TEMPLATE_TEXT).analyze(readFileSync(FIXTURE, 'utf8'));
  const [build, traps] = outline.sections;
  assert.deepEqual(
    flat(build.tasks).map((t) => [t.text, t.estimateHours]),
    [
      ['Create migration (2 hours)', 2],
      ['Search box — Estimate: 2h', 2],
      ['Result list Estimate: 3h', 3],
      ['Spike the index (~4h)', 4],
      ['Ranking [2d]', 16],
      ['Facets (Est: 30m)', 0.5],
      ['Pagination', 4],
      ['Suggestions', 1],
      ['Index orders', 5],
      ['Export (1-3 hours)', 2],
      ['CSV (1h)', 1],
      ['Import', 3],
      ['JSON (1h)', 1],
    ],
  );
  // A parent's estimate covers its subtasks: Export's 2h and Import's 3h, not theirs again.
  assert.equal(build.estimateHours, 42.5);
  assert.equal(build.remainingHours, 42.5 - 16);
  assert.equal(build.unestimated, 0);
  assert.deepEqual(
    flat(traps.tasks).map((t) => [t.text, t.estimateHours]),
    [
      ['Wait 2 hours for the cache to warm, then check', undefined],
      ['Check every 5 minutes', undefined],
      ['Cache translations (24h TTL)', undefined],
      ['Set the session timeout (30m)', undefined],
      ['Record a demo video (5 min)', undefined],
      ['Support 3D previews (3D)', undefined],
      ['Write the runbook (first draft)', undefined],
      ['Measure extraction (30 sec, 1 hour)', undefined],
      // The Estimate line under "Read it" is the subtask's, not its parent's.
      ['Review the plan', undefined],
      ['Read it', 2],
    ],
  );
  assert.equal(traps.unestimated, 9);
  // The graph's nodes (critical path, `planmark graph`) carry the same estimates.
  const all = flat(outline.sections.flatMap((s) => s.tasks));
  assert.deepEqual(
    graph!.nodes.map((n) => n.estimateHours),
    all.map((t) => t.estimateHours),
  );
});

test('estimates: a task line states one by a label or a trailing duration', () => {
  const cases: Array<[string, number | undefined]> = [
    [' Create migration (2 hours)', 2],
    [' Search box — Estimate: 2h', 2],
    [' Search box - estimate: 2 hours | owner: Ana', 2],
    [' X **Estimate**: 3h', 3],
    [' X **Estimate:** 3h', 3],
    [' X (Estimated effort: 1d)', 8],
    [' **Spike (~4h)**', 4],
    [' Ranking [2-3d]', 20],
    [' Wait 2 hours for the cache', undefined],
    [' Review the estimate 2h', undefined],
    [' Poll for changes every (5m)', undefined],
    [' Keep logs for (30 days)', undefined],
    [' Add the 2D view (2D)', undefined],
    [' Effort: High', undefined],
    [' Estimate: TBD', undefined],
    [' Load 1000 rows (1000)', undefined],
  ];
  for (const [line, hours] of cases) assert.equal(lineEstimate(line, durations), hours, line);
});
