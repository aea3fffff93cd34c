import type { FoldingRange } from 'vscode-languageserver';
import { allSections, modelled, type PlanDocument } from './document';

// Folding: each section from its heading to its last non-blank line, and each
// task block spanning more than one line.

export function foldingRanges(doc: PlanDocument): FoldingRange[] {
  const m = modelled(doc);
  if (!m) return [];
  const { lines } = m.analysis;
  const text = m.model.text;
  const ranges: FoldingRange[] = [];
  const add = (start: number, end: number) => {
    let e = end;
    while (e > start && /\s/.test(text[e - 1])) e--;
    const startLine = lines.position(start).line;
    const endLine = lines.position(e).line;
    if (endLine > startLine) ranges.push({ startLine, endLine });
  };
  for (const s of allSections(m.model.sections)) add(s.start, s.end);
  for (const t of m.model.tasks) if (t.block) add(t.start, t.end);
  return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
