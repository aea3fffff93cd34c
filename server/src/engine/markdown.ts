import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { Nodes, Root } from 'mdast';
import { PieceCache, type ParsedPiece, type Split } from './pieceCache';

// One processor for the process: building it costs more than a small parse.
// Front matter is recognised so that a YAML block's closing `---` does not turn
// the lines above it into a setext heading.
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']);

/** Container markers (`>`, `*`, `-`, `+`, `1.`) stacked on one line beyond this skip validation. */
const MAX_NESTING = 64;

// micromark is quadratic in list nesting ("* * * … a" with 8,000 markers takes
// minutes) and recursive in block quotes (a stack overflow), so such lines are
// refused before parsing. No real plan nests anywhere near 64 deep.
const DEEP_NESTING = new RegExp(
  `^[ \\t]*(?:(?:>|[*+-](?=[ \\t])|\\d{1,9}[.)](?=[ \\t]))[ \\t]*){${MAX_NESTING + 1}}`,
  'm',
);

export class SkippedError extends Error {}

/** A piece of the document parsed on its own; its node offsets count from `offset`. */
export interface Chunk {
  offset: number;
  root: Root;
}

// Incremental parsing. A line starting with an ATX heading at column 0 ends every
// open block (lists, quotes, tables, paragraphs) except fenced code and HTML blocks,
// so the document is split before such lines (and before each column-0 bullet
// item, see BULLET_ITEM) and each piece parsed on its own.
// Pieces are cached by their text in the caller's PieceCache: an edit re-parses
// only the piece it is in.
// A piece that ends inside an unclosed fence or HTML block is joined to the next.
// Link definitions are the one thing that crosses pieces; the model resolves
// them document-wide (see brackets.ts).

/** `whole`: parse the document in one piece (the reference the pieces must equal). */
export function parseMarkdown(text: string, cache: PieceCache, whole = false): Chunk[] {
  const nested = DEEP_NESTING.exec(text);
  if (nested) {
    const line = text.slice(0, nested.index).split(/\r\n|\r|\n/).length;
    throw new SkippedError(
      `line ${line} nests lists or block quotes more than ${MAX_NESTING} deep, which Markdown parsers cannot handle in reasonable time`,
    );
  }
  if (whole) return [{ offset: 0, root: parseCached(text, cache) }];
  const { starts, pieces } = split(text, cache);
  const boundary = (j: number) => (j < starts.length ? starts[j] : text.length);
  const chunks: Chunk[] = [];
  for (let i = 0; i < starts.length;) {
    const from = starts[i];
    let j = i + 1;
    let root = parseCached(pieces[i], cache);
    // Join following pieces, twice as many each time, so that a stray `<!--` at
    // the top costs O(n log n) parses of text, not O(n²).
    for (let step = 1; boundary(j) < text.length && endsOpen(root, text.slice(from, boundary(j))); step *= 2) {
      j = Math.min(j + step, starts.length);
      root = parseCached(text.slice(from, boundary(j)), cache);
    }
    chunks.push({ offset: from, root });
    i = j;
  }
  return chunks;
}

/** The pieces of `text` that `cache` does not hold (offset and length): what parsing it now would cost. */
export function unparsedPieces(text: string, cache: PieceCache): { offset: number; length: number }[] {
  const { starts, pieces } = split(text, cache);
  return pieces.flatMap((piece, i) => (cache.has(piece) ? [] : [{ offset: starts[i], length: piece.length }]));
}

/** Parses `text` as parseMarkdown does and returns every piece it parsed, so that another thread can cache them. */
export function parsePieces(text: string): ParsedPiece[] {
  const fresh = new PieceCache(Infinity);
  parseMarkdown(text, fresh);
  return fresh.entries();
}

function parseCached(slice: string, cache: PieceCache): Root {
  let root = cache.get(slice);
  if (!root) {
    try {
      cache.counters.parsed++;
      root = processor.parse(slice);
    } catch (error) {
      if (error instanceof RangeError) throw new SkippedError('the document is nested too deeply to parse');
      throw error;
    }
    cache.set(slice, root);
  }
  return root;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
// A list has no headings to split at. A column-0 bullet item with content also
// ends every open block but fences and HTML blocks (a lazy continuation line cannot
// start a list item), so the text is split before every such item too: the list
// becomes several lists of the same items, and an edit in a task re-parses that task
// alone. Every item, not some chosen by distance, so that an edit never moves the
// later splits and defeats the cache. (Not `1.`: only `1.` may interrupt a paragraph;
// not a lone `-`: that is a setext underline.)
const BULLET_ITEM = /^[-*+][ \t]+\S/;
const THEMATIC_BREAK = /^(?:[-*+][ \t]*){3,}(?:\r\n|\r|\n)?$/;

function split(text: string, cache: PieceCache): Split {
  return cache.split(text, (t) => {
    const starts = splitOffsets(t);
    return {
      starts,
      pieces: starts.map((start, i) => t.slice(start, i + 1 < starts.length ? starts[i + 1] : t.length)),
    };
  });
}

/** Offsets where pieces start: 0 and each column-0 ATX heading or bullet item line outside fences and front matter. */
function splitOffsets(text: string): number[] {
  const starts = [0];
  const lineRe = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  let fence: string | undefined;
  let first = true;
  let frontMatter = /^(?:---|\+\+\+)[ \t]*(?:\r\n|\r|\n)/.test(text);
  for (let m = lineRe.exec(text); m && m[0].length > 0; m = lineRe.exec(text)) {
    const line = m[0];
    if (frontMatter) {
      if (!first && /^(?:---|\.\.\.|\+\+\+)[ \t]*(?:\r\n|\r|\n|$)/.test(line)) frontMatter = false;
      first = false;
      continue;
    }
    first = false;
    const f = FENCE.exec(line);
    if (fence) {
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length && line.slice(f[0].length).trim() === '')
        fence = undefined;
      continue;
    }
    if (f && !(f[1][0] === '`' && line.slice(f[0].length).includes('`'))) {
      fence = f[1];
      continue;
    }
    if (m.index === 0) continue;
    if (line.charCodeAt(0) === 35 /* # */ && /^#{1,6}(?:[ \t]|\r|\n|$)/.test(line)) starts.push(m.index);
    else if (BULLET_ITEM.test(line) && !THEMATIC_BREAK.test(line)) starts.push(m.index);
  }
  return starts;
}

/** Containers whose last child is where a piece ends. */
const CONTAINERS = new Set(['list', 'listItem', 'blockquote', 'footnoteDefinition']);

/**
 * Does the piece end inside a fenced code or HTML block, at top level or as the last
 * thing in a list item or quote? Parsed with the next piece, such a block ends where
 * the next line ends it (a fence in an item at the next item), not at the piece's end.
 */
function endsOpen(root: Root, slice: string): boolean {
  let last: Nodes | undefined = root.children[root.children.length - 1];
  while (last && CONTAINERS.has(last.type) && 'children' in last && last.children.length > 0)
    last = last.children[last.children.length - 1];
  if (!last?.position) return false;
  const start = last.position.start.offset ?? 0;
  const end = last.position.end.offset ?? 0;
  if (last.type === 'code') {
    const source = slice.slice(start, end);
    const opener = FENCE.exec(source);
    if (!opener) return false;
    const lines = source.split(/\r\n|\r|\n/);
    const closing = new RegExp(`^ {0,3}\\${opener[1][0]}{${opener[1].length},}[ \\t]*$`);
    return lines.length < 2 || !closing.test(lines[lines.length - 1]);
  }
  if (last.type === 'html') return !/(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)/.test(slice.slice(end - 1));
  return false;
}
