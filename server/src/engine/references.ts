import type { Nodes, Root } from 'mdast';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';

// Link references and footnote calls across pieces. A reference resolves when its
// label is defined anywhere in the document (`[OAuth][oauth]` with `[oauth]: …` at the
// end), but a piece parsed alone knows only its own definitions. A piece whose
// bracketed texts name a definition found in another piece is parsed again with those
// definitions written before it, so it renders as the whole document does. Labels are
// compared as micromark compares them (micromark-util-normalize-identifier: case
// folded, runs of spaces, tabs and line endings collapsed; a no-break space is not a space).

/** What one piece defines and what it may refer to; read once per parsed tree. */
export interface PieceLabels {
  /** Link definitions: normalised identifier → label as written. */
  definitions: Map<string, string>;
  /** Footnote definitions: normalised identifier → label as written. */
  footnotes: Map<string, string>;
  /** Normalised labels of every bracketed text that could be a reference or footnote call. */
  candidates: Set<string>;
  footnoteCandidates: Set<string>;
}

const BRACKETED = /\[(\^?)((?:[^[\]\\]|\\[\s\S]){1,999})\]/g;

export function pieceLabels(text: string, root: Root): PieceLabels {
  const labels: PieceLabels = {
    definitions: new Map(),
    footnotes: new Map(),
    candidates: new Set(),
    footnoteCandidates: new Set(),
  };
  const visit = (node: Nodes): void => {
    if (node.type === 'definition' && typeof node.label === 'string')
      add(labels.definitions, normalizeIdentifier(node.label), node.label);
    if (node.type === 'footnoteDefinition' && typeof node.label === 'string')
      add(labels.footnotes, normalizeIdentifier(node.label), node.label);
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(root);
  BRACKETED.lastIndex = 0;
  for (let m = BRACKETED.exec(text); m; m = BRACKETED.exec(text)) {
    labels.candidates.add(normalizeIdentifier(m[1] + m[2]));
    if (m[1]) labels.footnoteCandidates.add(normalizeIdentifier(m[2]));
  }
  return labels;
}

/** Every piece's definitions together: the document's. */
export function documentLabels(pieces: readonly PieceLabels[]): Pick<PieceLabels, 'definitions' | 'footnotes'> {
  const all = { definitions: new Map<string, string>(), footnotes: new Map<string, string>() };
  for (const p of pieces) {
    for (const [id, label] of p.definitions) add(all.definitions, id, label);
    for (const [id, label] of p.footnotes) add(all.footnotes, id, label);
  }
  return all;
}

/**
 * Definitions to write before a piece so that its references to other pieces'
 * definitions resolve: '' when it has none. Ends with a comment and a blank line, so
 * that the piece starts a new block, outside any container, as it does in the document.
 */
export function definitionsPrefix(piece: PieceLabels, all: Pick<PieceLabels, 'definitions' | 'footnotes'>): string {
  const needed = (candidates: Set<string>, own: Map<string, string>, defined: Map<string, string>) =>
    [...candidates].filter((id) => defined.has(id) && !own.has(id)).sort();
  const links = needed(piece.candidates, piece.definitions, all.definitions);
  const notes = needed(piece.footnoteCandidates, piece.footnotes, all.footnotes);
  if (links.length === 0 && notes.length === 0) return '';
  // Footnote definitions first: the column-0 lines after them end them, so that an
  // indented first line of the piece is not read as their continuation.
  return (
    notes.map((id) => `[^${all.footnotes.get(id)}]: .\n\n`).join('') +
    links.map((id) => `[${all.definitions.get(id)}]: #\n`).join('') +
    '\n<!-- -->\n\n'
  );
}

function add(map: Map<string, string>, id: string, label: string): void {
  if (id !== '' && !map.has(id)) map.set(id, label);
}
