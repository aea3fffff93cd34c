// Fix-all never damages a file (issue 8): inserted text ends its own line with the file's
// line ending, nothing is glued in front of existing content, and no placeholder is inserted.
// Which fixes are safe is each rule's call (`safe` on the fix): fix-all knows no rule by name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PlanEngine, fixAllChoices, fixAllEdits, fixAllText } from '../../src/engine';
import { TEMPLATE_TEXT } from './helpers';

const engine = new PlanEngine(TEMPLATE_TEXT);
const TODAY = '2026-11-24';
const fixAll = (text: string) => fixAllText(engine, text, TODAY).text;

for (const [name, nl] of [
  ['LF', '\n'],
  ['CRLF', '\r\n'],
] as const) {
  test(`regression: fix-all on a plan without an H1 puts the metadata on lines of its own (${name})`, () => {
    const text = ['## Plan', '', '- [ ] Ship it', ''].join(nl);
    // Was: "…**Version**: 1.0.0## Plan": the heading glued to the inserted text stopped being one.
    assert.equal(
      fixAll(text),
      [
        '**Created**: 2026-11-24',
        '**Status**: Planning',
        '**Version**: 1.0.0',
        '',
        '## Plan',
        '',
        '- [ ] Ship it',
        '',
      ].join(nl),
    );
  });
}

test('regression: fix-all inserts no placeholder: Feature comes from the title', () => {
  const text = '# Login - Implementation Plan\n\n## Executive Summary\n';
  // Was: "**Feature**: [FEATURE_NAME]" (and "**Created**: [DATE]"), left for a later pass to fill in.
  for (const edit of fixAllEdits(engine.analyze(text, { today: TODAY })))
    assert.doesNotMatch(edit.newText, /\[[A-Z_]+\]/, 'a placeholder inserted');
  assert.equal(
    fixAll(text),
    '# Login - Implementation Plan\n\n**Feature**: Login\n**Created**: 2026-11-24\n**Status**: Planning\n**Version**: 1.0.0\n\n## Executive Summary\n',
  );
});

test('regression: fix-all leaves Feature to the author when the title does not name it', () => {
  const text = '# Roadmap\n\n**Status**: Planning\n\n## Executive Summary\n';
  const fixed = fixAll(text);
  assert.equal(
    fixed,
    '# Roadmap\n\n**Status**: Planning\n**Created**: 2026-11-24\n**Version**: 1.0.0\n\n## Executive Summary\n',
  );
  assert.doesNotMatch(fixed, /\[[A-Z_]+\]/);
  // The quick fix with the template's text stays on offer, chosen by hand.
  const finding = engine.analyze(fixed, { today: TODAY }).findings.find((f) => f.rule === 'invalid-metadata');
  assert.equal(finding?.message, 'Metadata lacks Feature.');
  assert.deepEqual(
    finding?.fixes?.map((f) => [f.title, f.safe ?? false, f.edits[0].newText]),
    [['Add Feature from the template', false, '\n**Feature**: [FEATURE_NAME]']],
  );
});

test('fix-all keeps front matter first and separates inserted text from the next line', () => {
  assert.equal(
    fixAll('---\ntitle: x\n---\n## Plan\n'),
    '---\ntitle: x\n---\n**Created**: 2026-11-24\n**Status**: Planning\n**Version**: 1.0.0\n\n## Plan\n',
  );
  // Text right under the title would otherwise continue the inserted paragraph.
  assert.equal(
    fixAll('# Login - Implementation Plan\nSome words.\n'),
    '# Login - Implementation Plan\n\n**Feature**: Login\n**Created**: 2026-11-24\n**Status**: Planning\n**Version**: 1.0.0\n\nSome words.\n',
  );
});

test('added fields follow the last field: its bullet, its line ending, after its whole line', () => {
  const text = '# Login - Implementation Plan\r\n\r\n- **Feature**: Login\r\n- **Status**: Planning   \r\n\r\n## X\r\n';
  assert.equal(
    fixAll(text),
    '# Login - Implementation Plan\r\n\r\n- **Feature**: Login\r\n- **Status**: Planning   \r\n- **Created**: 2026-11-24\r\n- **Version**: 1.0.0\r\n\r\n## X\r\n',
  );
});

test('fix-all applies exactly the fixes their rules mark safe', () => {
  const text = [
    '# Login - Implementation Plan',
    '',
    '**Feature**: Login',
    '**Created**: 2026-13-45',
    '**Status**: Doing',
    '**Version**: 1.0.0',
    '',
    '## Milestones',
    '- M1 on [Date]',
    '- [v] done',
    '',
    '| A | B |',
    '|---|---|',
    '| 1 |',
  ].join('\n');
  const analysis = engine.analyze(text, { today: TODAY });
  const chosen = fixAllChoices(analysis).map((c) => `${c.finding.rule}: ${c.fix.title}`);
  assert.deepEqual(chosen, ['malformed-checkbox: Change to "- [x]"', 'table-cell-count: Add 1 empty cell(s)']);
  // Offered, preferred even, but not safe: a wrong date's replacement and a milestone's date are the author's call.
  const offered = analysis.findings
    .flatMap((f) => (f.fixes ?? []).filter((x) => x.preferred && !x.safe))
    .map((x) => x.title);
  assert.ok(offered.includes('Set Created to today (2026-11-24)'), offered.join('; '));
  assert.ok(offered.includes('Replace [Date] with today (2026-11-24)'), offered.join('; '));
});

test('regression: fix-all leaves a checkbox-like setext heading alone (headings stay headings)', () => {
  // Found by the fix-all property: `[ ] bare task` over `---` is a heading; "fixing" it into a
  // task turned the `---` into a thematic break and the heading disappeared.
  const text =
    '# Login - Implementation Plan\n\n**Feature**: Login\n**Created**: 2026-11-24\n**Status**: Planning\n**Version**: 1.0.0\n\n[ ] bare task\n---\n';
  assert.equal(fixAll(text), text);
  const finding = engine.analyze(text, { today: TODAY }).findings.find((f) => f.rule === 'malformed-checkbox');
  assert.equal(finding?.fixes?.[0].safe, undefined, 'offered as a quick fix, not applied by fix-all');
});
