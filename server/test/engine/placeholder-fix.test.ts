// unfilled-placeholder offers a fix only where the plan says what belongs there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PlanEngine } from '../../src/engine';
import { lines, TEMPLATE_TEXT } from './helpers';

const engine = new PlanEngine(TEMPLATE_TEXT);
const fixesOf = (text: string) =>
  engine
    .analyze(text, { today: '2026-11-24' })
    .findings.filter((f) => f.rule === 'unfilled-placeholder')
    .map((f) => ({ at: `${f.range.start.line}:${f.range.start.character}-${f.range.end.character}`, fixes: f.fixes }));

test("[DATE] and [Date] become today; [FEATURE_NAME] the title's feature; others get no fix", () => {
  const text = lines(
    '# Login - Implementation Plan',
    '',
    '**Feature**: [FEATURE_NAME]',
    '**Created**: [DATE]',
    '- M1 - [Date] by [Name]',
    '- [date] stays',
  );
  assert.deepEqual(fixesOf(text), [
    {
      at: '2:13-27',
      fixes: [
        {
          title: 'Replace [FEATURE_NAME] with the feature name "Login"',
          preferred: true,
          safe: true,
          edits: [{ range: { start: { line: 2, character: 13 }, end: { line: 2, character: 27 } }, newText: 'Login' }],
        },
      ],
    },
    {
      at: '3:13-19',
      fixes: [
        {
          title: 'Replace [DATE] with today (2026-11-24)',
          preferred: true,
          safe: true,
          edits: [
            { range: { start: { line: 3, character: 13 }, end: { line: 3, character: 19 } }, newText: '2026-11-24' },
          ],
        },
      ],
    },
    {
      at: '4:7-13',
      fixes: [
        {
          // A milestone's [Date] is not certainly today: offered, but not safe for fix-all.
          title: 'Replace [Date] with today (2026-11-24)',
          preferred: true,
          edits: [
            { range: { start: { line: 4, character: 7 }, end: { line: 4, character: 13 } }, newText: '2026-11-24' },
          ],
        },
      ],
    },
    { at: '4:17-23', fixes: undefined },
    // The timeline's start and end dates are not today.
    { at: '5:2-8', fixes: undefined },
  ]);
});

test('[FEATURE_NAME] in the title takes the Feature field; with neither filled in there is no fix', () => {
  const named = lines('# [FEATURE_NAME] - Implementation Plan', '', '**Feature**: `Checkout`');
  assert.equal(fixesOf(named)[0].fixes?.[0].edits[0].newText, 'Checkout');
  const unnamed = lines('# [FEATURE_NAME] - Implementation Plan', '', '**Feature**: [FEATURE_NAME]');
  assert.deepEqual(
    fixesOf(unnamed).map((f) => f.fixes),
    [undefined, undefined],
  );
});

test("task-missing-field inserts the template's placeholder text, not one of its example paths", () => {
  const text = lines(
    '# Login - Implementation Plan',
    '',
    '## Phase 1: Build',
    '',
    '- [ ] **Task**: Write it',
    '  - **Dependencies**: None',
  );
  const finding = engine.analyze(text).findings.find((f) => f.rule === 'task-missing-field');
  assert.deepEqual(finding?.fixes?.[0].edits, [
    {
      range: { start: { line: 5, character: 26 }, end: { line: 5, character: 26 } },
      newText: '\n  - **File**: [list files]\n  - **Estimate**: [hours]',
    },
  ]);
});

test('with several [FEATURE_NAME], each also offers one fix that fills them all from the title', () => {
  const text = lines(
    '# Login - Implementation Plan',
    '',
    '**Feature**: [FEATURE_NAME]',
    '',
    '## [FEATURE_NAME] rollout',
    '- [ ] Ship [FEATURE_NAME]',
  );
  const found = fixesOf(text);
  assert.equal(found.length, 3);
  for (const { fixes } of found) {
    assert.equal(fixes?.length, 2);
    const all = fixes[1];
    assert.equal(all.title, 'Replace all 3 [FEATURE_NAME] with "Login"');
    assert.equal(all.preferred, false, 'fix-all applies the one-at-a-time fix, not this one three times');
    assert.deepEqual(
      all.edits.map((e) => [e.range.start.line, e.range.start.character, e.newText]),
      [
        [2, 13, 'Login'],
        [4, 3, 'Login'],
        [5, 11, 'Login'],
      ],
    );
  }
});
