import {
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type RemoteConsole,
} from 'vscode-languageserver/node';
import { clientFeatures, type ClientFeatures } from './features';
import { featureCapabilities } from './languageFeatures';

// What the client said about itself: its capabilities and trust (from
// `initialize`), its workspace folders (then and as they change), and the
// `planmark` settings it pushes when it cannot be asked for them. The server's
// parts read these here instead of sharing loose variables.

export class Session {
  features: ClientFeatures = clientFeatures({});
  /** VS Code's Restricted Mode: the server reads no template from outside the workspace. */
  restricted = false;
  /** Workspace folder uris. */
  folders: string[] = [];
  /** `planmark` settings pushed with didChangeConfiguration, for clients without workspace/configuration. */
  pushedSettings: unknown;

  /** Reads `initialize`; answers with the server's capabilities for this client. */
  initialize(params: InitializeParams): InitializeResult {
    this.features = clientFeatures(params.capabilities);
    // VS Code's client says whether the workspace is trusted; other editors say nothing: trusted.
    this.restricted =
      (params.initializationOptions as { workspaceTrusted?: boolean } | null | undefined)?.workspaceTrusted === false;
    this.folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        diagnosticProvider: this.features.pullDiagnostics
          ? { interFileDependencies: false, workspaceDiagnostics: true }
          : undefined,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        ...featureCapabilities(),
      },
      serverInfo: { name: 'planmark' },
    };
  }

  /** Applies a workspace folders change; returns the folders now open. */
  changeFolders(added: ReadonlyArray<{ uri: string }>, removed: ReadonlyArray<{ uri: string }>): string[] {
    const gone = new Set(removed.map((f) => f.uri));
    this.folders = [...this.folders.filter((uri) => !gone.has(uri)), ...added.map((f) => f.uri)];
    return this.folders;
  }

  /** A folder's `planmark` settings: asked of the client when it can answer, else the pushed ones. */
  async settings(connection: Pick<Connection, 'workspace'>, log: Pick<RemoteConsole, 'error'>, folderUri?: string) {
    if (!this.features.configuration) return this.pushedSettings;
    try {
      return (await connection.workspace.getConfiguration({ scopeUri: folderUri, section: 'planmark' })) as unknown;
    } catch (error) {
      log.error(`Could not read the planmark settings: ${String(error)}`);
      return undefined;
    }
  }

  /** Should the server ask for a new diagnostics pull (after settings change, a late parse)? */
  get refreshesDiagnostics(): boolean {
    return this.features.pullDiagnostics && this.features.diagnosticRefresh;
  }
}
