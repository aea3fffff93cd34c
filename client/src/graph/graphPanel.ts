// "Plan: Show Graph": a webview of the active plan's task graph (client/src/graph/webview,
// bundled to dist/graphView.js). It follows the active plan and redraws after each
// analysis the server reports (so it follows edits as you type); clicking a task
// reveals its line. Offline and under a strict Content-Security-Policy: one script
// with a nonce, styles from the extension's own file, nothing else.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { GraphRequest, type PlanGraphView } from '../../../server/src/protocol';
import type { Outlines } from '../outlines';

export interface GraphSnapshot {
  nodes: Array<{ id: string; state: string; critical: boolean; focusable: boolean; label: string | null }>;
  edges: Array<{ from: string; to: string; critical: boolean }>;
  columns: string[];
  summary: string;
  /** The id of the task that has the keyboard focus. */
  focused: string | null;
  /** The pan-and-zoom scale (1: full size). */
  scale: number;
  /** How long the last layout took in the page, in ms (measured, never asserted). */
  layoutMs: number;
  /** How many layouts the page has computed since it opened. */
  layouts: number;
  /** The visible area of the page, in CSS pixels. */
  stage: { width: number; height: number };
}

export class GraphPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private uri: vscode.Uri | undefined;
  private ready = false;
  /** The next drawing is of a newly shown plan: scale it to the view. */
  private fit = true;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly drawn = new vscode.EventEmitter<PlanGraphView | null>();
  /** Fires after the webview was sent a graph (for tests). */
  readonly onDidDraw = this.drawn.event;
  private snapshotWaiters: Array<(s: GraphSnapshot) => void> = [];

  constructor(
    private readonly extension: vscode.ExtensionContext,
    private readonly client: LanguageClient,
    private readonly outlines: Outlines,
  ) {
    this.disposables.push(
      this.drawn,
      vscode.commands.registerCommand('planmark.showGraph', (uri?: vscode.Uri) => this.show(uri)),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        // Follow the active plan; another kind of editor leaves the graph as it is.
        if (this.panel && editor && this.outlines.get(editor.document.uri)) void this.follow(editor.document.uri);
      }),
      outlines.onDidChange((change) => {
        if (this.panel && this.uri?.toString() === change.uri.toString()) void this.refresh();
      }),
    );
  }

  /** Opens (or reveals) the graph of a plan: the one given, else the active editor's. */
  async show(uri?: vscode.Uri): Promise<void> {
    const target = uri ?? vscode.window.activeTextEditor?.document.uri ?? this.uri;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(
        'planmark.graph',
        'Plan Graph',
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        {
          enableScripts: true,
          localResourceRoots: [
            vscode.Uri.joinPath(this.extension.extensionUri, 'dist'),
            vscode.Uri.joinPath(this.extension.extensionUri, 'media'),
          ],
        },
      );
      this.ready = false;
      this.panel.webview.html = this.html(this.panel.webview);
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.ready = false;
      });
      this.panel.webview.onDidReceiveMessage((message: { type: string; line?: number; snapshot?: GraphSnapshot }) => {
        if (message.type === 'ready') {
          this.ready = true;
          void this.refresh();
        } else if (message.type === 'reveal' && typeof message.line === 'number') void this.reveal(message.line);
        else if (message.type === 'snapshot' && message.snapshot) {
          for (const resolve of this.snapshotWaiters.splice(0)) resolve(message.snapshot);
        }
      });
    } else {
      this.panel.reveal(undefined, true);
    }
    if (target) await this.follow(target);
  }

  /** Acts in the page as a user would (for tests): a click on a task, or a key press on what has the focus. */
  async act(action: { type: 'click'; id: string } | { type: 'key'; key: string }): Promise<void> {
    await this.panel?.webview.postMessage(action);
  }

  /** What the webview's DOM shows: one entry per drawn task and edge (for tests). */
  snapshot(): Promise<GraphSnapshot> {
    return new Promise((resolve) => {
      this.snapshotWaiters.push(resolve);
      void this.panel?.webview.postMessage({ type: 'snapshot' });
    });
  }

  private async follow(uri: vscode.Uri): Promise<void> {
    if (uri.toString() !== this.uri?.toString()) this.fit = true;
    this.uri = uri;
    if (this.panel) this.panel.title = `Plan Graph: ${uri.path.split('/').pop()}`;
    await this.refresh();
  }

  private async refresh(): Promise<void> {
    if (!this.panel || !this.ready || !this.uri || !this.client.isRunning()) return;
    const uri = this.uri;
    const graph = await this.client.sendRequest(GraphRequest.type, { textDocument: { uri: uri.toString() } });
    // A newer request may have started meanwhile; the last answer for the shown plan wins.
    if (!this.panel || uri.toString() !== this.uri?.toString()) return;
    await this.panel.webview.postMessage({ type: 'graph', graph, fit: this.fit });
    this.fit = false;
    this.drawn.fire(graph);
  }

  private async reveal(line: number): Promise<void> {
    if (!this.uri) return;
    const doc = await vscode.workspace.openTextDocument(this.uri);
    const position = new vscode.Position(Math.max(0, line - 1), 0);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.uri!.toString());
    const editor = await vscode.window.showTextDocument(doc, {
      viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One,
    });
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private html(webview: vscode.Webview): string {
    const nonce = randomBytes(16).toString('base64');
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.extension.extensionUri, 'dist', 'graphView.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(this.extension.extensionUri, 'media', 'graphView.css'));
    const csp = [
      "default-src 'none'",
      `style-src ${webview.cspSource}`,
      `script-src 'nonce-${nonce}'`,
      `img-src ${webview.cspSource}`,
      `font-src ${webview.cspSource}`,
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>Plan Graph</title>
</head>
<body>
<header><p id="summary" role="status">Loading…</p>
<p class="legend"><span class="key state-open">○ open</span> <span class="key state-in-progress">◐ in progress</span> <span class="key state-blocked">× blocked</span> <span class="key state-done">✓ done</span> <span class="key critical">critical path</span> · arrows move, Enter opens, + − 0 zoom</p></header>
<main id="stage"><div id="canvas"></div></main>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
