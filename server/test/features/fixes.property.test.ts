// Property (fast-check): on generated plans and on the corpus, applying any offered
// fix removes that finding, adds no error, and leaves the text outside its edits
// byte for byte; fix-all does the same for all its fixes at once.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { applyEdits, PlanEngine, type Finding, type FixData } from '../../src/engine';
import { fixAllEdits, fixAllText } from '../../src/engine';
import { CORPUS, TEMPLATE_TEXT } from '../engine/helpers';
import { TODAY } from './helpers';

const engine = new PlanEngine(TEMPLATE_TEXT);
const analyze = (text: string) => engine.analyze(text, { today: TODAY });
const key = (f: Finding) => `${f.rule} ${f.range.start.line}:${f.range.start.character} ${f.message}`;
const errors = (fs: Finding[]) => fs.filter((f) => f.severity === 'error').length;

/** Pieces plans are made of, fixable mistakes included. */
const line = fc.oneof(
  fc.constantFrom(
    '## Executive Summary',
    '## Phase 1: Foundation & Contracts',
    '## Phase 0: Research & Analysis',
    '## Risks & Mitigation',
    '### Feature Overview',
    '### 1.1 Data Model Design',
    '**Status**: Doing',
    '**Created**: [DATE]',
    '**Created**: 2026-02-30',
    '**Feature**: [FEATURE_NAME]',
    '- [ ] **Task**: T001 Build it',
    '- [x] **Task**: T002 Test it',
    '  - **Estimate**: 2h',
    '  - **File**: `src/a.ts`',
    '  - **Dependencies**: T001',
    '-[ ] sloppy task',
    '- [v] done task',
    '[ ] bare task',
    '| Risk | Impact | Probability |',
    '|------|--------|-------------|',
    '| Slow | Huge | Low | extra |',
    '| Slow |',
    '---',
    '',
    'Milestone on [Date] by [Name]',
  ),
  fc.string({ maxLength: 20 }).map((s) => s.replace(/[\r\n]/g, ' ')),
);
const plan = fc
  .tuple(
    fc.constantFrom('# Login - Implementation Plan', '# [FEATURE_NAME] - Implementation Plan', '# Plan'),
    fc.array(line, { maxLength: 30 }),
    fc.constantFrom('\n', '\r\n'),
  )
  .map(([title, body, nl]) => [title, '', ...body].join(nl));

function checkFix(text: string, finding: Finding, fix: FixData, before: ReturnType<typeof analyze>): void {
  const after = applyEdits(text, before.lines, fix.edits);
  const offsets = fix.edits
    .map((e) => [before.lines.offset(e.range.start), before.lines.offset(e.range.end)])
    .sort((a, b) => a[0] - b[0]);
  assert.equal(
    after.slice(0, offsets[0][0]),
    text.slice(0, offsets[0][0]),
    `${fix.title}: text before the edit changed`,
  );
  const tail = text.length - offsets[offsets.length - 1][1];
  assert.equal(
    after.slice(after.length - tail),
    text.slice(text.length - tail),
    `${fix.title}: text after the edit changed`,
  );
  const result = analyze(after).findings;
  const count = (fs: Finding[]) => fs.filter((f) => key(f) === key(finding)).length;
  // A rating or metadata value replaced by another rating/status may still be reported elsewhere with the same words.
  // With a duplicate section, moving the first copy lets the second take its place (and its finding).
  const duplicates = finding.rule === 'section-order' && before.findings.some((f) => f.rule === 'duplicate-section');
  if (finding.rule !== 'invalid-rating' && !duplicates)
    assert.ok(count(result) < count(before.findings), `${fix.title} did not remove ${key(finding)}\n${text}`);
  assert.ok(
    errors(result) <= errors(before.findings),
    `${fix.title} added an error: ${result
      .filter((f) => f.severity === 'error')
      .map(key)
      .join('; ')}\n${text}`,
  );
}

function checkAll(text: string, eachFix = true): void {
  const before = analyze(text);
  if (eachFix)
    for (const finding of before.findings) for (const fix of finding.fixes ?? []) checkFix(text, finding, fix, before);
  // Fix-all: the edits apply together and add no error; repeated (as `check --fix` does) it converges.
  // (Each fix alone removes its finding, above; two together may not: a metadata field written as a
  // list item stops being metadata once a fixed checkbox next to it turns the list into a task list.)
  const edits = fixAllEdits(before);
  if (edits.length === 0) return;
  const after = analyze(applyEdits(text, before.lines, edits));
  assert.ok(errors(after.findings) <= errors(before.findings), `fix-all added an error\n${text}`);
  const settled = fixAllText(engine, text, TODAY);
  assert.deepEqual(fixAllEdits(analyze(settled.text)), [], `fix-all does not converge\n${text}`);
  assert.ok(errors(analyze(settled.text).findings) <= errors(before.findings));
}

test(
  'property: every offered fix on generated plans is minimal, removes its finding, adds no error',
  { timeout: 300_000 },
  () => {
    fc.assert(
      fc.property(plan, (text) => checkAll(text)),
      {
        numRuns: Number(process.env.FC_RUNS ?? 300),
        seed: Number(process.env.FC_SEED ?? 4242),
        includeErrorInReport: true,
      },
    );
  },
);

// Each fix on each corpus plan is already applied by server/test/engine/fixes.test.ts: here, fix-all.
test('property: fix-all on every corpus plan', { skip: !existsSync(CORPUS) && 'no corpus' }, () => {
  const corpus = readdirSync(CORPUS)
    .filter((n) => n.endsWith('.md'))
    .map((n) => readFileSync(join(CORPUS, n), 'utf8'));
  assert.ok(corpus.length > 0);
  for (const text of corpus) checkAll(text, false);
});

// Found by this property (seed 4242, run 250 of 300): headingKey backtracked exponentially on a
// setext heading full of `|` and `-`. Fixed in headings.ts; kept with a timeout so a relapse fails.
test(
  'engine: analyze returns on a heading, a headerless table delimiter, a setext-like underline',
  { timeout: 10_000 },
  () => {
    analyze('#PTN\n|------|--------|-------------|\n#Z~i\n_Pd7;\n---\n');
  },
);
