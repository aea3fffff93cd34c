// The piecewise engine against the whole-document reference (`wholeDocument: true`):
// plain-data projections of the model, the findings and the outline, for deep
// comparison. Used by the named regression cases, the incremental test and the fuzz test.
import assert from 'node:assert/strict';
import { PieceCache, type Analysis, type PlanEngine } from '../../src/engine';
import type { PlanModel } from '../../src/engine/model';

/** The model as plain data (no parent links), for deep comparison. */
export function modelShape(m: PlanModel) {
  const span = (s: { start: number; end: number }) => [s.start, s.end];
  return {
    frontMatter: m.frontMatter && [...span(m.frontMatter), m.frontMatter.kind, m.frontMatter.value],
    title: m.title && span(m.title),
    headings: m.headings.map((h) => [...span(h), h.depth, h.text, h.key, h.phase]),
    sections: flat(m.sections).map((s) => [...span(s), s.hasContent, s.children.length]),
    phases: m.phases.map((p) => span(p)),
    tasks: m.tasks.map((t) => [
      ...span(t),
      ...span(t.checkbox),
      t.checked,
      t.text,
      t.id,
      t.section && span(t.section),
      t.phase && span(t.phase),
      t.parent && span(t.parent),
    ]),
    blocks: m.blocks.map((b) => [b.title, ...span(b.titleSpan), b.fields.map((f) => [f.key, f.value, ...span(f)])]),
    tables: m.tables.map((t) => [...span(t), t.rows.map((r) => r.cells.map((c) => [c.text, ...span(c)]))]),
    brackets: m.brackets.map((b) => [...span(b), b.text, b.inCode]),
    malformed: m.malformedCheckboxes.map((c) => [...span(c), c.replacement]),
    metadata: m.metadata.map((f) => [f.key, f.value, ...span(f)]),
  };
}

function flat<T extends { children: T[] }>(xs: T[]): T[] {
  return xs.flatMap((x) => [x, ...flat(x.children)]);
}

/** What a user sees of an analysis: the model, the findings (with their fixes) and the outline. */
export function analysisShape(a: Analysis) {
  return { skipped: a.skipped, model: a.model && modelShape(a.model), findings: a.findings, outline: a.outline };
}

const TODAY = '2026-01-01';

/** Asserts that analyzing in pieces (with `cache`, warm or cold) equals the whole-document analysis. */
export function assertPiecesEqualWhole(engine: PlanEngine, text: string, name: string, cache = new PieceCache()): void {
  const whole = analysisShape(engine.analyze(text, { wholeDocument: true, today: TODAY }));
  const pieces = analysisShape(engine.analyze(text, { cache, today: TODAY }));
  assert.deepEqual(pieces, whole, `${name}: the piecewise analysis differs from the whole-document one`);
}
