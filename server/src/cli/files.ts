import { stat } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import type { PlanConfig } from '../engine';
import { findPlanFiles, isUnder } from '../node/planFiles';

// Which files `planmark check` looks at. A file named on the command line is
// always checked; a folder is searched for Markdown that counts as a plan by the
// same test the editor uses (include globs relative to the workspace root, or an
// "… Implementation Plan" H1).

export interface Target {
  /** The path as shown in output: relative to cwd when under it, else absolute. */
  file: string;
  /** Absolute path. */
  path: string;
}

export interface TargetProblem {
  file: string;
  message: string;
}

export interface Targets {
  targets: Target[];
  /** Paths that do not exist or cannot be searched. */
  problems: TargetProblem[];
  /** Folders that held no plan (worth a note, not an error). */
  emptyFolders: string[];
}

export async function collectTargets(
  args: readonly string[],
  cwd: string,
  config: Pick<PlanConfig, 'include' | 'includeByTitle'>,
): Promise<Targets> {
  const result: Targets = { targets: [], problems: [], emptyFolders: [] };
  const seen = new Set<string>();
  const add = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    result.targets.push({ file: displayPath(path, cwd), path });
  };
  for (const arg of args) {
    const path = resolve(cwd, arg);
    let isDirectory: boolean;
    try {
      isDirectory = (await stat(path)).isDirectory();
    } catch (error) {
      // Reading reports it with the same words as any other unreadable file.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        add(path);
        continue;
      }
      result.problems.push({ file: arg, message: `${arg}: no such file or folder` });
      continue;
    }
    if (!isDirectory) {
      add(path);
      continue;
    }
    const plans = await findPlanFiles(path, config, { root: cwd });
    if (plans.length === 0) result.emptyFolders.push(arg);
    plans.forEach(add);
  }
  return result;
}

export function displayPath(path: string, cwd: string): string {
  if (path === cwd) return '.';
  return isUnder(path, cwd) ? relative(cwd, path) : path;
}
