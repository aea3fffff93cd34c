import { stat } from 'node:fs/promises';
import { URI } from 'vscode-uri';
import type { Analysis } from '../engine';
import type { PlanIndex } from '../node/planIndex';
import type { PlanSummary } from '../protocol';
import type { Analyses } from './analyses';
import type { Workspace } from './workspace';

// `planmark/plans`, what the Plans view lists: every plan of the workspace. The
// plans on disk are found as workspace diagnostics find them (one notion of a
// plan); an open plan is summarised from its current text, so that the view
// agrees with the Plan view and the status bar while the author types.

export interface PlansDeps {
  workspace: Workspace;
  index: PlanIndex;
  analyses: Pick<Analyses, 'get'>;
  /** Uris of the open documents. */
  openUris(): string[];
}

export class PlansList {
  /** When each open document last changed in the editor (ms), for "sorted by recent change". */
  private readonly edited = new Map<string, number>();

  constructor(private readonly deps: PlansDeps) {}

  /** An open document's text changed (not saved yet, maybe). */
  touched(uri: string): void {
    this.edited.set(uri, Date.now());
  }

  closed(uri: string): void {
    this.edited.delete(uri);
  }

  async list(): Promise<PlanSummary[]> {
    const { workspace, index, analyses } = this.deps;
    const plans: PlanSummary[] = [];
    const seen = new Set<string>();
    for (const uri of this.deps.openUris()) {
      const result = await analyses.get(uri);
      if (!result?.analysis && result?.failure === undefined) continue;
      if (result.failure !== undefined && !(await this.onDisk(uri))) continue;
      seen.add(uri);
      const scope = workspace.scope(uri);
      plans.push({
        ...summary(uri, scope.relativePath, scope.folder?.uri, result.analysis, result.failure),
        modified: Math.max(this.edited.get(uri) ?? 0, await mtime(uri)),
      });
    }
    for (const folder of workspace.list()) {
      const settings = await workspace.settings(folder);
      for (const path of await index.plans(folder.path, settings)) {
        const uri = URI.file(path).toString();
        // Open (summarised above), or listed by a parent folder already (nested folders).
        if (seen.has(uri)) continue;
        seen.add(uri);
        const plan = await index.analyze(path, settings, folder.path);
        const scope = workspace.scope(uri);
        plans.push({
          ...summary(uri, scope.relativePath, scope.folder?.uri, plan.analysis, plan.failure),
          modified: await mtime(uri),
        });
      }
    }
    return plans;
  }

  /** A failed open document is listed only when it is a plan on disk (its failure says nothing else). */
  private async onDisk(uri: string): Promise<boolean> {
    const { workspace, index } = this.deps;
    const { folder } = workspace.scope(uri);
    if (!folder) return false;
    const plans = await index.plans(folder.path, await workspace.settings(folder));
    return plans.includes(URI.parse(uri).fsPath);
  }
}

function summary(
  uri: string,
  path: string,
  folder: string | undefined,
  analysis: Analysis | undefined,
  failure: string | undefined,
): Omit<PlanSummary, 'modified'> {
  const count = (...severities: string[]) =>
    analysis?.findings.filter((f) => severities.includes(f.severity)).length ?? 0;
  const outline = analysis?.outline;
  return {
    uri,
    path,
    ...(folder ? { folder } : {}),
    ...(outline?.title ? { title: outline.title } : {}),
    ...(analysis?.profile ? { profile: { id: analysis.profile.id, title: analysis.profile.title } } : {}),
    done: outline?.done ?? 0,
    total: outline?.total ?? 0,
    percent: outline?.percent ?? 0,
    errors: count('error'),
    warnings: count('warning'),
    others: count('information', 'hint'),
    ...(failure !== undefined ? { failure } : {}),
  };
}

/** The file's modification time; now for a document that is not on disk (untitled). */
async function mtime(uri: string): Promise<number> {
  const parsed = URI.parse(uri);
  if (parsed.scheme !== 'file') return Date.now();
  try {
    return (await stat(parsed.fsPath)).mtimeMs;
  } catch {
    return Date.now();
  }
}
