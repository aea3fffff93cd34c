import type { Diagnostic } from 'vscode-languageserver/node';
import type { Outline } from '../engine';
import type { DocumentResult } from './analyses';
import { diagnosticsFor } from './diagnostics';

// What the server sends unasked after each analysis: diagnostics to a client that
// does not pull them, and the outline (planmark/outlineChanged) that the views
// show. A document is told once when it stops being a plan (empty diagnostics, a
// null outline), and its diagnostics are cleared when it closes.

export interface PublishSink {
  diagnostics(uri: string, version: number | undefined, diagnostics: Diagnostic[]): void;
  outline(uri: string, version: number, outline: Outline | null): void;
}

export class Publisher {
  /** Documents whose diagnostics were pushed (push model), so that closing can clear them. */
  private readonly published = new Set<string>();
  /** Documents whose last outlineChanged held an outline, so that the client learns when it goes. */
  private readonly outlined = new Set<string>();

  /** @param push the client does not pull diagnostics: the server sends them */
  constructor(
    private readonly sink: PublishSink,
    private readonly push: () => boolean,
  ) {}

  publish(result: DocumentResult): void {
    const { uri, version } = result;
    // Diagnostics first: they are what the author waits for; the outline can be large.
    if (this.push()) {
      const validated = result.analysis !== undefined || result.failure !== undefined;
      if (validated || this.published.has(uri)) this.sink.diagnostics(uri, version, diagnosticsFor(result));
      mark(this.published, uri, validated);
    }
    const outline = result.analysis?.outline ?? null;
    if (outline || this.outlined.has(uri)) this.sink.outline(uri, version, outline);
    mark(this.outlined, uri, outline !== null);
  }

  /** The document was closed: its pushed diagnostics go with it. */
  closed(uri: string): void {
    this.outlined.delete(uri);
    if (this.published.delete(uri)) this.sink.diagnostics(uri, undefined, []);
  }
}

function mark(set: Set<string>, uri: string, member: boolean): void {
  if (member) set.add(uri);
  else set.delete(uri);
}
