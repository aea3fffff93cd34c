import {
  ErrorCodes,
  ResponseError,
  type Connection,
  type InlayHint,
  type InlayHintParams,
  type ServerCapabilities,
  type SymbolInformation,
} from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { codeActions, FIX_ALL_KIND, QUICK_FIX_KIND } from '../features/codeActions';
import { codeLenses } from '../features/codeLens';
import { startTaskLenses } from '../features/startTask';
import { completion, COMPLETION_TRIGGERS } from '../features/completion';
import { modelled, type PlanDocument } from '../features/document';
import { foldingRanges } from '../features/folding';
import { graphView } from '../features/graphView';
import { hover } from '../features/hover';
import { newTaskBelow } from '../features/taskCompletion';
import { documentLinks } from '../features/links';
import { definition, prepareRename, references, rename } from '../features/navigation';
import { readinessHints, readinessLenses } from '../features/readiness';
import { documentSymbols, workspaceSymbols } from '../features/symbols';
import { DiskWorkspaceFiles } from '../node/workspaceFiles';
import type { PlanIndex } from '../node/planIndex';
import {
  GraphRequest,
  NewTaskRequest,
  type GraphParams,
  type NewTask,
  type NewTaskParams,
  type PlanGraphView,
} from '../protocol';
import type { Analyses } from './analyses';
import type { ClientFeatures } from './features';
import type { Workspace } from './workspace';

// The editor features' handlers: each fetches the cached analysis of the
// document's current version and hands it to a pure feature function.

const MAX_WORKSPACE_SYMBOLS = 1000;

export interface FeatureDeps {
  connection: Connection;
  analyses: Analyses;
  workspace: Workspace;
  index: PlanIndex;
  /** Uris of the open documents. */
  openUris(): string[];
  clientFeatures(): ClientFeatures;
}

export function featureCapabilities(): ServerCapabilities {
  return {
    codeActionProvider: { codeActionKinds: [QUICK_FIX_KIND, FIX_ALL_KIND] },
    completionProvider: { triggerCharacters: COMPLETION_TRIGGERS },
    hoverProvider: true,
    documentSymbolProvider: { label: 'planmark' },
    workspaceSymbolProvider: true,
    foldingRangeProvider: true,
    definitionProvider: true,
    referencesProvider: true,
    renameProvider: { prepareProvider: true },
    documentLinkProvider: { resolveProvider: false },
    codeLensProvider: { resolveProvider: false },
    inlayHintProvider: { resolveProvider: false },
  };
}

export function registerLanguageFeatures(deps: FeatureDeps): { files: DiskWorkspaceFiles } {
  const { connection, analyses, workspace } = deps;
  const files = new DiskWorkspaceFiles({ folderPath: (uri) => workspace.scope(uri).folder?.path });

  async function plan(uri: string): Promise<PlanDocument | undefined> {
    const result = await analyses.get(uri);
    return result?.analysis && result.engine ? { uri, analysis: result.analysis, engine: result.engine } : undefined;
  }
  /** Registers a handler that answers `empty` for documents that are not (analysed) plans. */
  const on = <P extends { textDocument: { uri: string } }, R, E>(
    register: (h: (p: P) => Promise<R | E>) => void,
    empty: E,
    work: (doc: PlanDocument, p: P) => R | Promise<R>,
  ) =>
    register(async (params) => {
      const doc = await plan(params.textDocument.uri);
      return doc ? work(doc, params) : empty;
    });

  on(connection.onCodeAction, [], (doc, p) => codeActions(doc, p));
  on(connection.onCompletion, null, (doc, p) =>
    completion(doc, p.position, files, { snippets: deps.clientFeatures().snippets }),
  );
  on(connection.onHover, null, (doc, p) => hover(doc, p.position));
  on(connection.onDocumentSymbol, [], (doc) => documentSymbols(doc));
  on(connection.onFoldingRanges, [], (doc) => foldingRanges(doc));
  on(connection.onDefinition, null, (doc, p) => definition(doc, p.position));
  on(connection.onReferences, [], (doc, p) => references(doc, p.position, p.context.includeDeclaration));
  on(connection.onPrepareRename, null, (doc, p) => prepareRename(doc, p.position));
  on(connection.onRenameRequest, null, (doc, p) => {
    const result = rename(doc, p.position, p.newName);
    if (result && 'error' in result) throw new ResponseError(ErrorCodes.InvalidRequest, result.error);
    return result;
  });
  on(connection.onDocumentLinks, [], (doc) => documentLinks(doc, files));
  on(connection.onCodeLens, [], (doc) => [
    ...codeLenses(doc),
    ...readinessLenses(doc),
    ...startTaskLenses(doc, workspace.scope(doc.uri).relativePath),
  ]);
  on<InlayHintParams, InlayHint[], InlayHint[]>(
    (h) => connection.languages.inlayHint.on(h),
    [],
    (doc) => readinessHints(doc),
  );
  on<GraphParams, PlanGraphView | null, null>(
    (h) => connection.onRequest(GraphRequest.type, h),
    null,
    (doc) => graphView(doc),
  );
  on<NewTaskParams, NewTask | null, null>(
    (h) => connection.onRequest(NewTaskRequest.type, h),
    null,
    (doc, p) => {
      const m = modelled(doc);
      return m ? newTaskBelow(m, p.line) : null;
    },
  );
  connection.onWorkspaceSymbol(({ query }) => symbolsEverywhere(deps, plan, query));
  return { files };
}

/** Tasks of the open plans (their current text) and of the plans on disk that are not open. */
async function symbolsEverywhere(
  deps: FeatureDeps,
  plan: (uri: string) => Promise<PlanDocument | undefined>,
  query: string,
): Promise<SymbolInformation[]> {
  const symbols: SymbolInformation[] = [];
  const open = new Set(deps.openUris());
  for (const uri of open) {
    const doc = await plan(uri);
    if (doc) symbols.push(...workspaceSymbols(doc, query));
  }
  for (const folder of deps.workspace.list()) {
    const settings = await deps.workspace.settings(folder);
    for (const path of await deps.index.plans(folder.path, settings)) {
      const uri = URI.file(path).toString();
      // Nested folders list the same plan twice.
      if (open.has(uri) || symbols.length >= MAX_WORKSPACE_SYMBOLS) continue;
      open.add(uri);
      const found = await deps.index.analyze(path, settings, folder.path);
      if (found.analysis && found.engine)
        symbols.push(...workspaceSymbols({ uri, analysis: found.analysis, engine: found.engine }, query));
    }
  }
  return symbols.slice(0, MAX_WORKSPACE_SYMBOLS);
}
