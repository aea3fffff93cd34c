import type { Span } from '../model';
import { sourceAtDepth, type RequiredSection } from '../template';
import type { Rule } from './rule';
import { contentEnd, eol, withEol } from './sections';

export const missingSection: Rule = {
  id: 'missing-section',
  description: 'A section the template requires (a top-level section, or a subsection of a present one) is absent.',
  defaultSeverity: 'error',
  check({ model, sectionLevels, facts }, report) {
    // A section the team added to its template after this plan was written is not asked of it.
    const predates = (r: RequiredSection) =>
      r.addedAt !== undefined && facts.planAdded !== undefined && facts.planAdded < r.addedAt;
    const text = model.text;
    const nl = eol(text);
    for (const level of sectionLevels()) {
      const anchor: Span = level.parent?.heading ?? model.title ?? { start: 0, end: lineEndOf(text, 0) };
      level.required.forEach((r, index) => {
        if (r.optional || level.present.has(r.key) || predates(r)) return;
        // Insert before the next required section that is present, else at the end of the parent.
        const next = level.required
          .slice(index + 1)
          .map((n) => level.present.get(n.key)?.[0])
          .find((s) => s !== undefined);
        const source = sourceAtDepth(
          r,
          next ? next.heading.depth : level.parent ? level.parent.heading.depth + 1 : r.depth,
        );
        let offset: number;
        let insert: string;
        if (next) {
          offset = next.start;
          insert = withEol(source, text);
        } else {
          offset = level.parent ? contentEnd(text, level.parent) : text.trimEnd().length;
          insert = nl + nl + withEol(withoutSeparator(source), text);
          if (level.parent && offset < level.parent.end) insert += nl;
        }
        const where = level.parent ? `in "${level.parent.heading.text}"` : 'in this plan';
        report({
          span: anchor,
          message: `Missing section ${heading(r)} ${where}; the template requires it.`,
          // A built-in schema has names, not text to insert: no fix rather than a bare heading.
          fixes: !r.source
            ? undefined
            : [
                {
                  title: `Insert ${heading(r)} from the template`,
                  edits: [{ span: { start: offset, end: offset }, newText: insert }],
                  preferred: true,
                },
              ],
        });
      });
    }
  },
};

function heading(r: RequiredSection): string {
  return `"${'#'.repeat(r.depth)} ${r.title}"`;
}

function lineEndOf(text: string, from: number): number {
  const m = /\r|\n/.exec(text.slice(from, from + 500));
  return m ? from + m.index : Math.min(text.length, from + 500);
}

/** A template section's source without the `---` that closes it in the template. */
function withoutSeparator(source: string): string {
  const lines = source.trimEnd().split(/\r?\n/);
  while (lines.length > 1 && /^\s*(?:-{3,}|\*{3,}|_{3,})?\s*$/.test(lines[lines.length - 1])) lines.pop();
  return lines.join('\n');
}
