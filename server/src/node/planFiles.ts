import { open } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { glob } from 'tinyglobby';
import { isAgentCommand, isPlanDocument, type PlanSelection } from '../engine';
import { RepoFactsReader } from './repoFacts';

// Plan files on disk, found the way the editor decides what a plan is: Markdown
// whose path (relative to the workspace root) matches the include globs, that
// profile detection recognises (spec-kit's specs/<feature>/tasks.md, …), or whose
// H1 ends in "Implementation Plan"; never a template file. One search for
// `planmark check FOLDER` and the server's workspace diagnostics, symbols and
// Plans view, with the same facts the server gives an open document: a file is a
// plan in the Problems panel exactly when it is one in the CLI and the Plan view.
// Dot folders are searched (Kiro keeps its specs in `.kiro/specs/`).

const IGNORED = ['**/node_modules/**', '**/.git/**'];
// isPlanDocument reads no further than this for the H1 test.
const HEAD_BYTES = 16 * 1024;

export interface FindOptions {
  /** The workspace root the include globs are relative to (default: the folder searched). */
  root?: string;
}

/** The plan files under `folder`, as absolute paths, sorted. */
export async function findPlanFiles(
  folder: string,
  config: PlanSelection,
  options: FindOptions = {},
): Promise<string[]> {
  const facts = new RepoFactsReader(true);
  const root = options.root ?? folder;
  const found = await glob('**/*.md', {
    cwd: folder,
    ignore: IGNORED,
    absolute: true,
    dot: true,
    caseSensitiveMatch: false,
  });
  const plans: string[] = [];
  for (const path of found.sort())
    if (await isPlanFile(path, config, { root, folder, facts })) plans.push(resolve(path));
  return plans;
}

/**
 * Does the file at `path` count as a plan, by its path from `root` (include globs,
 * profile conventions) or its H1? A file outside `root` is taken from `folder`, its own root.
 */
export async function isPlanFile(
  path: string,
  config: PlanSelection,
  {
    root,
    folder = root,
    facts = new RepoFactsReader(true),
  }: { root: string; folder?: string; facts?: RepoFactsReader },
): Promise<boolean> {
  const rel = toPosix(isUnder(path, root) ? relative(root, path) : relative(folder, path));
  // The path alone decides most files (include globs, conventions): no read. Otherwise the
  // head, with every fact an open document's analysis has (siblings, templates).
  // The path alone may take an agent's command file for a plan (`speckit.plan.md`): its head says.
  if (isPlanDocument(rel, '', config, facts.layout(path, root))) return !isAgentCommand(rel, await readHead(path));
  return isPlanDocument(rel, await readHead(path), config, facts.read(path, root));
}

/** The first bytes of a file, enough for the H1 test; '' when it cannot be read. */
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
    return '';
  }
}

export function isUnder(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel);
}

export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}
