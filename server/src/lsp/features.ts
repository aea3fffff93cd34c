import type { ClientCapabilities } from 'vscode-languageserver/node';

// What the client can do, read once from `initialize`. Everything the server
// does differently per client (pull or push diagnostics, pulled or pushed
// settings, dynamic file watchers) branches on these flags.

export interface ClientFeatures {
  /** `textDocument/diagnostic`: the client pulls; otherwise the server publishes. */
  pullDiagnostics: boolean;
  /** `workspace/diagnostic/refresh`: the server may ask for a new pull after a settings change. */
  diagnosticRefresh: boolean;
  /** `workspace/configuration`: settings are asked for, per folder. */
  configuration: boolean;
  /** `workspace/didChangeWorkspaceFolders` notifications. */
  workspaceFolders: boolean;
  /** Dynamic registration of `workspace/didChangeWatchedFiles`. */
  watcherRegistration: boolean;
  /** Watchers may use relative patterns (needed for files outside the workspace). */
  relativePatterns: boolean;
  /** Completion items may be snippets with tab stops. */
  snippets: boolean;
  /** `workspace/inlayHint/refresh`: the server may ask for new hints (Ready / Blocked by) after a settings change. */
  inlayHintRefresh: boolean;
}

export function clientFeatures(capabilities: ClientCapabilities): ClientFeatures {
  const workspace = capabilities.workspace;
  return {
    pullDiagnostics: capabilities.textDocument?.diagnostic !== undefined,
    diagnosticRefresh: workspace?.diagnostics?.refreshSupport === true,
    configuration: workspace?.configuration === true,
    workspaceFolders: workspace?.workspaceFolders === true,
    watcherRegistration: workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    relativePatterns: workspace?.didChangeWatchedFiles?.relativePatternSupport === true,
    snippets: capabilities.textDocument?.completion?.completionItem?.snippetSupport === true,
    inlayHintRefresh: workspace?.inlayHint?.refreshSupport === true,
  };
}
