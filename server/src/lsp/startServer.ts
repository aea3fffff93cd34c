import { join } from 'node:path';
import { TextDocuments, type Connection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_CONFIG, PieceCache } from '../engine';
import { OffThreadParser } from '../node/offThreadParser';
import { PlanIndex } from '../node/planIndex';
import { OutlineChangedNotification, OutlineRequest, PlansRequest } from '../protocol';
import { Analyses } from './analyses';
import { registerAgentTools } from './agentTools';
import { createAnalyzer } from './analyzer';
import { ConfigProblems } from './configProblems';
import { trackDocuments } from './documentLifecycle';
import { FileWatching } from './fileWatching';
import { registerLanguageFeatures } from './languageFeatures';
import { PlansList } from './plansList';
import { Publisher } from './publishing';
import { describe, registerPullDiagnostics } from './pullDiagnostics';
import { Session } from './session';
import { registerSessionEvents } from './sessionEvents';
import { WorkspaceDiagnostics } from './workspaceDiagnostics';
import { Workspace } from './workspace';

// The composition root: builds the server's parts and connects them to the LSP
// connection. Each part lives in its own module and is tested there: the session
// (what `initialize` said) and its events, the workspace and its settings, the
// analyses (worker → cache → analyze), publishing, the document lifecycle, pull
// diagnostics, file watching and the editor features. Nothing below holds logic.

/** A parse in a worker thread running longer than this is stopped. */
const PARSE_HARD_LIMIT_MS = 30_000;

export function startServer(connection: Connection): void {
  const log = connection.console;
  const documents = new TextDocuments(TextDocument);
  const session = new Session();
  const watching = new FileWatching(log.error.bind(log));
  const problems = new ConfigProblems({
    warn: (message) => log.warn(message),
    show: (message) => void connection.window.showWarningMessage(message),
  });
  const workspace = new Workspace({
    fetchSettings: (folderUri) => session.settings(connection, log, folderUri),
    restricted: () => session.restricted,
    loaded(folder, settings) {
      problems.report(folder, settings.problems);
      watching.track(folder?.uri ?? '', settings.watched);
    },
  });

  // Parsed pieces of every document, for the whole session: worker → cache → analyze.
  const cache = new PieceCache();
  const parser = new OffThreadParser(join(__dirname, 'parseWorker.js'), cache, PARSE_HARD_LIMIT_MS, log.warn.bind(log));
  connection.onExit(() => parser.dispose());
  const publisher = new Publisher(
    {
      diagnostics: (uri, version, diagnostics) => void connection.sendDiagnostics({ uri, version, diagnostics }),
      outline: (uri, version, outline) =>
        void connection.sendNotification(OutlineChangedNotification.type, { uri, version, outline }),
    },
    () => !session.features.pullDiagnostics,
  );
  const analyses: Analyses = new Analyses({
    analyze: createAnalyzer(documents, workspace, log, cache, {
      parser,
      parsedLate: (uri) => {
        analyses.refresh(uri);
        if (session.refreshesDiagnostics) connection.languages.diagnostics.refresh();
      },
    }),
    version: (uri) => documents.get(uri)?.version,
    analyzed: (result) => guard('publishing results', () => publisher.publish(result)),
  });

  const index = new PlanIndex(cache, () => !session.restricted);
  const { files } = registerLanguageFeatures({
    connection,
    analyses,
    workspace,
    index,
    openUris: () => documents.keys(),
    clientFeatures: () => session.features,
  });
  const workspaceDiagnostics = new WorkspaceDiagnostics(workspace, index, (uri) => documents.get(uri) !== undefined);
  registerPullDiagnostics(connection, analyses, workspaceDiagnostics, log);
  const plans = new PlansList({ workspace, index, analyses, openUris: () => documents.keys() });

  function settingsChanged(): void {
    workspace.invalidate();
    index.invalidate();
    analyses.invalidate(documents.keys());
    if (session.refreshesDiagnostics) connection.languages.diagnostics.refresh();
    if (session.features.inlayHintRefresh) void connection.languages.inlayHint.refresh();
  }

  function guard(what: string, work: () => void): void {
    try {
      work();
    } catch (error) {
      log.error(`Failed ${what}: ${describe(error)}`);
    }
  }

  registerSessionEvents(connection, {
    session,
    workspace,
    watching,
    // Loading the worker takes a few hundred milliseconds: not when the first large plan opens.
    started: () => parser.start(),
    settingsChanged,
    filesChanged(plans) {
      // A plan created, deleted or changed on disk: list the plans again (changed ones are re-read by mtime).
      if (plans) index.invalidate();
      files.invalidate();
    },
  });

  trackDocuments(documents, {
    analyses,
    debounceMs: (uri) =>
      workspace.lastSettings(workspace.scope(uri).folder)?.config.debounceMs ?? DEFAULT_CONFIG.debounceMs,
    edited: (uri) => plans.touched(uri),
    closed: (uri) => {
      publisher.closed(uri);
      plans.closed(uri);
    },
  });

  connection.onRequest(
    OutlineRequest.type,
    async ({ textDocument, now }) => (await analyses.get(textDocument.uri, now === true))?.analysis?.outline ?? null,
  );

  connection.onRequest(PlansRequest.type, async () => {
    try {
      return await plans.list();
    } catch (error) {
      log.error(`Listing the plans failed: ${describe(error)}`);
      return [];
    }
  });

  registerAgentTools(connection, documents, workspace);

  documents.listen(connection);
}
