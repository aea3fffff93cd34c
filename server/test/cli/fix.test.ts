import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { run, workspace } from './helpers';

// `planmark check --fix` writes the same safe fixes as the editor's fix-all, then reports what is left.

const BROKEN = [
  '# Login - Implementation Plan',
  '',
  '**Feature**: [FEATURE_NAME]',
  '**Status**: Planning',
  '',
  '## Phase 1: Build',
  '',
  '-[ ] **Task**: Write the form',
  '',
].join('\r\n');

const rulesOf = (json: string) =>
  (JSON.parse(json) as Array<{ file: string; rule: string }>).filter((f) => f.file === 'plan.md').map((f) => f.rule);

test('check --fix: writes the safe fixes (keeping BOM and CRLF), says so on stderr, reports the rest', async () => {
  const ws = workspace({
    'plan.md': '\uFEFF' + BROKEN,
    // A title and one metadata field: the plan follows the reference template.
    'other-plan.md': '# Other - Implementation Plan\n\n**Status**: Planning\n',
  });
  try {
    const before = await run(['check', '--format', 'json', 'plan.md'], ws.dir);
    const rulesBefore = rulesOf(before.stdout);
    assert.ok(rulesBefore.includes('malformed-checkbox') && rulesBefore.includes('unfilled-placeholder'));

    const fixed = await run(['check', '--fix', '--format', 'json', '.'], ws.dir);
    assert.equal(fixed.code, 1, 'missing sections are still errors');
    // [FEATURE_NAME] filled, the checkbox, the missing fields added with their values (Created is today).
    assert.match(fixed.stderr, /^planmark: fixed 3 problems in plan\.md$/m);
    // One edit: the fields come with the title's feature name and today, never as placeholders to fill later.
    assert.match(fixed.stderr, /^planmark: fixed 1 problem in other-plan\.md$/m);
    assert.equal(
      readFileSync(join(ws.dir, 'other-plan.md'), 'utf8').replace(/\d{4}-\d{2}-\d{2}/, 'TODAY'),
      '# Other - Implementation Plan\n\n**Status**: Planning\n**Feature**: Other\n**Created**: TODAY\n**Version**: 1.0.0\n',
    );
    const text = readFileSync(join(ws.dir, 'plan.md'), 'utf8').replace(/\d{4}-\d{2}-\d{2}/, 'TODAY');
    assert.equal(
      text,
      '\uFEFF' +
        BROKEN.replace('[FEATURE_NAME]', 'Login')
          .replace('-[ ]', '- [ ]')
          .replace('**Status**: Planning', '**Status**: Planning\r\n**Created**: TODAY\r\n**Version**: 1.0.0'),
    );
    const rulesAfter = rulesOf(fixed.stdout);
    assert.ok(!rulesAfter.includes('malformed-checkbox'));

    const again = await run(['check', '--fix', 'plan.md'], ws.dir);
    assert.doesNotMatch(again.stderr, /fixed/, 'nothing left to fix');
  } finally {
    ws.cleanup();
  }
});
