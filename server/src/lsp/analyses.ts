import type { Analysis, PlanEngine } from '../engine';

// One analysis per document version, shared by every feature (diagnostics, the
// outline, and later code actions, symbols…). Changes are debounced per
// document; a request for a document with a pending run waits for that run
// instead of parsing the same version twice.

export interface AnalyzedDocument {
  uri: string;
  version: number;
  /** The engine's analysis; undefined when the document is not a plan, or when validation failed. */
  analysis?: Analysis;
  /** The engine (template, settings) the analysis came from, for the editor features. */
  engine?: PlanEngine;
  /** Why validation failed, when it threw. */
  failure?: string;
}

export interface DocumentResult extends AnalyzedDocument {
  /** Differs between any two results whose diagnostics may differ (pull diagnostics' resultId). */
  resultId: string;
}

export interface AnalysesOptions {
  /** Analyzes the document's current text; undefined when it is no longer open. Must not throw. */
  analyze(uri: string): Promise<AnalyzedDocument | undefined>;
  /** The document's current version; undefined when it is not open. */
  version(uri: string): number | undefined;
  /** Called with each new result (not for results computed with settings that changed meanwhile). Must not throw. */
  analyzed(result: DocumentResult): void;
}

interface Pending {
  timer: NodeJS.Timeout;
  waiters: Array<(result: DocumentResult | undefined) => void>;
}

export class Analyses {
  private readonly cache = new Map<string, DocumentResult>();
  private readonly pending = new Map<string, Pending>();
  private readonly running = new Map<string, Promise<DocumentResult | undefined>>();
  private generation = 0;
  private nextId = 1;

  constructor(private readonly options: AnalysesOptions) {}

  /**
   * The result for the document's current version: cached, after its pending run, or
   * computed now. With `now`, a run still waiting for its debounce delay starts at once.
   */
  get(uri: string, now = false): Promise<DocumentResult | undefined> {
    const version = this.options.version(uri);
    if (version === undefined) return Promise.resolve(undefined);
    const cached = this.cache.get(uri);
    if (cached?.version === version) return Promise.resolve(cached);
    const pending = this.pending.get(uri);
    if (pending && now) {
      clearTimeout(pending.timer);
      this.pending.delete(uri);
      const run = this.run(uri);
      void run.then((result) => pending.waiters.forEach((resolve) => resolve(result)));
      return run;
    }
    if (pending) return new Promise((resolve) => pending.waiters.push(resolve));
    const running = this.running.get(uri);
    if (running) return running.then(() => this.get(uri, now));
    return this.run(uri);
  }

  /** Analyzes the document after `delayMs`, restarting the delay if one is already pending. */
  schedule(uri: string, delayMs: number): void {
    const pending = this.pending.get(uri);
    if (pending) clearTimeout(pending.timer);
    const waiters = pending?.waiters ?? [];
    const timer = setTimeout(() => {
      this.pending.delete(uri);
      void this.run(uri).then((result) => waiters.forEach((resolve) => resolve(result)));
    }, delayMs);
    this.pending.set(uri, { timer, waiters });
  }

  /** Drops every result (settings changed) and analyzes the given documents again. */
  invalidate(uris: Iterable<string>): void {
    this.generation++;
    this.cache.clear();
    for (const uri of uris) this.schedule(uri, 0);
  }

  /** Analyzes the document again although its version did not change (its slow parse has ended). */
  refresh(uri: string): void {
    this.cache.delete(uri);
    this.schedule(uri, 0);
  }

  /** The document was closed: forget it, and answer anyone waiting with nothing. */
  forget(uri: string): void {
    this.cache.delete(uri);
    const pending = this.pending.get(uri);
    if (pending) {
      clearTimeout(pending.timer);
      this.pending.delete(uri);
      pending.waiters.forEach((resolve) => resolve(undefined));
    }
  }

  private run(uri: string): Promise<DocumentResult | undefined> {
    const promise = this.analyzeAndStore(uri).finally(() => {
      if (this.running.get(uri) === promise) this.running.delete(uri);
    });
    this.running.set(uri, promise);
    return promise;
  }

  private async analyzeAndStore(uri: string): Promise<DocumentResult | undefined> {
    const generation = this.generation;
    const analyzed = await this.options.analyze(uri);
    if (!analyzed) return undefined;
    const result: DocumentResult = { ...analyzed, resultId: String(this.nextId++) };
    // Settings changed while this ran: answer the caller, but keep nothing (a new run is scheduled).
    if (generation !== this.generation || this.options.version(uri) === undefined) return result;
    // The document changed while this ran (its text went to the parse worker): a run for
    // the newer version is scheduled or done, and may have published already. Publishing
    // this one would leave a push client with stale diagnostics: answer, keep nothing.
    if (analyzed.version !== this.options.version(uri)) return result;
    this.cache.set(uri, result);
    this.options.analyzed(result);
    return result;
  }
}
