// The planmark extension: the language server does all the analysis; this client shows
// its outline (the Plan view, the progress item) and offers the Plan commands.
// `activate` returns at once: the server starts in the background and `ready` settles
// when it runs, so opening VS Code never waits on it.
import * as vscode from 'vscode';
import {
  State,
  TransportKind,
  type LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import type { Outline } from '../../server/src/protocol';
import { registerAgentTools, type AgentTools } from './agentTools';
import { registerCommands } from './commands';
import { registerStartTask } from './startTask';
import { GraphPanel } from './graph/graphPanel';
import { PlanmarkClient } from './languageClient';
import { Loading } from './loading';
import { Outlines, type OutlineChange } from './outlines';
import { PlanTree } from './planTree';
import { PlansView } from './plansView';
import { ProgressStatus } from './statusBar';
import { registerViewCommands } from './viewCommands';

export type { Outline, OutlineChange };

export interface PlanmarkApi {
  client: LanguageClient;
  /** Resolves once the language server runs. */
  ready: Promise<void>;
  /** The last outline the server sent for a document (undefined: none yet; null: not a plan). */
  outline(uri: vscode.Uri): Outline | null | undefined;
  /** Resolves with the outline of the document's current version, once the server has analyzed it. */
  whenAnalyzed(doc: vscode.TextDocument, timeoutMs?: number): Promise<Outline | null>;
  /** Fires for every outline the server sends. */
  onDidChangeOutline: vscode.Event<OutlineChange>;
  /** How long `activate` took, and the server's start after it, in milliseconds. */
  timings: { activateMs: number; serverStartMs?: number };
  /** The views, for tests. */
  views: { tree: PlanTree; plans: PlansView; status: ProgressStatus; graph: GraphPanel };
  /** The language-model tools as VS Code calls them once the user has confirmed, for tests. */
  agentTools: AgentTools;
  /** Whether the Plan view still says "Loading…" (the `planmark.loading` context key). */
  loading(): boolean;
  /** Settles once the Plan view stops saying "Loading…", whether the server started or not. */
  whenLoaded: Promise<void>;
}

let client: PlanmarkClient | undefined;

export function activate(context: vscode.ExtensionContext): PlanmarkApi {
  const started = performance.now();
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'markdown', scheme: 'file' },
      { language: 'markdown', scheme: 'untitled' },
    ],
    // Sends workspace/didChangeConfiguration when a `planmark.*` setting changes;
    // the server then asks for each folder's settings.
    synchronize: { configurationSection: 'planmark' },
    // Re-read at each (re)start: in Restricted Mode the server reads no template from outside the workspace.
    initializationOptions: () => ({ workspaceTrusted: vscode.workspace.isTrusted }),
  };
  client = new PlanmarkClient('planmark', 'planmark', serverOptions, clientOptions);
  const outlines = new Outlines(client);
  const tree = new PlanTree(outlines, context.workspaceState);
  const status = new ProgressStatus(outlines);
  const graph = new GraphPanel(context, client, outlines);
  const agentTools = registerAgentTools(client);
  context.subscriptions.push(
    outlines,
    tree,
    status,
    graph,
    ...registerCommands({ extension: context, client, outlines, tree }),
    ...agentTools.disposables,
    registerStartTask(),
  );
  // Trust granted: start the server again so that it may read the configured template.
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.restart()));

  const timings: PlanmarkApi['timings'] = { activateMs: 0 };
  const current = client;
  const ready = current.start().then(() => {
    timings.serverStartMs = Math.round(performance.now() - started);
    current.outputChannel.appendLine(
      `planmark: activated in ${timings.activateMs} ms; server running after ${timings.serverStartMs} ms`,
    );
  });
  // Stopped while starting (a reload, a restart): not a failure to report.
  ready.catch((error) => {
    if (!current.stopping && current.state !== State.Stopped)
      current.error('The planmark server did not start', error, 'force');
  });
  const plans = new PlansView(current, ready, outlines);
  context.subscriptions.push(plans, ...registerViewCommands(tree, plans));
  const loading = new Loading(ready, outlines);
  context.subscriptions.push(loading);
  timings.activateMs = Math.round((performance.now() - started) * 10) / 10;
  return {
    client: current,
    ready,
    outline: (uri) => outlines.get(uri),
    whenAnalyzed: (doc, timeoutMs) => outlines.whenCurrent(doc, timeoutMs),
    onDidChangeOutline: outlines.onDidChange,
    timings,
    views: { tree, plans, status, graph },
    agentTools: agentTools.tools,
    loading: () => loading.active,
    whenLoaded: loading.done,
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
