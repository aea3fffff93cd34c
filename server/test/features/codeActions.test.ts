import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver';
import { applyEdits } from '../../src/engine';
import { codeActions, FIX_ALL_KIND } from '../../src/features/codeActions';
import { fixAllEdits, fixAllText } from '../../src/engine';
import { toDiagnostic } from '../../src/lsp/diagnostics';
import { lines, planDoc, range, TODAY, URI } from './helpers';

const PLAN = lines(
  '# Login - Implementation Plan',
  '',
  '**Feature**: [FEATURE_NAME]',
  '**Created**: [DATE]',
  '**Status**: Doing',
  '',
  '## Phase 1: Build',
  '',
  '-[ ] **Task**: T001 Write the form',
  '- [ ] **Task**: T002 Wire it',
  '  - **Estimate**: 2h',
  '',
  '| Risk | Impact |',
  '|------|--------|',
  '| Slow | High | extra |',
  '',
);

const doc = planDoc(PLAN);
const diagnostics = doc.analysis.findings.map(toDiagnostic);
const askAll = (d: Diagnostic[], only?: string[]) =>
  codeActions(doc, { textDocument: { uri: URI }, range: range(0, 0, 0, 0), context: { diagnostics: d, only } });
/** The rules' own fixes; every finding also offers "Disable <rule> for this line" last (tested below). */
const ask = (d: Diagnostic[], only?: string[]) => askAll(d, only).filter((a) => !a.title.startsWith('Disable '));
const byRule = (rule: string) => diagnostics.filter((d) => d.code === rule);

describe('quick fixes', () => {
  test('every diagnostic also offers, last, a comment that disables its rule for the line', () => {
    for (const d of diagnostics) {
      const actions = askAll([d]);
      const last = actions[actions.length - 1];
      assert.match(last.title, new RegExp(`^Disable ${String(d.code)} for this (line|table)$`));
      assert.equal(last.isPreferred, false);
      const inserted = Object.values(last.edit!.changes!)[0][0].newText;
      assert.match(inserted, new RegExp(`<!-- planmark-(disable-next-line|disable) ${String(d.code)} -->`));
    }
  });

  test('a fixable diagnostic gets its fixes as quickfix actions, the preferred one marked', () => {
    const [checkbox] = byRule('malformed-checkbox');
    assert.deepEqual(ask([checkbox]), [
      {
        title: 'Change to "- [ ]"',
        kind: 'quickfix',
        diagnostics: [checkbox],
        isPreferred: true,
        edit: { changes: { [URI]: [{ range: range(8, 0, 8, 4), newText: '- [ ]' }] } },
      },
    ]);
  });

  test('Status offers one action per allowed value, none preferred', () => {
    const status = byRule('invalid-metadata').find((d) => d.message.startsWith('Status'))!;
    const actions = ask([status]);
    assert.deepEqual(
      actions.map((a) => [a.title, a.isPreferred, a.edit?.changes?.[URI][0].newText]),
      ['Planning', 'In Progress', 'In Review', 'Blocked', 'Complete', 'Cancelled'].map((s) => [
        `Set Status to ${s}`,
        false,
        s,
      ]),
    );
    assert.deepEqual(actions[0].edit?.changes?.[URI][0].range, range(4, 12, 4, 17));
  });

  test("placeholders: [DATE] to today, [FEATURE_NAME] to the title's feature", () => {
    const [feature, date] = byRule('unfilled-placeholder');
    assert.deepEqual(ask([feature])[0].edit, {
      changes: { [URI]: [{ range: range(2, 13, 2, 27), newText: 'Login' }] },
    });
    assert.deepEqual(ask([date])[0].edit, { changes: { [URI]: [{ range: range(3, 13, 3, 19), newText: TODAY }] } });
  });

  test('a row gets padded or trimmed to the header', () => {
    const [row] = byRule('table-cell-count');
    assert.deepEqual(ask([row])[0].edit, { changes: { [URI]: [{ range: range(14, 15, 14, 23), newText: '' }] } });
  });

  test('a stale diagnostic (from another version) or another source offers nothing', () => {
    const [checkbox] = byRule('malformed-checkbox');
    assert.deepEqual(ask([{ ...checkbox, range: range(7, 0, 7, 4) }]), []);
    assert.deepEqual(ask([{ ...checkbox, source: 'markdownlint' }]), []);
  });

  test('"only" filters by kind', () => {
    assert.deepEqual(ask(byRule('malformed-checkbox'), ['refactor']), []);
    assert.equal(ask(byRule('malformed-checkbox'), ['quickfix']).length, 1);
  });
});

describe('fix all', () => {
  const fixed = lines(
    '# Login - Implementation Plan',
    '',
    '**Feature**: Login',
    `**Created**: ${TODAY}`,
    '**Status**: Doing',
    '**Version**: 1.0.0',
    '',
    '## Phase 1: Build',
    '',
    '- [ ] **Task**: T001 Write the form',
    '- [ ] **Task**: T002 Wire it',
    '  - **Estimate**: 2h',
    '',
    '| Risk | Impact |',
    '|------|--------|',
    '| Slow | High |',
    '',
  );

  test('source.fixAll.planmark applies every safe fix in one edit, and only when asked for', () => {
    assert.equal(
      ask(diagnostics).some((a) => a.kind === FIX_ALL_KIND),
      false,
    );
    const [action] = ask([], ['source.fixAll']);
    assert.equal(action.kind, FIX_ALL_KIND);
    const edits = action.edit!.changes![URI];
    assert.equal(applyEdits(PLAN, doc.analysis.lines, edits), fixed);
  });

  test('what is not safe stays: a Status to choose, missing sections and fields, a task without File', () => {
    const after = planDoc(fixed);
    assert.deepEqual(fixAllEdits(after.analysis), []);
    assert.deepEqual([...new Set(after.analysis.findings.map((f) => f.rule))].sort(), [
      'invalid-metadata',
      'missing-section',
      'task-missing-field',
    ]);
  });

  test('fixAllText repeats until nothing is left and counts the fixes', () => {
    assert.deepEqual(fixAllText(doc.engine, PLAN, TODAY), { text: fixed, fixed: 5 });
    assert.deepEqual(fixAllText(doc.engine, fixed, TODAY), { text: fixed, fixed: 0 });
  });

  test('a plan without fixable findings offers no fix-all action', () => {
    assert.deepEqual(
      codeActions(planDoc(fixed), {
        textDocument: { uri: URI },
        range: range(0, 0, 0, 0),
        context: { diagnostics: [], only: [FIX_ALL_KIND] },
      }),
      [],
    );
  });
});
