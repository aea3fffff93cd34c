// The outlines the server sends, kept per document. The client parses nothing:
// the tree, the status bar and the commands all read from here, and fire on
// `onDidChange` once the server has analyzed a new version.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  OutlineChangedNotification,
  OutlineRequest,
  type Outline,
  type OutlineChangedParams,
} from '../../server/src/protocol';

export interface OutlineChange {
  uri: vscode.Uri;
  /** Document version the outline was computed from. */
  version: number;
  /** Null when the document is not (or no longer) a plan. */
  outline: Outline | null;
}

export class Outlines implements vscode.Disposable {
  private readonly byUri = new Map<string, { version: number; outline: Outline | null }>();
  private readonly emitter = new vscode.EventEmitter<OutlineChange>();
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [this.emitter];

  constructor(private readonly client: LanguageClient) {
    this.disposables.push(
      client.onNotification(OutlineChangedNotification.type, (params) => this.update(params)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.byUri.delete(doc.uri.toString())),
    );
  }

  /** The last outline received for a document: undefined when none arrived yet, null when it is not a plan. */
  get(uri: vscode.Uri): Outline | null | undefined {
    return this.byUri.get(uri.toString())?.outline;
  }

  /**
   * Asks the server (after the client is running); used when an editor shows a document
   * the store has not heard of, and with `now` after the extension edited the plan itself,
   * so that the server skips its debounce delay and every view agrees at once.
   */
  async request(uri: vscode.Uri, now = false): Promise<Outline | null> {
    if (!this.client.isRunning()) return this.get(uri) ?? null;
    // The server answers for the version it holds when the request arrives, which is at
    // least the one sent before it; by the time the answer is back the document may have
    // changed again, so it is filed under the version of the sending time, never a later one.
    const sent = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())?.version ?? 0;
    const outline = await this.client.sendRequest(OutlineRequest.type, { textDocument: { uri: uri.toString() }, now });
    const known = this.byUri.get(uri.toString());
    if (!known || known.version < sent) this.update({ uri: uri.toString(), version: sent, outline });
    return this.get(uri) ?? null;
  }

  /** Resolves with the outline of `doc` once the server has analyzed its current version. */
  whenCurrent(doc: vscode.TextDocument, timeoutMs = 10_000): Promise<Outline | null> {
    const current = this.byUri.get(doc.uri.toString());
    if (current && current.version >= doc.version) return Promise.resolve(current.outline);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        sub.dispose();
        reject(new Error(`no outline for ${doc.uri.toString()} v${doc.version} within ${timeoutMs} ms`));
      }, timeoutMs);
      const sub = this.onDidChange((change) => {
        if (change.uri.toString() === doc.uri.toString() && change.version >= doc.version) {
          clearTimeout(timer);
          sub.dispose();
          resolve(change.outline);
        }
      });
    });
  }

  private update(params: OutlineChangedParams): void {
    const known = this.byUri.get(params.uri);
    if (known && known.version > params.version) return;
    this.byUri.set(params.uri, { version: params.version, outline: params.outline });
    this.emitter.fire({ uri: vscode.Uri.parse(params.uri), version: params.version, outline: params.outline });
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
