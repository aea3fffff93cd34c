// The `planmark.loading` context key: true from activation until the server runs and has
// said whether the active editor is a plan. The Plan view's welcome text reads it, so an
// open plan shows "Loading…" while the server starts instead of "No plan is open … New
// Plan from Template" for the second or two before its outline arrives.
import * as vscode from 'vscode';
import type { Outlines } from './outlines';

export const LOADING = 'planmark.loading';

export class Loading implements vscode.Disposable {
  private value = true;
  /** Settles when loading is over (whether the server started or not). */
  readonly done: Promise<void>;

  constructor(ready: Promise<void>, outlines: Outlines) {
    void vscode.commands.executeCommand('setContext', LOADING, true);
    this.done = ready
      .then(async () => {
        const editor = vscode.window.activeTextEditor;
        if (editor?.document.languageId === 'markdown') await outlines.request(editor.document.uri);
      })
      .catch(() => undefined) // a server that did not start says so in its own message
      .finally(() => this.set(false));
  }

  get active(): boolean {
    return this.value;
  }

  private set(value: boolean): void {
    this.value = value;
    void vscode.commands.executeCommand('setContext', LOADING, value);
  }

  dispose(): void {
    if (this.value) this.set(false);
  }
}
