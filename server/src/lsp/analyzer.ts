import { performance } from 'node:perf_hooks';
import { isPlanDocument } from '../engine';
import { engineFor } from '../node/settings';
import type { AnalyzedDocument } from './analyses';
import type { Workspace } from './workspace';

// From a document's uri to the engine's analysis: find its folder's settings,
// decide whether it is a plan, run the engine. Any exception ends here, logged,
// as a failure the user sees as one information diagnostic.

export interface Logger {
  error(message: string): void;
  info(message: string): void;
}

/** Analyses taking longer than this are logged: the user feels them despite the debounce. */
const SLOW_MS = 100;

export interface OpenDocuments {
  get(uri: string): { version: number; getText(): string } | undefined;
}

export function createAnalyzer(documents: OpenDocuments, workspace: Workspace, logger: Logger) {
  return async (uri: string): Promise<AnalyzedDocument | undefined> => {
    try {
      const scope = workspace.scope(uri);
      const settings = await workspace.settings(scope.folder);
      // Read the text only now: the document may have changed while settings loaded.
      const document = documents.get(uri);
      if (!document) return undefined;
      const { version } = document;
      const text = document.getText();
      if (!isPlanDocument(scope.relativePath, text, settings.config)) return { uri, version };
      // Timed apart from the debounce delay: this is the work that blocks the server.
      const start = performance.now();
      const engine = engineFor(settings);
      const analysis = engine.analyze(text);
      const ms = performance.now() - start;
      if (ms > SLOW_MS) logger.info(`Analyzing ${uri} (version ${version}, ${text.length} characters) took ${ms.toFixed(0)} ms`);
      return { uri, version, analysis, engine };
    } catch (error) {
      logger.error(`Validating ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      const version = documents.get(uri)?.version;
      return version === undefined ? undefined : { uri, version, failure: error instanceof Error ? error.message : String(error) };
    }
  };
}
