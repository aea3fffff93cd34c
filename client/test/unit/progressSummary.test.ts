// The status bar's tooltip text, without VS Code: the profile the plan is checked with and
// why, in-progress and optional tasks beside the headline, estimate columns only in a plan
// that estimates its work.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Outline, OutlineSection } from '../../../server/src/protocol';
import { noProgress } from '../../../server/src/engine/outline';
import { progressSummary } from '../../src/progressSummary';

const COUNTS = { errors: 0, warnings: 2, infos: 0, hints: 0, placeholders: 0 };
const progress = noProgress();

function outline(sections: Partial<OutlineSection>[], extra: Partial<Outline> = {}): Outline {
  const full = sections.map((s) => ({ ...progress, title: 'S', done: 0, total: 0, children: [], tasks: [], ...s }));
  return {
    ...progress,
    title: 'Tasks: Share',
    percent: 25,
    done: full.reduce((n, s) => n + s.done, 0),
    total: full.reduce((n, s) => n + s.total, 0),
    sections: full,
    ...extra,
  } as unknown as Outline;
}

test('a spec-kit task list: its profile and why, no estimate columns, in progress and optional apart', () => {
  const text = progressSummary(
    outline([{ title: 'Phase 1: Setup', done: 1, total: 4 }], {
      inProgress: 1,
      optionalDone: 0,
      optionalTotal: 2,
      profile: {
        id: 'spec-kit-tasks',
        title: 'spec-kit tasks',
        reason: 'its title is "Tasks: …" with **Input**: Design documents',
        schemaSource: 'the built-in spec-kit-tasks schema',
      },
    }),
    COUNTS,
    'F8',
  );
  assert.equal(
    text,
    '**Tasks: Share** — 1 of 4 checkboxes ticked, 25% · 1 in progress · optional 0/2\n\n' +
      'Checked as **spec-kit tasks**: its title is "Tasks: …" with \\*\\*Input\\*\\*: Design documents.\n\n' +
      '| Section | Done |\n|---|---:|\n| Phase 1: Setup | 1/4 |\n| **Total** | **1/4** |\n\n' +
      '$(error) 0 errors · $(warning) 2 warnings\n\nClick to show the Plan view.',
  );
});

test('a reference plan without any estimate yet still has the columns: its template asks for them', () => {
  const text = progressSummary(
    outline([{ title: 'Phase 1', done: 0, total: 2, unestimated: 2 }], {
      unestimated: 2,
      profile: { id: 'reference', title: 'reference template', reason: 'r', schemaSource: 's' },
    }),
    COUNTS,
    'F8',
  );
  assert.match(text, /\| \*\*Total\*\* \| \*\*0\/2\*\* \| \*\*—\*\* \| \*\*—\*\* \| \*\*2\*\* \|/);
});

test('a plan with estimates keeps the estimate columns and the unestimated note', () => {
  const text = progressSummary(
    outline([{ title: 'Phase 1', done: 0, total: 2, estimateHours: 4, remainingHours: 4, unestimated: 1 }], {
      estimateHours: 4,
      remainingHours: 4,
      unestimated: 1,
    }),
    COUNTS,
    'F8',
  );
  assert.match(text, /\| Section \| Done \| Estimate \| Left \| No estimate \|/);
  assert.match(text, /\| Phase 1 \| 0\/2 \| 4h \| 4h \| 1 \|/);
  assert.match(text, /1 open task without an estimate is not in the hours left/);
});
