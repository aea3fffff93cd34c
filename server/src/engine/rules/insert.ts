// Inserting whole lines into a plan without damaging it: inserted text always
// ends its own line, uses the document's line ending, and never goes in front
// of existing content on the same line (a fix that glued `**Version**: 1.0.0`
// to a plan's first heading turned that heading into paragraph text).
import { lineEnd } from '../lineIndex';
import type { PlanModel } from '../model';
import { eol } from './sections';

/** Offset just past the line break that ends the line holding `offset` (text.length on the last line). */
export function nextLineStart(text: string, offset: number): number {
  const end = lineEnd(text, offset);
  if (end === text.length) return end;
  return text.startsWith('\r\n', end) ? end + 2 : end + 1;
}

/**
 * Where a plan's own text starts: after a BOM and after its front matter (as the model
 * reads it: remark-frontmatter's rules, see frontMatter.ts), so that text inserted "at
 * the top" keeps the front matter first.
 */
export function documentStart(model: Pick<PlanModel, 'text' | 'frontMatter'>): number {
  if (model.frontMatter) return nextLineStart(model.text, model.frontMatter.end);
  return model.text.startsWith('\uFEFF') ? 1 : 0;
}

function isBlankLine(text: string, offset: number): boolean {
  return offset >= text.length || text.slice(offset, lineEnd(text, offset)).trim() === '';
}

/**
 * The edit that puts `lines` on lines of their own as a block of their own (a blank line
 * before and after, unless one is there): after the line holding `after`, or, without it,
 * at `at`, which must be the start of a line.
 */
export function insertBlock(
  text: string,
  lines: readonly string[],
  where: { after: number } | { at: number },
): { span: { start: number; end: number }; newText: string } {
  const nl = eol(text);
  const body = lines.join(nl);
  if ('after' in where) {
    const end = lineEnd(text, where.after);
    const next = nextLineStart(text, end);
    const gapAfter = end === text.length || isBlankLine(text, next) ? '' : nl;
    return { span: { start: end, end }, newText: nl + nl + body + gapAfter };
  }
  const gapAfter = where.at === text.length || isBlankLine(text, where.at) ? nl : nl + nl;
  return { span: { start: where.at, end: where.at }, newText: body + gapAfter };
}
