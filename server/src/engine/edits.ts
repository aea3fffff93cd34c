import type { TextEditData } from './findings';
import type { LineIndex } from './lineIndex';

/** Applies non-overlapping edits (any order) to a text. */
export function applyEdits(text: string, lines: LineIndex, edits: readonly TextEditData[]): string {
  const spans = edits
    .map((e) => ({ start: lines.offset(e.range.start), end: lines.offset(e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  let limit = Infinity;
  for (const s of spans) {
    if (s.end > limit) throw new Error('overlapping edits');
    out = out.slice(0, s.start) + s.newText + out.slice(s.end);
    limit = s.start;
  }
  return out;
}
