// Issue 8's cases where parsing in pieces differed from one whole-document parse, and
// the cases wrong in both modes (front matter). Each states the expected result, which
// is the whole parse's, and that the piecewise analysis (model, findings, outline)
// equals the whole-document one.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PieceCache, PlanEngine } from '../../src/engine';
import { parsePlan } from '../../src/engine/parse';
import { assertPiecesEqualWhole } from './differential';
import { TEMPLATE_TEXT } from './helpers';

const engine = new PlanEngine(TEMPLATE_TEXT);

function model(text: string) {
  assertPiecesEqualWhole(engine, text, JSON.stringify(text));
  return parsePlan(text, { cache: new PieceCache() });
}

const taskTexts = (text: string) => model(text).tasks.map((t) => t.text);

test('pieces = whole: a task inside a CRLF HTML block is no task', () => {
  assert.deepEqual(taskTexts('# T\r\n<div>\r\n- [ ] hidden\r\n</div>\r\n'), []);
});

test('pieces = whole: YAML front matter closes only at `---`, not at `...`', () => {
  const m = model('---\ntitle: x\n...\n# In the YAML\n- [ ] in the YAML\n---\n# Plan\n');
  assert.equal(m.title?.text, 'Plan');
  assert.deepEqual(m.tasks, []);
  assert.deepEqual(m.frontMatter, {
    kind: 'yaml',
    value: 'title: x\n...\n# In the YAML\n- [ ] in the YAML',
    start: 0,
    end: 52,
  });
});

test('pieces = whole: TOML front matter closes only at `+++`', () => {
  const m = model('+++\ntitle = "x"\n---\n# In the TOML\n- [ ] in the TOML\n+++\n# Plan\n- [ ] real\n');
  assert.equal(m.title?.text, 'Plan');
  assert.deepEqual(
    m.tasks.map((t) => t.text),
    ['real'],
  );
  assert.equal(m.frontMatter?.kind, 'toml');
});

test('pieces = whole: front matter with CRLF, and a BOM before it, is read and its tasks are not counted', () => {
  const m = model('\uFEFF---\r\ntasks:\r\n- [ ] not a task\r\n---\r\n# Plan\r\n- [ ] real\r\n');
  assert.deepEqual(
    m.tasks.map((t) => t.text),
    ['real'],
  );
  assert.deepEqual(m.frontMatter, { kind: 'yaml', value: 'tasks:\r\n- [ ] not a task', start: 1, end: 35 });
});

test('pieces = whole: an unclosed `---` or `+++` on the first line is no front matter, and the lists stay', () => {
  for (const fence of ['---', '+++']) {
    const m = model(`${fence}\n# T\n- [ ] a\n- [ ] b\n`);
    assert.deepEqual(
      m.tasks.map((t) => t.text),
      ['a', 'b'],
      fence,
    );
    assert.equal(m.frontMatter, undefined);
    assert.equal(engine.analyze(`${fence}\n# T\n- [ ] a\n- [x] b\n`).outline.total, 2);
  }
});

test('pieces = whole: a reference link to a definition in another piece reads as its text in a task', () => {
  assert.deepEqual(taskTexts('# T\n- [ ] Configure [OAuth][oauth] provider\n- [ ] Ship\n\n[oauth]: https://x\n'), [
    'Configure OAuth provider',
    'Ship',
  ]);
});

test('pieces = whole: reference links in headings (section keys), task-block titles and table cells', () => {
  const m = model(
    [
      '# Plan',
      '## [OAuth][oauth] Setup',
      '- [ ] **Task 1.1**: Wire [OAuth][] in',
      '  - **Estimate**: 2h',
      '## Table',
      '| What | Where |',
      '|---|---|',
      '| [OAuth] | here |',
      '## Refs',
      '[oauth]: https://x',
      '',
    ].join('\n'),
  );
  assert.deepEqual(
    m.headings.map((h) => [h.text, h.key]),
    [
      ['Plan', 'plan'],
      ['OAuth Setup', 'oauth setup'],
      ['Table', 'table'],
      ['Refs', 'refs'],
    ],
  );
  assert.equal(m.blocks[0].title, '1.1 Wire OAuth in');
  assert.equal(m.tables[0].rows[0].cells[0].text, 'OAuth');
  assert.deepEqual(m.brackets, []);
});

test('pieces = whole: a footnote call is dropped from the task text', () => {
  assert.deepEqual(taskTexts('# T\n- [ ] Add caching[^1]\n- [ ] Ship\n\n[^1]: note\n'), ['Add caching', 'Ship']);
});

test('pieces = whole: a "Status: Bogus" item after a task in the same list is not metadata', () => {
  const m = model('# Login - Implementation Plan\n- [ ] Review this plan\n- **Status**: Bogus\n');
  assert.deepEqual(m.metadata, []);
  // A list with no task still gives its fields, across its pieces.
  assert.deepEqual(
    model('# Login - Implementation Plan\n- **Status**: Draft\n- **Owner**: Ana\n').metadata.map((f) => f.key),
    ['status', 'owner'],
  );
  // A list with another marker is another list.
  assert.deepEqual(
    model('# Login - Implementation Plan\n- [ ] Review\n* **Status**: Draft\n').metadata.map((f) => f.key),
    ['status'],
  );
});

test('pieces = whole: link labels are compared as micromark normalises them (ß, whitespace runs, no-break space)', () => {
  const ss = engine.analyze('# T\n- [ ] See [TODO ß] first\n- [ ] x\n\n[TODO ß]: https://x\n');
  assert.deepEqual(ss.model?.brackets, [], 'a link');
  assert.ok(!ss.findings.some((f) => f.rule === 'unfilled-placeholder'));
  assertPiecesEqualWhole(engine, '# T\n- [ ] See [TODO ß] first\n- [ ] x\n\n[todo SS]: https://x\n', 'case folding');
  assert.deepEqual(taskTexts('# T\n- [ ] See [TODO \t  x] first\n- [ ] y\n\n[todo x]: https://x\n'), [
    'See TODO \t  x first',
    'y',
  ]);
  // A no-break space is not whitespace to micromark: that label is not the definition's, the brackets stay text.
  const nbsp = model('# T\n- [ ] See [TODO\u00a0X] first\n- [ ] y\n\n[todo x]: https://x\n');
  assert.deepEqual(
    nbsp.brackets.map((b) => b.text),
    ['[TODO\u00a0X]'],
  );
});

test('pieces = whole: `- 2. [ ] task` after a paragraph is no task', () => {
  assert.deepEqual(taskTexts('Steps:\n- 2. [ ] task\n'), []);
  // After a blank line it is one.
  assert.deepEqual(taskTexts('Steps:\n\n- 2. [ ] task\n'), ['task']);
});

test('pieces = whole: `para / - - / | / -` has no setext heading', () => {
  assert.deepEqual(model('para\n- -\n|\n-\n').headings, []);
});

test('pieces = whole: an indented first line stays code when its piece is parsed after a footnote definition', () => {
  const m = model('    - [] task [^1]\n\n- [ ] x\n\n[^1]: note\n');
  assert.deepEqual(m.malformedCheckboxes, []);
  assert.deepEqual(
    m.tasks.map((t) => t.text),
    ['x'],
  );
});
