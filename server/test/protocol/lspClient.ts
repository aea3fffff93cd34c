import assert from 'node:assert/strict';
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type ConfigurationParams,
  DocumentDiagnosticReportKind,
  type DocumentDiagnosticReport,
  type FullDocumentDiagnosticReport,
  type InitializeResult,
  type MessageConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver/node';
import { OutlineChangedNotification, OutlineRequest, type OutlineChangedParams } from '../../src/protocol';

// A small LSP client for the protocol tests: spawns the built server
// (`node dist/server.js --stdio`), records every message the server sends, and
// lets a test await one that matches, with a timeout instead of a sleep.

export const SERVER = join(__dirname, '..', '..', '..', 'dist', 'server.js');
const DEFAULT_TIMEOUT_MS = 10_000;

export interface Received {
  /** Notification or server-to-client request method. */
  method: string;
  params: unknown;
}

export interface ClientOptions {
  /** Advertise pull diagnostics (`textDocument/diagnostic` and refresh); push otherwise. */
  pull: boolean;
  /** Workspace folders, as file-system paths. */
  folders?: string[];
  /** Answer `workspace/configuration` with this function; without it, the capability is not advertised. */
  settings?: (scopeUri: string | undefined) => unknown;
  /** Advertise dynamic registration of file watchers. */
  watchers?: boolean;
  /** Sent as `initializationOptions` (VS Code's client sends `{ workspaceTrusted }`). */
  initializationOptions?: unknown;
  /** How to talk to the server: stdio (any editor, the default) or node IPC (VS Code's client). */
  transport?: 'stdio' | 'ipc';
}

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

/** Rejects when `promise` has not settled within `ms`, naming what was awaited. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A pulled report, asserted to be a full one (not "unchanged"). */
export function full(report: DocumentDiagnosticReport): FullDocumentDiagnosticReport {
  assert.equal(report.kind, DocumentDiagnosticReportKind.Full);
  return report;
}

export class LspTestClient {
  /** Everything the server sent (notifications and requests), in order. */
  readonly received: Received[] = [];
  /** Change to answer later `workspace/configuration` requests differently. */
  settings: ((scopeUri: string | undefined) => unknown) | undefined;
  initializeResult!: InitializeResult;
  private readonly listeners = new Set<(message: Received) => void>();
  private stderr = '';
  private readonly kill = () => this.child.kill('SIGKILL');

  private constructor(
    private readonly child: ChildProcess,
    readonly connection: MessageConnection,
  ) {
    child.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    // Should a test file end without stop(), the server goes with it.
    process.once('exit', this.kill);
    connection.onNotification((method, params) => this.record({ method, params }));
    connection.onRequest((method, params) => {
      this.record({ method, params });
      if (method === 'workspace/configuration') {
        return (params as ConfigurationParams).items.map((item) => this.settings?.(item.scopeUri) ?? null);
      }
      return null;
    });
    connection.listen();
  }

