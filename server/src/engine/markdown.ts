import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { Nodes, Root } from 'mdast';
import { scanFrontMatter } from './frontMatter';
import { PieceCache, type ParsedPiece, type Split } from './pieceCache';
import { definitionsPrefix, documentLabels, pieceLabels } from './references';

// Processors for the process: building one costs more than a small parse. The front
// matter extension parses only a document's closed front matter (see frontMatter.ts).
const processor = unified().use(remarkParse).use(remarkGfm);
const frontMatterProcessor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']);

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

/** Parsing here would take more new text than the caller's budget: parse it on another thread. */
export class OverBudgetError extends Error {}

/**
 * A piece of the document and its tree. The tree was parsed from `prefix` (link
 * definitions the piece refers to, see references.ts, or '') followed by the piece;
 * a node at offset `o` in the tree is at `offset + o - prefix.length` in the document.
 */
export interface Chunk {
  offset: number;
  prefix: string;
  /** What the tree was parsed from: prefix and piece. */
  text: string;
  root: Root;
}

export interface ParseMarkdownOptions {
  /** Parse the text as one piece (the reference the pieces must equal). */
  whole?: boolean;
  /** At most this many characters not in the cache are parsed, or OverBudgetError is thrown. */
  budget?: number;
}

// Incremental parsing. A line starting with an ATX heading at column 0 ends every
// open block (lists, quotes, tables, paragraphs) except fenced code and HTML blocks,
// so the document is split before such lines (and before most column-0 bullet
// items, see BULLET_ITEM) and after its front matter, and each piece parsed on its own.
// Pieces are cached by their text in the caller's PieceCache: an edit re-parses
// only the piece it is in.
// A piece that ends inside an unclosed fence or HTML block is joined to the next.
// References to link and footnote definitions in other pieces are resolved by
// parsing the piece again after those definitions (references.ts).

/** The document (BOM removed) in pieces, each as a whole-document parse would read it. */
export function parseMarkdown(text: string, cache: PieceCache, options: ParseMarkdownOptions = {}): Chunk[] {
  const nested = DEEP_NESTING.exec(text);
  if (nested) {
    const line = text.slice(0, nested.index).split(/\r\n|\r|\n/).length;
    throw new SkippedError(
      `line ${line} nests lists or block quotes more than ${MAX_NESTING} deep, which Markdown parsers cannot handle in reasonable time`,
    );
  }
  const budget = { left: options.budget ?? Infinity };
  if (options.whole) {
    const root = parseCached(text, cache, budget, scanFrontMatter(text) !== undefined);
    return [{ offset: 0, prefix: '', text, root }];
  }
  const { starts, pieces, frontMatter } = split(text, cache);
  const boundary = (j: number) => (j < starts.length ? starts[j] : text.length);
  const chunks: Chunk[] = [];
  for (let i = 0; i < starts.length;) {
    const from = starts[i];
    let j = i + 1;
    const isFrontMatter = i === 0 && frontMatter;
    let root = parseCached(pieces[i], cache, budget, isFrontMatter);
    // Join following pieces, twice as many each time, so that a stray `<!--` at
    // the top costs O(n log n) parses of text, not O(n²).
    for (let step = 1; boundary(j) < text.length && endsOpen(root, text.slice(from, boundary(j))); step *= 2) {
      j = Math.min(j + step, starts.length);
      root = parseCached(text.slice(from, boundary(j)), cache, budget);
    }
    chunks.push({ offset: from, prefix: '', text: text.slice(from, boundary(j)), root });
    i = j;
  }
  return resolveAcrossPieces(chunks, cache, budget, frontMatter);
}

/** Parses again, after the definitions they need, the pieces that refer to definitions in other pieces. */
function resolveAcrossPieces(chunks: Chunk[], cache: PieceCache, budget: Budget, frontMatter: boolean): Chunk[] {
  if (chunks.length < 2) return chunks;
  const labels = chunks.map((c) => cache.labelsOf(c.root, () => pieceLabels(c.text, c.root)));
  const all = documentLabels(labels);
  if (all.definitions.size === 0 && all.footnotes.size === 0) return chunks;
  return chunks.map((chunk, i) => {
    // Front matter is recognised on the first line only: it stays as it is.
    const prefix = i === 0 && frontMatter ? '' : definitionsPrefix(labels[i], all);
    if (prefix === '') return chunk;
    const text = prefix + chunk.text;
    return { ...chunk, prefix, text, root: parseCached(text, cache, budget) };
  });
}

