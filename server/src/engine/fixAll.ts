import { applyEdits } from './edits';
import type { Analysis, AnalyzeOptions, PlanEngine } from './engine';
import type { Finding, FixData, TextEditData } from './findings';
import { PieceCache } from './pieceCache';

// "Fix all" (`source.fixAll.planmark`, `planmark check --fix`): the fixes that
// are safe to apply without looking, all at once. Which fixes are safe is each
// rule's call, made where it builds the fix (`safe: true`, see FixData): safe
// means it corrects what is certainly wrong, loses nothing the author wrote and
// inserts no placeholder. Nothing here knows a rule by name.

/** The safe fixes of an analysis that can go together (no two touch the same text), with their findings. */
export function fixAllChoices(analysis: Analysis): Array<{ finding: Finding; fix: FixData }> {
  const { lines } = analysis;
  const accepted: Array<{ start: number; end: number }> = [];
  const chosen: Array<{ finding: Finding; fix: FixData }> = [];
  for (const finding of analysis.findings) {
    const fix = finding.fixes?.find((f) => f.safe === true);
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
  options: string | AnalyzeOptions = {},
  passes = 10,
): { text: string; fixed: number } {
  let fixed = 0;
  // Each pass re-parses only the pieces the last one changed.
  const cache = new PieceCache();
  let settings: AnalyzeOptions = { ...(typeof options === 'string' ? { today: options } : options), cache };
  for (let i = 0; i < passes; i++) {
    const analysis = engine.analyze(text, settings);
    // Every pass checks with the profile of the first: a fix must not change the rules.
    if (analysis.profile) settings = { ...settings, profile: analysis.profile };
    const edits = fixAllEdits(analysis);
    if (edits.length === 0) break;
    text = applyEdits(text, analysis.lines, edits);
    fixed += edits.length;
  }
  return { text, fixed };
}
