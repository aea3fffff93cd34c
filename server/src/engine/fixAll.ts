import { applyEdits } from './edits';
import type { Analysis, PlanEngine } from './engine';
import type { Finding, FixData, TextEditData } from './findings';
import { PieceCache } from './pieceCache';

// "Fix all" (`source.fixAll.planmark`, `planmark check --fix`): the fixes that
// are safe to apply without looking, all at once. Safe means the fix corrects
// what is certainly wrong and loses nothing the author wrote:
//
// - malformed-checkbox and table-cell-count: their one fix;
// - invalid-metadata: adding the missing fields (replacing a value the author
//   wrote — a wrong date, a Feature that disagrees with the title — is left to them);
// - unfilled-placeholder: [FEATURE_NAME] from the title, and [DATE] (the
//   template's Created date) as today; a milestone's [Date] is not today.
//
// Scaffolding (missing-section, task-missing-field) and moving sections
// (section-order) change the plan's shape: they stay quick fixes, chosen one by one.

const ALWAYS_SAFE = new Set(['malformed-checkbox', 'table-cell-count']);

export function isSafeFix(finding: Finding, fix: FixData, text: (f: Finding) => string): boolean {
  if (!fix.preferred) return false;
  if (ALWAYS_SAFE.has(finding.rule)) return true;
  if (finding.rule === 'invalid-metadata')
    return fix.edits.every(
      (e) => e.range.start.line === e.range.end.line && e.range.start.character === e.range.end.character,
    );
  if (finding.rule === 'unfilled-placeholder') return ['[FEATURE_NAME]', '[DATE]'].includes(text(finding));
  return false;
}

/** The safe fixes of an analysis that can go together (no two touch the same text), with their findings. */
export function fixAllChoices(analysis: Analysis): Array<{ finding: Finding; fix: FixData }> {
  const { lines, text } = analysis;
  const accepted: Array<{ start: number; end: number }> = [];
  const chosen: Array<{ finding: Finding; fix: FixData }> = [];
  const slice = (f: Finding) => text.slice(lines.offset(f.range.start), lines.offset(f.range.end));
  for (const finding of analysis.findings) {
    const fix = finding.fixes?.find((f) => isSafeFix(finding, f, slice));
    if (!fix) continue;
    const spans = fix.edits.map((edit) => ({
      start: lines.offset(edit.range.start),
      end: lines.offset(edit.range.end),
    }));
    // Two fixes touching the same text (or inserting at the same point) would fight: the first wins, the next pass gets the other.
    if (spans.some((s) => accepted.some((a) => overlaps(s, a)))) continue;
    accepted.push(...spans);
    chosen.push({ finding, fix });
  }
  return chosen;
}

/** The safe fixes of an analysis as one set of non-overlapping edits, in document order. */
export function fixAllEdits(analysis: Analysis): TextEditData[] {
  const { lines } = analysis;
  return fixAllChoices(analysis)
    .flatMap((c) => c.fix.edits)
    .sort((a, b) => lines.offset(a.range.start) - lines.offset(b.range.start));
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  if (a.start === b.start) return true;
  return a.start < b.end && b.start < a.end;
}

/** Applies safe fixes until none is left (at most `passes` rounds): what `planmark check --fix` writes. */
export function fixAllText(
  engine: PlanEngine,
  text: string,
  today?: string,
  passes = 10,
): { text: string; fixed: number } {
  let fixed = 0;
  // Each pass re-parses only the pieces the last one changed.
  const cache = new PieceCache();
  for (let i = 0; i < passes; i++) {
    const analysis = engine.analyze(text, { today, cache });
    const edits = fixAllEdits(analysis);
    if (edits.length === 0) break;
    text = applyEdits(text, analysis.lines, edits);
    fixed += edits.length;
  }
  return { text, fixed };
}
