// Hostile input: the engine answers with what it can, never throws, never hangs.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { PieceCache, PlanEngine } from '../../src/engine';
import { TEMPLATE_TEXT } from './helpers';
import { HostileRunner } from './hostile';
import type { HostileSummary } from './hostileWorker';

const engine = new PlanEngine(TEMPLATE_TEXT);

const cases: Record<string, string> = {
  empty: '',
  'only whitespace': ' \n\t\n  \r\n',
  'binary garbage': String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
  'nested list bomb': '* '.repeat(8000) + 'a',
  'nested quote bomb': '> '.repeat(8000) + 'a',
  'unclosed brackets': '['.repeat(5000) + ' text ' + '[TODO '.repeat(3000),
  'unclosed code fence': '```\n' + '- [ ] [TODO]\n'.repeat(2000),
  'long line': '- [ ] **Task**: ' + 'x'.repeat(200_000),
  'many tables': '| a | b |\n|---|---|\n| 1 |\n'.repeat(3000),
};

// Inputs that once made a regular expression backtrack without end (found by the
// fix property test, and by reading every pattern after it). The worker's budget
// turns a relapse into a failure.
Object.assign(cases, {
  'setext heading full of pipes and dashes': '#PTN\n|------|--------|-------------|\n#Z~i\n_Pd7;\n---\n',
  'long heading of decorations': '## Title ' + '|-'.repeat(20000) + 'x\n',
  'field value with a long run of spaces': '- **File**: ' + ' '.repeat(100_000) + 'x\n',
  'estimate of many digit runs': '- [ ] **Task**: T\n  - **Estimate**: ' + '1111111111h'.repeat(40) + '!\n',
});

/** What each hostile text must give: a real oracle, not just "it returned". */
const expected: Record<string, Partial<HostileSummary> & { skippedBecause?: RegExp }> = {
  empty: { headings: 0, tasks: 0 },
  'only whitespace': { headings: 0, tasks: 0 },
  'binary garbage': { skippedBecause: /does not look like text/ },
  'nested list bomb': { skippedBecause: /nests lists or block quotes more than 64 deep/ },
  'nested quote bomb': { skippedBecause: /nests lists or block quotes more than 64 deep/ },
  'unclosed brackets': { headings: 0, tasks: 0 },
  'unclosed code fence': { headings: 0, tasks: 0, tables: 0 },
  'long line': { tasks: 1 },
  'many tables': { tables: 1 },
  'setext heading full of pipes and dashes': { headings: 1, tables: 0 },
  'long heading of decorations': { headings: 1 },
  'field value with a long run of spaces': { tasks: 0 },
  'estimate of many digit runs': { tasks: 1 },
};

// Each text is analyzed in a worker thread, killed when it runs past a generous
// wall-clock budget: a hang (a regular expression backtracking without end) fails
// instead of blocking the test's thread, where no timeout could interrupt it.
const hostile = new HostileRunner(120_000);
after(() => hostile.dispose());

for (const [name, text] of Object.entries(cases)) {
  test(`bad input: ${name}`, async () => {
    const { skippedBecause, ...want } = expected[name];
    const got = await hostile.analyze(name, text);
    assert.ok(got.piecesEqualWhole, 'the piecewise analysis equals the whole-document one');
    if (skippedBecause) assert.match(got.skipped ?? '', skippedBecause);
    else assert.equal(got.skipped, undefined);
    for (const [key, value] of Object.entries(want)) assert.equal(got[key as keyof HostileSummary], value, key);
  });
}

test('bad input: many tables give one finding per short row', async () => {
  assert.equal((await hostile.analyze('many tables', cases['many tables'])).rules['table-cell-count'], 3000);
});

test('bad input: the nesting bomb is refused with one information finding', () => {
  const { findings, skipped } = engine.analyze('* '.repeat(8000) + 'a');
  assert.match(skipped ?? '', /nests lists or block quotes more than 64 deep/);
  assert.deepEqual(
    findings.map((f) => [f.rule, f.severity]),
    [['validation-skipped', 'information']],
  );
});

test('bad input: a 5 MB plan is refused by maxFileSize, not parsed', () => {
  const big = TEMPLATE_TEXT.repeat(Math.ceil(5_000_000 / TEMPLATE_TEXT.length));
  const cache = new PieceCache();
  const { skipped, findings } = engine.analyze(big, { cache });
  assert.match(skipped ?? '', /over the maxFileSize setting/);
  assert.equal(findings.length, 1);
  assert.equal(cache.counters.parsed, 0, 'nothing was parsed');
});

test('headings: decorations are stripped, letters next to them are not', async () => {
  const { headingKey } = await import('../../src/engine/headings');
  assert.equal(headingKey('Backend 🚀'), 'backend');
  assert.equal(headingKey('Timeline & Milestones (Week 1) ✅'), 'timeline and milestones');
  assert.equal(headingKey('Risks — COMPLETE'), 'risks');
  assert.equal(headingKey('a-𝒳'), 'a 𝒳');
});

test('bad input: BOM, CRLF, tabs, CJK and emoji keep ranges on the right characters', () => {
  const text = [
    '\uFEFF# 計画 🚀 - Implementation Plan',
    '',
    '**Feature**: 計画 🚀',
    '',
    '## Executive Summary',
    '',
    // In code only what the template's own code holds counts: [ModelName] does, [DATE] (prose there) not.
    "\t[TODO] in tab-indented code is code; [ModelName] there is the template's, [DATE] not",
    '',
    '- [ ]\t😀 [TODO]\t說明 [DATE]',
    '',
  ].join('\r\n');
  const { findings, lines } = engine.analyze(text);
  const placeholders = findings.filter((f) => f.rule === 'unfilled-placeholder');
  assert.deepEqual(
    placeholders.map((f) => text.slice(lines.offset(f.range.start), lines.offset(f.range.end))),
    ['[ModelName]', '[TODO]', '[DATE]'],
  );
  // 😀 is a surrogate pair: two UTF-16 code units, as LSP counts.
  assert.deepEqual(placeholders[1].range, { start: { line: 8, character: 9 }, end: { line: 8, character: 15 } });
  // The BOM is a character of line 0: the title's range starts after it.
  const { model } = engine.analyze(text);
  assert.equal(lines.position(model!.title!.start).character, 1);
});

test('model(): the model analyze reads, and none where analyze skips the text', () => {
  const small = new PlanEngine(TEMPLATE_TEXT, { ...engine.config, maxFileSize: 64 });
  const plan = '# Plan\n\n- [x] Write it in src/a.ts\n';
  const cache = new PieceCache();
  assert.deepEqual(engine.model(plan, { cache }), engine.analyze(plan, { cache }).model);
  for (const [name, text] of Object.entries({ binary: 'a\u0000b', 'over maxFileSize': plan.repeat(3) })) {
    assert.ok(small.analyze(text).skipped, name);
    assert.equal(small.model(text), undefined, name);
  }
});
