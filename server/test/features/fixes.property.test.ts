// Property (fast-check): on generated plans and on the corpus, applying any offered
// fix removes that finding, adds no error, and leaves the text outside its edits
// byte for byte; fix-all does the same for all its fixes at once, and never damages a
// file (issue 8): every line outside the fixed ranges stays byte-identical and whole,
// headings stay headings, the BOM and line endings stay, no rule finds more than before.
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

/** Start offsets of each line (after a BOM on the first) and each line with its line break. */
function splitLines(text: string): Array<{ start: number; full: string }> {
  const out: Array<{ start: number; full: string }> = [];
  const re = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  for (let m = re.exec(text); m && m[0].length > 0; m = re.exec(text)) out.push({ start: m.index, full: m[0] });
  if (out[0] && text.startsWith('\uFEFF')) out[0] = { start: 1, full: out[0].full.slice(1) };
  return out;
}

const breaks = (text: string) => new Set(text.match(/\r\n|\r|\n/g) ?? []);
const perRule = (fs: Finding[]) =>
  fs.reduce((m, f) => m.set(f.rule, (m.get(f.rule) ?? 0) + 1), new Map<string, number>());

/** Fix-all's edits, applied once, damage nothing outside the ranges they fix. */
function checkFixAllKeeps(text: string, before: ReturnType<typeof analyze>): void {
  const edits = fixAllEdits(before).map((e) => ({
    start: before.lines.offset(e.range.start),
    end: before.lines.offset(e.range.end),
    newText: e.newText,
  }));
  if (edits.length === 0) return;
  const fixed = applyEdits(text, before.lines, fixAllEdits(before));
  const show = `\n--- before\n${text}\n--- after\n${fixed}`;
  for (const line of splitLines(text)) {
    const end = line.start + line.full.length;
    // An insertion at the very start of a line leaves the line to follow it, whole; any other edit in it fixes it.
    const touched = edits.some((e) =>
      e.start === e.end ? e.start > line.start && e.start < end : e.start < end && e.end > line.start,
    );
    if (touched) continue;
    const shift = edits
      .filter((e) => e.end <= line.start)
      .reduce((n, e) => n + e.newText.length - (e.end - e.start), 0);
    const at = line.start + shift;
    assert.equal(fixed.slice(at, at + line.full.length), line.full, `a line outside the fixes changed${show}`);
    assert.ok(
      at === (fixed.startsWith('\uFEFF') ? 1 : 0) || /[\r\n]/.test(fixed[at - 1]),
      `text was glued in front of "${line.full.trimEnd()}"${show}`,
    );
  }
  assert.equal(fixed.startsWith('\uFEFF'), text.startsWith('\uFEFF'), `the BOM changed${show}`);
  if (breaks(text).size > 0)
    for (const b of breaks(fixed)) assert.ok(breaks(text).has(b), `a new kind of line break${show}`);
  const after = analyze(fixed);
  assert.deepEqual(
    after.model?.headings.map((h) => h.depth),
    before.model?.headings.map((h) => h.depth),
    `headings changed${show}`,
  );
  // A fixed checkbox makes a task of its line, and what that task says is checked from then
  // on (`- **Dependencies**: T001` under it names an unknown task): those findings were hidden
  // by the broken checkbox, not made by the fix.
  const tasksBefore = new Set(before.model?.tasks.map((t) => t.text));
  const newTasks = (after.model?.tasks ?? []).filter((t) => !tasksBefore.has(t.text));
  const inNewTask = (f: Finding) => {
    const at = after.lines.offset(f.range.start);
    return newTasks.some((t) => t.start <= at && at < t.end);
  };
  const counts = perRule(after.findings.filter((f) => !inNewTask(f)));
  for (const [rule, n] of perRule(before.findings))
    assert.ok((counts.get(rule) ?? 0) <= n, `${rule}: ${counts.get(rule)} findings after fix-all, ${n} before${show}`);
  for (const rule of counts.keys()) assert.ok(perRule(before.findings).has(rule), `fix-all brought ${rule}${show}`);
}

function checkAll(text: string, eachFix = true): void {
  const before = analyze(text);
  if (eachFix)
    for (const finding of before.findings) for (const fix of finding.fixes ?? []) checkFix(text, finding, fix, before);
  // Fix-all: the edits apply together and add no error; repeated (as `check --fix` does) it converges.
  // (Each fix alone removes its finding, above; two together may not: a metadata field written as a
  // list item stops being metadata once a fixed checkbox next to it turns the list into a task list.)
  checkFixAllKeeps(text, before);
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

/** Plans fix-all must not damage: any title or none, a BOM, front matter, CRLF. */
const wrapped = fc
  .tuple(
    fc.constantFrom('', '\uFEFF'),
    fc.constantFrom('', '---\ntitle: x\n---\n', '+++\ntitle = "x"\n+++\n'),
    fc.constantFrom('# Login - Implementation Plan', '# Plan', '## Plan', 'Intro text', ''),
    fc.array(line, { maxLength: 20 }),
    fc.constantFrom('\n', '\r\n'),
  )
  .map(([bom, front, title, body, nl]) => bom + front.replace(/\n/g, nl) + [title, ...body].join(nl));

test('property: fix-all on generated plans never damages the file', { timeout: 300_000 }, () => {
  fc.assert(
    fc.property(wrapped, (text) => checkFixAllKeeps(text, analyze(text))),
    {
      numRuns: Number(process.env.FC_RUNS ?? 300),
      seed: Number(process.env.FC_SEED ?? 4242),
      includeErrorInReport: true,
    },
  );
});

// Each fix on each corpus plan is already applied by server/test/engine/fixes.test.ts: here, fix-all.
test(
  'property: fix-all on every corpus plan',
  { skip: !existsSync(CORPUS) && `no corpus at ${CORPUS}: skipped` },
  () => {
    const corpus = readdirSync(CORPUS)
      .filter((n) => n.endsWith('.md'))
      .map((n) => readFileSync(join(CORPUS, n), 'utf8'));
    assert.ok(corpus.length > 0);
    for (const text of corpus) checkAll(text, false);
  },
);

// Found by this property (seed 4242, run 250 of 300): headingKey backtracked exponentially on a
// setext heading full of `|` and `-`. Fixed in headings.ts; kept with a timeout so a relapse fails.
test(
  'engine: analyze returns on a heading, a headerless table delimiter, a setext-like underline',
  { timeout: 10_000 },
  () => {
    analyze('#PTN\n|------|--------|-------------|\n#Z~i\n_Pd7;\n---\n');
  },
);