  static async start(options: ClientOptions): Promise<LspTestClient> {
    const { child, connection } = options.transport === 'ipc' ? startIpc() : startStdio();
    const client = new LspTestClient(child, connection);
    client.settings = options.settings;
    const folders = (options.folders ?? []).map((path, i) => ({ uri: fileUri(path), name: `folder${i}` }));
    client.initializeResult = await withTimeout(
      connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: folders[0]?.uri ?? null,
        workspaceFolders: folders,
        capabilities: capabilities(options),
        initializationOptions: options.initializationOptions,
      }),
      DEFAULT_TIMEOUT_MS,
      'the initialize response',
    );
    await connection.sendNotification('initialized', {});
    return client;
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'markdown', version, text },
    });
  }

  change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges,
    });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  changeConfiguration(settings: unknown): Promise<void> {
    return this.connection.sendNotification('workspace/didChangeConfiguration', { settings: { planmark: settings } });
  }

  changeWatchedFiles(changes: Array<{ uri: string; type: 1 | 2 | 3 }>): Promise<void> {
    return this.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
  }

  pull(uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> {
    return withTimeout(
      this.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId }),
      DEFAULT_TIMEOUT_MS,
      `pulled diagnostics for ${uri}`,
    );
  }

  /** Any request, answered within the default timeout. */
  request<R>(method: string, params: unknown): Promise<R> {
    return withTimeout(this.connection.sendRequest<R>(method, params), DEFAULT_TIMEOUT_MS, `the ${method} response`);
  }

  outline(uri: string, options: { now?: boolean; timeoutMs?: number } = {}) {
    return withTimeout(
      this.connection.sendRequest(OutlineRequest.type, { textDocument: { uri }, now: options.now }),
      options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      `the outline of ${uri}`,
    );
  }

  /** Index of the next message to arrive: pass it as `from` to ignore what came before. */
  mark(): number {
    return this.received.length;
  }

  /** The first message from index `from` on with this method for which `accept` holds: already received, or the next one. */
  waitFor<T>(
    method: string,
    accept: (params: T) => boolean = () => true,
    from = 0,
    timeoutMs = DEFAULT_TIMEOUT_MS,
  ): Promise<T> {
    const matches = (m: Received) => m.method === method && accept(m.params as T);
    const earlier = this.received.slice(from).find(matches);
    if (earlier) return Promise.resolve(earlier.params as T);
    let listener!: (message: Received) => void;
    const arrival = new Promise<T>((resolve) => {
      listener = (message) => matches(message) && resolve(message.params as T);
      this.listeners.add(listener);
    });
    const recent = () =>
      this.received
        .slice(-5)
        .map((m) => m.method)
        .join(', ');
    return withTimeout(
      arrival,
      timeoutMs,
      `${method} (last received: ${recent() || 'nothing'}; server stderr: ${this.stderr.slice(-500) || 'empty'})`,
    ).finally(() => this.listeners.delete(listener));
  }

  /** The published diagnostics for `uri` that `accept`, from index `from` on. */
  diagnostics(
    uri: string,
    accept: (params: PublishDiagnosticsParams) => boolean = () => true,
    from = 0,
  ): Promise<PublishDiagnosticsParams> {
    return this.waitFor<PublishDiagnosticsParams>(
      'textDocument/publishDiagnostics',
      (p) => p.uri === uri && accept(p),
      from,
    );
  }

  outlineChanged(
    uri: string,
    accept: (params: OutlineChangedParams) => boolean = () => true,
    from = 0,
  ): Promise<OutlineChangedParams> {
    return this.waitFor<OutlineChangedParams>(
      OutlineChangedNotification.method,
      (p) => p.uri === uri && accept(p),
      from,
    );
  }

  /** Messages received so far with this method. */
  all<T>(method: string): T[] {
    return this.received.filter((m) => m.method === method).map((m) => m.params as T);
  }

  /** Shuts the server down politely, and kills it if it does not exit promptly. */
  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) =>
      this.child.exitCode !== null ? resolve() : this.child.once('exit', () => resolve()),
    );
    try {
      await withTimeout(this.connection.sendRequest('shutdown'), 2000, 'the shutdown response');
      await this.connection.sendNotification('exit');
      await withTimeout(exited, 2000, 'the server to exit');
    } catch {
      this.kill();
      await exited;
    } finally {
      this.connection.dispose();
      process.off('exit', this.kill);
    }
  }

  private record(message: Received): void {
    this.received.push(message);
    for (const listener of this.listeners) listener(message);
  }
}

function startStdio() {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
  return {
    child,
    connection: createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin)),
  };
}

function startIpc() {
  const child = fork(SERVER, ['--node-ipc'], { silent: true });
  return { child, connection: createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child)) };
}

function capabilities(options: ClientOptions): ClientCapabilities {
  return {
    textDocument: {
      synchronization: { dynamicRegistration: false, didSave: false },
      completion: { completionItem: { snippetSupport: true } },
      publishDiagnostics: { relatedInformation: false, versionSupport: true },
      ...(options.pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
    },
    workspace: {
      configuration: options.settings !== undefined,
      workspaceFolders: true,
      didChangeConfiguration: { dynamicRegistration: false },
      didChangeWatchedFiles: { dynamicRegistration: options.watchers === true, relativePatternSupport: true },
      ...(options.pull ? { diagnostics: { refreshSupport: true } } : {}),
    },
  };
}
