import { performance } from 'node:perf_hooks';
import { URI } from 'vscode-uri';
import { isPlanDocument, LineIndex, parseWithin, unparsedPieces, type PieceCache, type PlanConfig } from '../engine';
import type { OffThreadParser } from '../node/offThreadParser';
import { RepoFactsReader } from '../node/repoFacts';
import { analyzeWithFacts, CompletionFactsGatherer } from '../node/completionFacts';
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

/**
 * More unparsed text than this is parsed off the main thread. Even micromark's slowest
 * inputs parse this much in about a third of a second; typing re-parses one piece.
 */
const OFF_THREAD_CHARS = 16 * 1024;

export interface OpenDocuments {
  get(uri: string): { version: number; getText(): string } | undefined;
}

export interface OffThread {
  parser: Pick<OffThreadParser, 'parse' | 'whenReady'>;
  /** A parse that outlasted parseTimeoutMs has ended: analyze the document again. */
  parsedLate(uri: string): void;
}

/**
 * @param cache the server's parsed pieces: the worker fills it, the engine reads it
 */
export function createAnalyzer(
  documents: OpenDocuments,
  workspace: Workspace,
  logger: Logger,
  cache: PieceCache,
  offThread?: OffThread,
) {
  /** Texts whose parse was stopped, by uri: not tried again until the text changes. */
  const gaveUp = new Map<string, string>();
  /** What lies around each plan (spec-kit templates, spec.md beside it), for profile detection. */
  const repoFacts = new RepoFactsReader(false, () => !workspace.restricted());
  const completion = new CompletionFactsGatherer();

  /** Parses a large unparsed text in the worker; when it runs too long, the reason to show instead of findings. */
  async function parseOffThread(uri: string, text: string, config: PlanConfig): Promise<string | undefined> {
    if (!offThread || config.parseTimeoutMs === 0 || text.length > config.maxFileSize) return undefined;
    const pieces = unparsedPieces(text, cache);
    if (gaveUp.get(uri) === text) return stopped(text, pieces);
    gaveUp.delete(uri);
    // Parsed here when that takes little new text. Not judged by the split alone: a stray
    // `<!--` at the top makes the first piece swallow the rest of the document.
    if (pieces.reduce((sum, p) => sum + p.length, 0) <= OFF_THREAD_CHARS && parseWithin(text, cache, OFF_THREAD_CHARS))
      return undefined;
    const started = performance.now();
    const parsing = offThread.parser.parse(uri, text);
    void parsing.then((outcome) =>
      logger.info(
        `Parse worker: ${uri} (${pieces.length} new pieces) ${outcome} after ${(performance.now() - started).toFixed(0)} ms`,
      ),
    );
    // parseTimeoutMs counts parsing, not the start-up of a worker on a busy machine.
    const deadline = offThread.parser.whenReady().then(() => delay(config.parseTimeoutMs));
    const outcome = await Promise.race([parsing, deadline]);
    // failed: the worker could not do it; the engine parses here and reports what goes wrong.
    if (outcome === 'parsed' || outcome === 'failed') return undefined;
    if (outcome === 'gave-up') {
      gaveUp.set(uri, text);
      return stopped(text, pieces);
    }
    void parsing.then((late) => {
      if (late === 'gave-up') gaveUp.set(uri, text);
      if (late === 'parsed' || late === 'gave-up') offThread.parsedLate(uri);
    });
    return `parsing it takes longer than ${config.parseTimeoutMs} ms (the parseTimeoutMs setting) — ${largest(text, pieces)}; the findings follow when parsing ends`;
  }

  return async (uri: string): Promise<AnalyzedDocument | undefined> => {
    try {
      const scope = workspace.scope(uri);
      const settings = await workspace.settings(scope.folder);
      // Read the text only now: the document may have changed while settings loaded.
      const document = documents.get(uri);
      if (!document) return undefined;
      const { version } = document;
      const text = document.getText();
      const parsed = URI.parse(uri);
      const facts = parsed.scheme === 'file' ? repoFacts.read(parsed.fsPath, scope.folder?.path) : {};
      if (!isPlanDocument(scope.relativePath, text, settings.config, facts)) return { uri, version };
      const engine = engineFor(settings);
      const late = await parseOffThread(uri, text, settings.config);
      if (late) return { uri, version, analysis: engine.skipped(text, late), engine };
      // Timed apart from the debounce delay: this is the work that blocks the server.
      const start = performance.now();
      // phantom-completion's facts (files on disk, git) for plans in a folder on disk.
      const root = scope.folder?.path;
      const options = { path: scope.relativePath, facts, cache };
      const analysis =
        root && URI.parse(uri).scheme === 'file'
          ? await analyzeWithFacts(
              engine,
              text,
              { root, planPath: URI.parse(uri).fsPath, git: !workspace.restricted() },
              completion,
              options,
            )
          : engine.analyze(text, options);
      const ms = performance.now() - start;
      if (ms > SLOW_MS)
        logger.info(`Analyzing ${uri} (version ${version}, ${text.length} characters) took ${ms.toFixed(0)} ms`);
      return { uri, version, analysis, engine };
    } catch (error) {
      logger.error(
        `Validating ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      const version = documents.get(uri)?.version;
      return version === undefined
        ? undefined
        : { uri, version, failure: error instanceof Error ? error.message : String(error) };
    }
  };
}

function stopped(text: string, pieces: Piece[]): string {
  return `parsing it took so long that planmark stopped (${largest(text, pieces)}); it tries again after the next change`;
}

type Piece = { offset: number; length: number };

/** Names the part of the text that costs the most, so that the author knows where to split it. */
function largest(text: string, pieces: Piece[]): string {
  const piece =
    pieces.length > 0 ? pieces.reduce((a, b) => (b.length > a.length ? b : a)) : { offset: 0, length: text.length };
  const lines = new LineIndex(text);
  const line = (offset: number) => (lines.position(offset).line + 1).toLocaleString('en-US');
  return `the longest stretch without a heading or list item is lines ${line(piece.offset)}–${line(piece.offset + piece.length - 1)}`;
}

function delay(ms: number): Promise<'late'> {
  return new Promise((resolve) => setTimeout(resolve, ms, 'late'));
}
