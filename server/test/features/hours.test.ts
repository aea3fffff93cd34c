// One hours formatter for every surface (issue 9): 2.05 h used to read "2h" in the code
// lens, "2.0h" in the Plan view and "2.1h" in `planmark outline`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatHours } from '../../src/engine';
import { formatOutline } from '../../src/cli/outline';
import { codeLenses } from '../../src/features/codeLens';
import { hover } from '../../src/features/hover';
import { documentSymbols } from '../../src/features/symbols';
import { hours as clientHours, progressText } from '../../../client/src/format';
import { lines, planDoc, pos } from './helpers';

test('formatHours: whole hours bare, one decimal rounded half up, minutes under an hour', () => {
  const cases: Array<[number, string]> = [
    [0, '0h'],
    [2, '2h'],
    [2.05, '2.1h'],
    [2.04, '2h'],
    [57.5, '57.5h'],
    [40, '40h'],
    [0.5, '30m'],
    [0.25, '15m'],
    [0.999, '1h'],
    [1 / 3, '20m'],
  ];
  assert.deepEqual(
    cases.map(([h]) => [h, formatHours(h)]),
    cases,
  );
});

test('regression: 2.05 h reads "2.1h" in the code lens, hover, symbols, CLI outline and client views', () => {
  const doc = planDoc(
    lines(
      '# Login - Implementation Plan',
      '',
      '## Phase 1: Build',
      '',
      '- [ ] **Task**: T001 Write it',
      '  - **Estimate**: 2.05h',
    ),
  );
  assert.equal(codeLenses(doc)[0].command?.title, '0/1 done · 2.1h estimated · 2.1h left');
  assert.match((hover(doc, pos(2, 4))?.contents as { value: string }).value, /2\.1h estimated, 2\.1h left/);
  const task = documentSymbols(doc)[0].children?.[0];
  assert.match(task?.detail ?? '', /· 2\.1h$/);
  assert.match(formatOutline(doc.analysis.outline), /^ {2}Phase 1: Build {2}0\/1 · 2\.1h$/m);
  assert.equal(clientHours(2.05), '2.1h');
  assert.equal(progressText(doc.analysis.outline), '0/1 · 2.1h');
});
