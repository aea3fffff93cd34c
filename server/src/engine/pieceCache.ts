import type { Root } from 'mdast';
import type { ChunkFacts } from './chunkFacts';
import type { PieceLabels } from './references';

// The memory of the piecewise parser (markdown.ts), as an object its owner holds
// and passes in: the CLI makes a fresh one per run, the language server one for
// the process (shared by its parse workers' results and every analysis), tests
// their own. The engine keeps no module state, so two owners never see each
// other's pieces or counters.

/** A piece of a document and its tree: what a worker thread parses and sends back. */
export interface ParsedPiece {
  text: string;
  root: Root;
}

/** How a text splits into pieces: their offsets and texts. */
export interface Split {
  starts: number[];
  pieces: string[];
  /** The first piece is the document's front matter. */
  frontMatter: boolean;
}

const DEFAULT_MAX_CHARS = 32 * 1024 * 1024;

export class PieceCache {
  /** Pieces and characters parsed (cache misses) for this cache's owner: lets tests see what an edit re-parses. */
  readonly counters = { parsed: 0, chars: 0 };
  private readonly roots = new Map<string, Root>();
  private readonly facts = new WeakMap<Root, ChunkFacts>();
  private readonly labels = new WeakMap<Root, PieceLabels>();
  private chars = 0;
  // The server asks for the unparsed pieces and then parses the same text: split it once.
  // The same piece strings, too: a string keeps its hash, so the second lookup is cheap.
  private lastSplit: (Split & { text: string }) | undefined;

  /** @param maxChars past this many cached characters the cache starts again empty */
  constructor(private readonly maxChars = DEFAULT_MAX_CHARS) {}

  get(text: string): Root | undefined {
    return this.roots.get(text);
  }

  has(text: string): boolean {
    return this.roots.has(text);
  }

  set(text: string, root: Root): void {
    if (this.chars + text.length > this.maxChars) this.clear();
    this.roots.set(text, root);
    this.chars += text.length;
  }

  /** Caches pieces parsed elsewhere (a worker thread), so that parsing here finds them. */
  add(pieces: readonly ParsedPiece[]): void {
    for (const { text, root } of pieces) if (!this.roots.has(text)) this.set(text, root);
  }

  /** Every cached piece, in the order it was parsed. */
  entries(): ParsedPiece[] {
    return [...this.roots].map(([text, root]) => ({ text, root }));
  }

  /** Forgets every piece (the benchmark measures cold parses with it). */
  clear(): void {
    this.roots.clear();
    this.chars = 0;
    this.lastSplit = undefined;
  }

  /** The facts read from a cached tree, read once by `read`. */
  factsOf(root: Root, read: () => ChunkFacts): ChunkFacts {
    return once(this.facts, root, read);
  }

  /** The link labels a cached tree defines and may refer to, read once by `read`. */
  labelsOf(root: Root, read: () => PieceLabels): PieceLabels {
    return once(this.labels, root, read);
  }

  /** The split of `text`, computed by `compute` unless it is the last text split. */
  split(text: string, compute: (text: string) => Split): Split {
    if (this.lastSplit?.text !== text) this.lastSplit = { text, ...compute(text) };
    return this.lastSplit;
  }
}

function once<T>(memo: WeakMap<Root, T>, root: Root, read: () => T): T {
  let value = memo.get(root);
  if (value === undefined) {
    value = read();
    memo.set(root, value);
  }
  return value;
}
