// Inline suppression comments: what they silence, what is reported about them, and the
// quick fix that inserts one (keeping the line ending, inside a list item, around a table).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, PlanEngine, suppressionFix } from '../../src/engine';
import { TEMPLATE_TEXT } from './helpers';

const engine = new PlanEngine(TEMPLATE_TEXT);
const plan = (eol: string, ...body: string[]) =>
  ['# Login - Implementation Plan', '', '**Status**: In Progress', '', '## Phase 1: Build', '', ...body].join(eol);
const rules = (text: string) => engine.analyze(text, { today: '2026-11-24' }).findings.map((f) => f.rule);

test('the quick fix inserts a disable-next-line comment with the line ending and indentation, and it silences the finding', () => {
  for (const eol of ['\n', '\r\n']) {
    const text = plan(eol, '- [ ] **Task**: Write it', '  - **Estimate**: [hours]', '  - **File**: `a.ts`', '');
    const analysis = engine.analyze(text);
    const finding = analysis.findings.find((f) => f.rule === 'unfilled-placeholder')!;
    const fix = suppressionFix(text, analysis.lines, finding, analysis.model!.tables)!;
    assert.equal(fix.title, 'Disable unfilled-placeholder for this line');
    const fixed = applyEdits(text, analysis.lines, fix.edits);
    assert.ok(fixed.includes(`${eol}  <!-- planmark-disable-next-line unfilled-placeholder -->${eol}  - **Estimate**`));
    assert.ok(!fixed.replace(/\r\n/g, '').includes('\n') || eol === '\n', 'no bare LF in a CRLF file');
    assert.ok(!rules(fixed).includes('unfilled-placeholder'));
    assert.ok(!rules(fixed).includes('unused-suppression'));
    assert.equal(engine.analyze(fixed).outline.total, 1, 'the task is still one task');
  }
});

test('in a table the comments go around the table, which stays a table', () => {
  const text = plan('\n', '- [ ] Task', '', '| Risk | Impact |', '|------|--------|', '| [Risk 1] | High |', '');
  const analysis = engine.analyze(text);
  const finding = analysis.findings.find((f) => f.rule === 'unfilled-placeholder')!;
  const fix = suppressionFix(text, analysis.lines, finding, analysis.model!.tables)!;
  assert.equal(fix.title, 'Disable unfilled-placeholder for this table');
  const fixed = applyEdits(text, analysis.lines, fix.edits);
  assert.match(
    fixed,
    /<!-- planmark-disable unfilled-placeholder -->\n\| Risk[\s\S]*\| \[Risk 1\] \| High \|\n<!-- planmark-enable unfilled-placeholder -->/,
  );
  assert.ok(!rules(fixed).includes('unfilled-placeholder'));
  assert.equal(engine.analyze(fixed).model!.tables.length, 1);
});

test('disable-file silences a rule everywhere; without ids every rule; the finding comes back without it', () => {
  const body = ['- [ ] **Task**: Write [ServiceName]', '  - **Estimate**: [hours]', ''];
  assert.ok(rules(plan('\n', ...body)).includes('unfilled-placeholder'));
  assert.ok(
    !rules(plan('\n', ...body, '<!-- planmark-disable-file unfilled-placeholder -->')).includes('unfilled-placeholder'),
  );
  const all = rules(plan('\n', '<!-- planmark-disable-file -->', ...body));
  assert.deepEqual(all, []);
});
