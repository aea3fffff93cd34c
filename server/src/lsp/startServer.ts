import { join } from 'node:path';
import {
  DocumentDiagnosticReportKind,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type DocumentDiagnosticReport,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { DEFAULT_CONFIG, PieceCache, type ConfigProblem } from '../engine';
import { OffThreadParser } from '../node/offThreadParser';
import { PlanIndex } from '../node/planIndex';
import { OutlineChangedNotification, OutlineRequest } from '../protocol';
import { Analyses, type DocumentResult } from './analyses';
import { createAnalyzer } from './analyzer';
import { diagnosticsFor, failureDiagnostic } from './diagnostics';
import { clientFeatures, type ClientFeatures } from './features';
import { featureCapabilities, registerLanguageFeatures } from './languageFeatures';
import { PlanFiles } from './planFiles';
import { SettingsFiles } from './watchers';
import { WorkspaceDiagnostics } from './workspaceDiagnostics';
import { Workspace, type Folder } from './workspace';

// Wires the LSP connection to the workspace, the analysis cache and the
// diagnostics mapping. Handlers stay short: the work lives in those modules,
// and nothing below receives the connection.

/** A parse in a worker thread running longer than this is stopped. */
const PARSE_HARD_LIMIT_MS = 30_000;

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const log = connection.console;
  let features: ClientFeatures = clientFeatures({});
  let restricted = false;
  let folders: string[] = [];
  /** `planmark` settings pushed with didChangeConfiguration, for clients without workspace/configuration. */
  let pushedSettings: unknown;
  let settingsFiles = new SettingsFiles(undefined, false, log.error.bind(log));
  const reportedProblems = new Map<string, string>();
  /** Documents whose diagnostics were pushed (push model), so that closing can clear them. */
  const published = new Set<string>();
  /** Documents whose last outlineChanged held an outline, so that the client learns when it goes. */
  const outlined = new Set<string>();
  const opening = new Set<string>();

  const workspace = new Workspace({
    async fetchSettings(folderUri) {
      if (!features.configuration) return pushedSettings;
      try {
        return (await connection.workspace.getConfiguration({ scopeUri: folderUri, section: 'planmark' })) as unknown;
      } catch (error) {
        log.error(`Could not read the planmark settings: ${String(error)}`);
        return undefined;
      }
    },
    restricted: () => restricted,
    loaded(folder, settings) {
      reportProblems(folder, settings.problems);
      settingsFiles.track(folder?.uri ?? '', settings.watched);
    },
  });

  // Parsed pieces of every document, for the whole session: worker → cache → analyze.
  const cache = new PieceCache();
  const parser = new OffThreadParser(join(__dirname, 'parseWorker.js'), cache, PARSE_HARD_LIMIT_MS, log.warn.bind(log));
  const offThread = {
    parser,
    parsedLate: (uri: string) => {
      analyses.refresh(uri);
      if (features.pullDiagnostics && features.diagnosticRefresh) connection.languages.diagnostics.refresh();
    },
  };
  connection.onExit(() => parser.dispose());
  const analyses: Analyses = new Analyses({
    analyze: createAnalyzer(documents, workspace, log, cache, offThread),
    version: (uri) => documents.get(uri)?.version,
    analyzed: (result) => guard('publishing results', () => publish(result)),
  });

  const index = new PlanIndex(cache);
  const { files } = registerLanguageFeatures({
    connection,
    analyses,
    workspace,
    index,
    openUris: () => documents.keys(),
    clientFeatures: () => features,
  });
  const workspaceDiagnostics = new WorkspaceDiagnostics(workspace, index, (uri) => documents.get(uri) !== undefined);
  let planFiles = new PlanFiles(undefined, log.error.bind(log));

  function reportProblems(folder: Folder | undefined, problems: ConfigProblem[]): void {
    const key = folder?.uri ?? '';
    const messages = problems.map((p) => p.message);
    if (reportedProblems.get(key) === messages.join('\n')) return;
    reportedProblems.set(key, messages.join('\n'));
    if (messages.length === 0) return;
    const where = folder ? ` (${URI.parse(folder.uri).fsPath})` : '';
    log.warn(`Configuration problems${where}:\n${messages.join('\n')}`);
    void connection.window.showWarningMessage(`planmark settings${where}: ${messages.join('; ')}`);
  }

  function publish(result: DocumentResult): void {
    const { uri, version } = result;
    // Diagnostics first: they are what the author waits for; the outline can be large.
    if (!features.pullDiagnostics) {
      const validated = result.analysis !== undefined || result.failure !== undefined;
      if (validated || published.has(uri))
        void connection.sendDiagnostics({ uri, version, diagnostics: diagnosticsFor(result) });
      mark(published, uri, validated);
    }
    const outline = result.analysis?.outline ?? null;
    if (outline || outlined.has(uri))
      void connection.sendNotification(OutlineChangedNotification.type, { uri, version, outline });
    mark(outlined, uri, outline !== null);
  }

  function settingsChanged(): void {
    workspace.invalidate();
    index.invalidate();
    analyses.invalidate(documents.keys());
    if (features.pullDiagnostics && features.diagnosticRefresh) connection.languages.diagnostics.refresh();
    if (features.inlayHintRefresh) void connection.languages.inlayHint.refresh();
  }

  function debounceMs(uri: string): number {
    return workspace.lastSettings(workspace.scope(uri).folder)?.config.debounceMs ?? DEFAULT_CONFIG.debounceMs;
  }

  function guard(what: string, work: () => void): void {
    try {
      work();
    } catch (error) {
      log.error(`Failed ${what}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    features = clientFeatures(params.capabilities);
    // VS Code's client says whether the workspace is trusted; other editors say nothing: trusted.
    restricted =
      (params.initializationOptions as { workspaceTrusted?: boolean } | null | undefined)?.workspaceTrusted === false;
    folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    workspace.setFolders(folders);
    const registry = features.watcherRegistration ? connection.client : undefined;
    settingsFiles = new SettingsFiles(registry, features.relativePatterns, log.error.bind(log));
    planFiles = new PlanFiles(registry, log.error.bind(log));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        diagnosticProvider: features.pullDiagnostics
          ? { interFileDependencies: false, workspaceDiagnostics: true }
          : undefined,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        ...featureCapabilities(),
      },
      serverInfo: { name: 'planmark' },
    };
  });

  connection.onInitialized(() => {
    // Loading the worker takes a few hundred milliseconds: not when the first large plan opens.
    parser.start();
    settingsFiles.update();
    planFiles.watch();
    if (!features.workspaceFolders) return;
    connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
      const gone = new Set(removed.map((f) => f.uri));
      folders = [...folders.filter((uri) => !gone.has(uri)), ...added.map((f) => f.uri)];
      workspace.setFolders(folders);
      settingsChanged();
    });
  });

  connection.onDidChangeConfiguration(({ settings }) => {
    pushedSettings = (settings as { planmark?: unknown } | null)?.planmark;
    settingsChanged();
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    if (changes.some((c) => settingsFiles.concerns(URI.parse(c.uri).fsPath))) settingsChanged();
    // A plan created, deleted or changed on disk: list the plans again (changed ones are re-read by mtime).
    if (changes.some((c) => PlanFiles.concerns(c.uri))) index.invalidate();
    files.invalidate();
  });

  // TextDocuments fires onDidOpen then onDidChangeContent: a document just opened is analyzed at once.
  documents.onDidOpen(({ document }) => opening.add(document.uri));
  documents.onDidChangeContent(({ document }) => {
    const { uri } = document;
    analyses.schedule(uri, opening.delete(uri) ? 0 : debounceMs(uri));
  });
  documents.onDidClose(({ document }) => {
    analyses.forget(document.uri);
    outlined.delete(document.uri);
    if (published.delete(document.uri)) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on(async ({ textDocument, previousResultId }): Promise<DocumentDiagnosticReport> => {
    try {
      const result = await analyses.get(textDocument.uri);
      if (!result) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      if (result.resultId === previousResultId)
        return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: result.resultId };
      return { kind: DocumentDiagnosticReportKind.Full, resultId: result.resultId, items: diagnosticsFor(result) };
    } catch (error) {
      log.error(
        `Diagnostics for ${textDocument.uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      return { kind: DocumentDiagnosticReportKind.Full, items: [failureDiagnostic(String(error))] };
    }
  });

  connection.languages.diagnostics.onWorkspace(async ({ previousResultIds }) => {
    try {
      return await workspaceDiagnostics.report(previousResultIds);
    } catch (error) {
      log.error(
        `Workspace diagnostics failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      return { items: [] };
    }
  });

  connection.onRequest(
    OutlineRequest.type,
    async ({ textDocument, now }) => (await analyses.get(textDocument.uri, now === true))?.analysis?.outline ?? null,
  );

  documents.listen(connection);
}

function mark(set: Set<string>, uri: string, member: boolean): void {
  if (member) set.add(uri);
  else set.delete(uri);
}
