import {
  DocumentDiagnosticReportKind,
  type Connection,
  type DocumentDiagnosticReport,
  type WorkspaceDiagnosticReport,
} from 'vscode-languageserver/node';
import type { Analyses } from './analyses';
import { diagnosticsFor, failureDiagnostic } from './diagnostics';
import type { WorkspaceDiagnostics } from './workspaceDiagnostics';

// The pull model: `textDocument/diagnostic` for open documents (unchanged when the
// result id is the one the client holds) and `workspace/diagnostic` for the plans
// on disk. A failure is logged and answered, never thrown at the client.

type Log = { error(message: string): void };

export async function documentReport(
  analyses: Pick<Analyses, 'get'>,
  uri: string,
  previousResultId: string | undefined,
  log: Log,
): Promise<DocumentDiagnosticReport> {
  try {
    const result = await analyses.get(uri);
    if (!result) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    if (result.resultId === previousResultId)
      return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: result.resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId: result.resultId, items: diagnosticsFor(result) };
  } catch (error) {
    log.error(`Diagnostics for ${uri} failed: ${describe(error)}`);
    return { kind: DocumentDiagnosticReportKind.Full, items: [failureDiagnostic(String(error))] };
  }
}

export async function workspaceReport(
  workspaceDiagnostics: Pick<WorkspaceDiagnostics, 'report'>,
  previousResultIds: ReadonlyArray<{ uri: string; value: string }>,
  log: Log,
): Promise<WorkspaceDiagnosticReport> {
  try {
    return await workspaceDiagnostics.report(previousResultIds);
  } catch (error) {
    log.error(`Workspace diagnostics failed: ${describe(error)}`);
    return { items: [] };
  }
}

export function registerPullDiagnostics(
  connection: Connection,
  analyses: Analyses,
  workspaceDiagnostics: WorkspaceDiagnostics,
  log: Log,
): void {
  connection.languages.diagnostics.on(({ textDocument, previousResultId }) =>
    documentReport(analyses, textDocument.uri, previousResultId, log),
  );
  connection.languages.diagnostics.onWorkspace(({ previousResultIds }) =>
    workspaceReport(workspaceDiagnostics, previousResultIds, log),
  );
}

export function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
