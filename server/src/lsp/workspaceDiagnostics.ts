import {
  DocumentDiagnosticReportKind,
  type WorkspaceDiagnosticReport,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import type { PlanIndex } from '../node/planIndex';
import { diagnosticsFor } from './diagnostics';
import type { Workspace } from './workspace';

// `workspace/diagnostic`: the plans on disk that are not open, so that the
// Problems panel lists every plan of the workspace (the `workspaceDiagnostics`
// setting `openFiles` limits it to open ones, which the document pull covers).
// A file whose size, mtime and settings did not change answers "unchanged";
// one reported before and no longer a plan (or now open, or now out of scope)
// is cleared once with an empty report.

export class WorkspaceDiagnostics {
  private reported = new Set<string>();

  constructor(
    private readonly workspace: Workspace,
    private readonly index: PlanIndex,
    private readonly isOpen: (uri: string) => boolean,
  ) {}

  async report(previousResultIds: ReadonlyArray<{ uri: string; value: string }>): Promise<WorkspaceDiagnosticReport> {
    const previous = new Map(previousResultIds.map((p) => [p.uri, p.value]));
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    const now = new Set<string>();
    for (const folder of this.workspace.list()) {
      const settings = await this.workspace.settings(folder);
      if (settings.config.workspaceDiagnostics !== 'workspace') continue;
      for (const path of await this.index.plans(folder.path, settings)) {
        const uri = URI.file(path).toString();
        if (this.isOpen(uri) || now.has(uri)) continue;
        now.add(uri);
        const plan = await this.index.analyze(path, settings, folder.path);
        if (previous.get(uri) === plan.resultId) {
          items.push({ kind: DocumentDiagnosticReportKind.Unchanged, uri, version: null, resultId: plan.resultId });
          continue;
        }
        items.push({
          kind: DocumentDiagnosticReportKind.Full,
          uri,
          version: null,
          resultId: plan.resultId,
          items: diagnosticsFor(plan),
        });
      }
    }
    for (const uri of this.reported) {
      if (!now.has(uri) && !this.isOpen(uri))
        items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, items: [] });
    }
    this.reported = now;
    return { items };
  }
}
