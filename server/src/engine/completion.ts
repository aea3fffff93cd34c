import type { PlanModel, TaskItem } from './model';
import { filesOf, type FileMention } from './taskFiles';

// What planmark knows about the work behind a ticked task, beyond the plan's
// text: whether the files it names exist, and what git says changed after the
// task was written. The engine does not read the disk; the CLI, the language
// server and the MCP server gather these facts (server/src/node/completionFacts.ts)
// and pass them in. The phantom-completion rule judges them.

export interface CommitInfo {
  /** Abbreviated hash. */
  hash: string;
  /** Author date, YYYY-MM-DD. */
  date: string;
  subject: string;
}

/** Git's evidence for one ticked task. */
export interface TaskHistory {
  /** The commit that wrote the task's line; undefined when the line is not committed yet. */
  written?: CommitInfo;
  /** Commits that changed a named file after the task was written (not the commit that wrote it). */
  after: CommitInfo[];
  /** Named files with uncommitted changes (modified, staged or untracked). */
  dirty: string[];
  /** The latest commits that changed a named file up to the one that wrote the task, newest first. */
  before: CommitInfo[];
}

export interface CompletionFacts {
  /**
   * How each named path resolved, keyed by the path as named: the workspace-relative
   * path of what exists, or null when nothing by that name does. A path missing from
   * the map is not judged (its existence is unknown).
   */
  files: ReadonlyMap<string, string | null>;
  /** Git evidence per ticked task, by the offset of its checkbox. Absent: the git check is off or impossible. */
  history?: ReadonlyMap<number, TaskHistory>;
  /**
   * Named paths that do not exist now but that a commit deleted (or moved away), keyed by the
   * path as named: the work was there and went later, so the task is no phantom.
   */
  removed?: ReadonlyMap<string, CommitInfo>;
}

export interface CompletionClaim {
  task: TaskItem;
  files: FileMention[];
}

/** The tasks that name files, with those files: ticked ones only unless `all`. */
export function completionClaims(model: PlanModel, all = false): CompletionClaim[] {
  const claims: CompletionClaim[] = [];
  for (const task of model.tasks) {
    if (!task.checked && !all) continue;
    const files = filesOf(model, task);
    if (files.length > 0) claims.push({ task, files });
  }
  return claims;
}
