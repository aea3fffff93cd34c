import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseEstimate } from '../../src/engine/estimate';

const opts = { hoursPerDay: 8, daysPerWeek: 5 };

test('estimates that are durations', () => {
  const cases: Array<[string, number]> = [
    ['4h', 4],
    ['4 hours', 4],
    ['1 hour', 1],
    ['1.5d', 12],
    ['2 days', 16],
    ['30m', 0.5],
    ['90 min', 1.5],
    ['1w', 40],
    ['2-3 hours', 2.5],
    ['2–3h', 2.5],
    ['~4h', 4],
    ['1d 4h', 12],
    ['4h (with review)', 4],
    ['`3h`', 3],
    ['**2 days**', 16],
    ['1,5 d', 12],
  ];
  for (const [text, hours] of cases) assert.equal(parseEstimate(text, opts), hours, text);
});

test('estimates that are not', () => {
  for (const text of ['Small', '3', '5 points', 'TBD', '[hours]', 'soon', '', '4 parsecs']) {
    assert.equal(parseEstimate(text, opts), undefined, text);
  }
});

test('hours per day is configurable', () => {
  assert.equal(parseEstimate('2d', { hoursPerDay: 6, daysPerWeek: 5 }), 12);
});
