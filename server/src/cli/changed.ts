import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

// `--changed [BASE]`: check only the plans changed against a git base, for
// pre-commit and agents' post-edit hooks. Changed means: different in the working
// tree (staged or not) from the merge-base of BASE and HEAD, or new and not ignored.
// Without BASE, the base is the repository's default branch (origin/HEAD, else
// main or master), so on a feature branch "changed" is the branch's work and on
// the default branch it is what is not committed yet.

const run = promisify(execFile);

export class ChangedError extends Error {}

async function git(cwd: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await run('git', args, { cwd, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') throw new ChangedError('--changed needs git, which is not on the PATH');
    throw new ChangedError(`git ${args.join(' ')} failed: ${(e.stderr ?? e.message).trim()}`);
  }
}

async function succeeds(cwd: string, args: string[]): Promise<boolean> {
  try {
    await run('git', args, { cwd });
    return true;
  } catch {
    return false;
  }
}

/** The default branch to compare with: origin/HEAD's target, else main, else master, else HEAD. */
async function defaultBase(cwd: string): Promise<string> {
  try {
    return (await git(cwd, ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD'])).trim();
  } catch {
    for (const name of ['main', 'master', 'origin/main', 'origin/master'])
      if (await succeeds(cwd, ['rev-parse', '--verify', '--quiet', `${name}^{commit}`])) return name;
    return 'HEAD';
  }
}

/** Is `word` a commit git knows (for `--changed BASE` written with a space)? */
export function isCommit(cwd: string, word: string): Promise<boolean> {
  return succeeds(cwd, ['rev-parse', '--verify', '--quiet', `${word}^{commit}`]);
}

/** Absolute paths of the files changed against `base` (default: see above), deleted ones excluded. */
export async function changedFiles(cwd: string, base?: string): Promise<Set<string>> {
  const root = (await git(cwd, ['rev-parse', '--show-toplevel'])).trim();
  const against = base ?? (await defaultBase(cwd));
  const mergeBase = (await git(cwd, ['merge-base', against, 'HEAD'])).trim();
  const [diff, untracked] = await Promise.all([
    git(root, ['diff', '--name-only', '-z', '--no-renames', '--diff-filter=d', mergeBase, '--']),
    git(root, ['ls-files', '-z', '--others', '--exclude-standard']),
  ]);
  const names = (diff + untracked).split('\0').filter((n) => n !== '');
  return new Set(names.map((n) => resolve(root, n)));
}

/**
 * Takes `--changed`, `--changed=BASE` or `--changed BASE` out of `args` (parseArgs has
 * no optional values). A word after a bare `--changed` is its BASE when git knows it
 * as a commit and it is not an existing path; else it is a path to check.
 */
export async function takeChangedOption(
  args: readonly string[],
  cwd: string,
  exists: (path: string) => boolean,
): Promise<{ args: string[]; changed?: { base?: string } }> {
  const rest = [...args];
  const at = rest.findIndex((a) => a === '--changed' || a.startsWith('--changed='));
  const endOfOptions = rest.indexOf('--');
  if (at < 0 || (endOfOptions >= 0 && endOfOptions < at)) return { args: rest };
  const [option] = rest.splice(at, 1);
  if (option.startsWith('--changed=')) {
    const base = option.slice('--changed='.length);
    if (base === '') throw new ChangedError('--changed= needs a git base, e.g. --changed=main');
    return { args: rest, changed: { base } };
  }
  const next = rest[at];
  if (next !== undefined && !next.startsWith('-') && !exists(resolve(cwd, next)) && (await isCommit(cwd, next))) {
    rest.splice(at, 1);
    return { args: rest, changed: { base: next } };
  }
  return { args: rest, changed: {} };
}
