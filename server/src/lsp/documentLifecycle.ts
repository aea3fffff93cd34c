import type { Analyses } from './analyses';

// Open, change, close: when each document is analyzed. A document just opened is
// analyzed at once (the author waits for its first findings); typing waits for the
// folder's debounce delay; closing forgets its analysis and its pushed results.

/** The events of vscode-languageserver's TextDocuments that matter here. */
export interface DocumentEvents {
  onDidOpen(listener: (event: { document: { uri: string } }) => void): unknown;
  onDidChangeContent(listener: (event: { document: { uri: string } }) => void): unknown;
  onDidClose(listener: (event: { document: { uri: string } }) => void): unknown;
}

export interface LifecycleDeps {
  analyses: Pick<Analyses, 'schedule' | 'forget'>;
  /** The typing debounce of the document's folder, in milliseconds. */
  debounceMs(uri: string): number;
  /** Called when an open document's text changed (typing, an edit; not opening it). */
  edited?(uri: string): void;
  /** Called after a document closed and its analysis was forgotten. */
  closed(uri: string): void;
}

export function trackDocuments(documents: DocumentEvents, deps: LifecycleDeps): void {
  const opening = new Set<string>();
  // TextDocuments fires onDidOpen then onDidChangeContent: a document just opened is analyzed at once.
  documents.onDidOpen(({ document }) => opening.add(document.uri));
  documents.onDidChangeContent(({ document }) => {
    const { uri } = document;
    if (opening.delete(uri)) return deps.analyses.schedule(uri, 0);
    deps.edited?.(uri);
    deps.analyses.schedule(uri, deps.debounceMs(uri));
  });
  documents.onDidClose(({ document }) => {
    deps.analyses.forget(document.uri);
    deps.closed(document.uri);
  });
}
