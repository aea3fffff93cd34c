import { open, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { glob } from 'tinyglobby';
import { isPlanDocument, type PlanConfig } from '../engine';

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

const IGNORED = ['**/node_modules/**', '**/.git/**'];
// isPlanDocument reads no further than this for the H1 test.
const HEAD_BYTES = 16 * 1024;

export async function collectTargets(args: readonly string[], cwd: string, config: Pick<PlanConfig, 'include' | 'includeByTitle'>): Promise<Targets> {
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
    const plans = await findPlans(path, cwd, config);
    if (plans.length === 0) result.emptyFolders.push(arg);
    plans.forEach(add);
  }
  return result;
}

/** Markdown files under `folder` that are plans, sorted for stable output. */
async function findPlans(folder: string, cwd: string, config: Pick<PlanConfig, 'include' | 'includeByTitle'>): Promise<string[]> {
  const found = await glob('**/*.md', { cwd: folder, ignore: IGNORED, absolute: true, dot: true, caseSensitiveMatch: false });
  const plans: string[] = [];
  for (const path of found.sort()) {
    // Globs are relative to the workspace root (cwd); a folder outside it is its own root.
    const rel = toPosix(isUnder(path, cwd) ? relative(cwd, path) : relative(folder, path));
    if (isPlanDocument(rel, '', config) || (config.includeByTitle && isPlanDocument(rel, await readHead(path), config))) {
      plans.push(resolve(path));
    }
  }
  return plans;
}

async function readHead(path: string): Promise<string> {
  try {
    const handle = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(HEAD_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
      return buffer.toString('utf8', 0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch {
    // Unreadable: it cannot be told to be a plan, and it was not named explicitly.
    return '';
  }
}

export function displayPath(path: string, cwd: string): string {
  if (path === cwd) return '.';
  return isUnder(path, cwd) ? relative(cwd, path) : path;
}

export function isUnder(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel);
}

export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}
