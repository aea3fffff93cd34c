import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root } from 'mdast';

// One processor for the process: building it costs more than a small parse.
// Front matter is recognised so that a YAML block's closing `---` does not turn
// the lines above it into a setext heading.
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']);

/** Container markers (`>`, `*`, `-`, `+`, `1.`) stacked on one line beyond this skip validation. */
export const MAX_NESTING = 64;

// micromark is quadratic in list nesting ("* * * … a" with 8,000 markers takes
// minutes) and recursive in block quotes (a stack overflow), so such lines are
// refused before parsing. No real plan nests anywhere near 64 deep.
const DEEP_NESTING = new RegExp(
  `^[ \\t]*(?:(?:>|[*+-](?=[ \\t])|\\d{1,9}[.)](?=[ \\t]))[ \\t]*){${MAX_NESTING + 1}}`,
  'm',
);

export class SkippedError extends Error {}

export function parseMarkdown(text: string): Root {
  const nested = DEEP_NESTING.exec(text);
  if (nested) {
    const line = text.slice(0, nested.index).split(/\r\n|\r|\n/).length;
    throw new SkippedError(
      `line ${line} nests lists or block quotes more than ${MAX_NESTING} deep, which Markdown parsers cannot handle in reasonable time`,
    );
  }
  try {
    return processor.parse(text);
  } catch (error) {
    if (error instanceof RangeError) throw new SkippedError('the document is nested too deeply to parse');
    throw error;
  }
}