/** Parses `text` (BOM removed) as parseMarkdown does and returns every piece it parsed, so that another thread can cache them. */
export function parsePieces(text: string): ParsedPiece[] {
  const fresh = new PieceCache(Infinity);
  parseMarkdown(withoutBom(text), fresh);
  return fresh.entries();
}

/**
 * Parses what `cache` lacks of `text` here, unless that takes more than `budget`
 * characters of new text: then false, and the rest is for another thread. (A stray
 * `<!--` at the top makes the first piece swallow the document: the split alone
 * cannot tell.) Input the engine refuses counts as parsed: analyzing says why.
 */
export function parseWithin(text: string, cache: PieceCache, budget: number): boolean {
  try {
    parseMarkdown(withoutBom(text), cache, { budget });
    return true;
  } catch (error) {
    if (error instanceof OverBudgetError) return false;
    if (error instanceof SkippedError) return true;
    throw error;
  }
}

/** The pieces of `text` that `cache` does not hold (offset and length): what parsing it now would cost. */
export function unparsedPieces(text: string, cache: PieceCache): { offset: number; length: number }[] {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const { starts, pieces } = split(withoutBom(text), cache);
  return pieces.flatMap((piece, i) => (cache.has(piece) ? [] : [{ offset: bom + starts[i], length: piece.length }]));
}

/** micromark drops a leading BOM: the engine parses without it and shifts offsets back. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

interface Budget {
  left: number;
}

function parseCached(slice: string, cache: PieceCache, budget: Budget, frontMatter = false): Root {
  let root = cache.get(slice);
  if (!root) {
    if (slice.length > budget.left) throw new OverBudgetError();
    budget.left -= slice.length;
    try {
      cache.counters.parsed++;
      cache.counters.chars += slice.length;
      root = (frontMatter ? frontMatterProcessor : processor).parse(slice);
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
// start a list item), so the text is split before such items too: the list becomes
// several lists of the same items (parse.ts joins them again), and an edit in a task
// re-parses that task alone. Every item, not some chosen by distance, so that an edit
// never moves the later splits and defeats the cache. (Not `1.`: only `1.` may
// interrupt a paragraph; not a lone `-`: that is a setext underline.)
const BULLET_ITEM = /^[-*+][ \t]+\S/;
const THEMATIC_BREAK = /^(?:[-*+][ \t]*){3,}(?:\r\n|\r|\n)?$/;
// After a paragraph line an item interrupts the paragraph, and micromark then reads
// the start of the item's content as interrupting too: there a nested list must
// start at 1 and have content, an HTML block of the 7th kind, a definition or indented
// code cannot start. Parsed alone the item would differ, so it is not split there.
const INTERRUPT_SENSITIVE =
  /^[-*+](?:[ \t]+(?:[-*+]|\d{1,9}[.)])(?:[ \t]|\r|\n|$)|[ \t]+<|[ \t]+\[(?:[^\]\\\r\n]|\\.)*\]:|[ \t]{5}|[ \t]*\t)/;

function split(text: string, cache: PieceCache): Split {
  return cache.split(text, (t) => {
    const frontMatter = scanFrontMatter(t);
    const starts = splitOffsets(t, frontMatter?.end ?? 0);
    return {
      starts,
      pieces: starts.map((start, i) => t.slice(start, i + 1 < starts.length ? starts[i + 1] : t.length)),
      frontMatter: frontMatter !== undefined,
    };
  });
}

/**
 * Offsets where pieces start: 0, the end of the front matter (`from`), and each
 * column-0 ATX heading or bullet item line after it outside fences.
 */
function splitOffsets(text: string, from: number): number[] {
  const starts = [0];
  if (from > 0 && from < text.length) starts.push(from);
  const lineRe = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  lineRe.lastIndex = from;
  let fence: string | undefined;
  let afterText = false;
  for (let m = lineRe.exec(text); m && m[0].length > 0; m = lineRe.exec(text)) {
    const line = m[0];
    const previousText = afterText;
    afterText = !/^[ \t]*(?:\r\n|\r|\n)?$/.test(line);
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
    if (m.index === from) continue;
    if (line.charCodeAt(0) === 35 /* # */ && /^#{1,6}(?:[ \t]|\r|\n|$)/.test(line)) starts.push(m.index);
    else if (BULLET_ITEM.test(line) && !THEMATIC_BREAK.test(line) && !(previousText && INTERRUPT_SENSITIVE.test(line)))
      starts.push(m.index);
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
  // Closed by a blank line after it; `\r\n` is one line ending, not an empty line.
  if (last.type === 'html') return !/^(?:\r\n|\r(?!\n)|\n)[ \t]*(?:\r|\n)/.test(slice.slice(end));
  return false;
}
