import { dirname } from 'node:path';
import { GitRepository } from '../node/gitHistory';
import { listWorkspace, resolveNamedFiles } from '../node/completionFacts';
import type { CompletionDepends } from './checkFile';

// `check --cache` and phantom-completion: a result judged on facts from outside the
// plan (which named files exist, what git says) is reused only while those facts
// still hold. The named files are resolved again (cheap: a stat each, the workspace
// listed once per run only if a path has to be searched for); git's state (HEAD, the
// default branch, `git status`) is read once per run, and only when an entry needs it.

/** What a cache entry keeps of the facts: the files as resolved, and git's state when git was asked. */
export interface StoredDepends {
  files: Record<string, string | null>;
  git?: string;
}

export class CompletionFreshness {
  private state?: Promise<string | undefined>;
  private listing?: Promise<string[]>;

  constructor(
    private readonly root: string,
    /** The cache file: written by every run, it is no change of the work. */
    private readonly cacheFile?: string,
    /** The root's repository, shared with the rest of the run. */
    private readonly repository: () => Promise<GitRepository | undefined> = () => GitRepository.open(root),
  ) {}

  /** Git's state for the root's repository now; undefined outside one. */
  gitState(): Promise<string | undefined> {
    this.state ??= this.repository().then((repo) => repo?.state(this.cacheFile ? [this.cacheFile] : []));
    return this.state;
  }

  /** What to store for a fresh result: its facts, with git's state read before the run. */
  async store(depends: CompletionDepends): Promise<StoredDepends> {
    return { files: depends.files, ...(depends.git ? { git: (await this.gitState()) ?? '' } : {}) };
  }

  /** Do the facts a cached result of the plan at `planPath` was judged on still hold? */
  async holds(planPath: string, depends: StoredDepends): Promise<boolean> {
    if (depends.git !== undefined && (await this.gitState()) !== depends.git) return false;
    const paths = Object.keys(depends.files);
    const now = await resolveNamedFiles(this.root, dirname(planPath), paths, () => this.list());
    return paths.every((p) => now.get(p) === depends.files[p]);
  }

  private list(): Promise<string[]> {
    this.listing ??= listWorkspace(this.root);
    return this.listing;
  }
}
