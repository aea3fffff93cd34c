import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import type { CommitInfo, TaskHistory } from '../engine';

// What git says about ticked tasks, for the phantom-completion rule: when each
// task's line was written, and which commits changed its files before and
// after. A handful of git processes per plan, whatever its size: one log of the
// plan with its diffs, one log of the named files, one rev-list for ancestry,
// one status. Local and deterministic: no fetch, no network.
//
// "Written" is the first commit that added the task's line with its text as it
// is now, the checkbox's state aside (ticking changes the line, writing it is
// what counts). "After" excludes that commit: files committed with the task were
// there before the task's work began. A line that arrived already ticked (a squash
// merge, a plan committed after its work) is not judged: git cannot tell when its work was done. The floor is the merge-base with the default branch: a task
// ticked at or below it was ticked on the default branch and is not judged
// again here. On the default branch itself (merge-base = HEAD) there is no floor.

/** A ticked task as git is asked about it. */
export interface TaskQuery {
  /** Key of the answer (the checkbox offset). */
  key: number;
  /** The task's line as it is now. */
  line: string;
  /** Its named files that exist, relative to the repository's top folder, with `/`. */
  files: string[];
}

const GIT_TIMEOUT_MS = 20_000;
/** Where the default branch is, in order of preference: its merge-base with HEAD is the floor. */
const DEFAULT_REFS = [
  'refs/remotes/origin/HEAD',
  'refs/remotes/origin/main',
  'refs/remotes/origin/master',
  'refs/heads/main',
  'refs/heads/master',
];
/** What `open` asks rev-parse, one answer a line: the top folder, and whether (and where) the clone is shallow. */
const ABOUT = ['rev-parse', '--show-toplevel', '--is-shallow-repository', '--git-path', 'shallow'];
const REFS_FORMAT = '--format=%(refname) %(objectname)';
/** A log's patches as they are in the repository, whatever its config (no external diff or textconv). */
export const PLAIN_PATCH = ['-p', '--unified=0', '--no-color', '--no-ext-diff', '--no-textconv'];
const SEP = '\x1f';
const RECORD = '\x1e';
const FORMAT = `--format=${RECORD}%h${SEP}%H${SEP}%ad${SEP}%s`;
/** Before-commits kept per task, for the explanation. */
const BEFORE_KEPT = 5;
/** Commits read for all the phantoms' explanations together. */
const EARLIER_KEPT = 200;

interface Commit extends CommitInfo {
  full: string;
}

/**
 * What every history of one `planmark check` run shares, read once on the main
 * thread and handed to the worker threads as plain data (see fromBasis): without
 * it each worker would find the repository, HEAD, the default branch's floor and
 * the shallow boundary again.
 */
export interface GitBasis {
  top: string;
  /** HEAD's commit ('' before the first commit). */
  head: string;
  /** The commits since the floor (see sinceFloor); absent: no floor. */
  since?: string[];
  shallow: string[];
}

export class GitRepository {
  private readonly cache = new Map<string, Promise<unknown>>();
  private cachedHead = '';

  /** `pinnedHead`: HEAD for the whole run (a check run's worker), not read again per plan. */
  private constructor(
    readonly top: string,
    private readonly pinnedHead?: string,
  ) {}

  /** A repository whose per-run facts were read by another thread: no git process to find them again. */
  static fromBasis(basis: GitBasis): GitRepository {
    const repo = new GitRepository(basis.top, basis.head);
    repo.cachedHead = basis.head;
    repo.cache.set('floor', Promise.resolve(basis.since && new Set(basis.since)));
    repo.cache.set('shallow', Promise.resolve(new Set(basis.shallow)));
    return repo;
  }

  /**
   * The repository holding `folder`, or undefined when there is none (or git is not installed).
   * Two processes at once: one rev-parse for the top folder, HEAD and the shallow boundary, and
   * the default branch's refs (the floor). `pinHead`: HEAD as read now stands for the repository's
   * whole life (one CLI run); otherwise it is read again for each plan (an editor's session).
   */
  static async open(folder: string, options: { pinHead?: boolean } = {}): Promise<GitRepository | undefined> {
    const refs = git(folder, ['for-each-ref', REFS_FORMAT, ...DEFAULT_REFS]);
    refs.catch(() => undefined);
    try {
      // `--verify -q HEAD` exits 1 before the first commit, after printing the rest.
      const out = await git(folder, [...ABOUT, '--verify', '-q', 'HEAD'], [1]);
      const [top, shallow, shallowFile, head = ''] = out.split('\n');
      if (!top) return undefined;
      const repo = new GitRepository(top, options.pinHead ? head : undefined);
      repo.cachedHead = head;
      repo.cache.set('refs', refs);
      repo.cache.set('shallow', shallowCommits(shallow, resolve(folder, shallowFile ?? '')));
      return repo;
    } catch {
      return undefined;
    }
  }

  /**
   * Starts reading the plan's history (`git log` of the plan file), to be handed to
   * `histories`: started before the plan is analysed, git works on another core meanwhile.
   */
  static planHistory(planPath: string): Promise<PlanLines> {
    const lines = readPlanLines(dirname(planPath), basename(planPath));
    lines.catch(() => undefined);
    return lines;
  }

  /**
   * What every history depends on, as one string: HEAD, the default branch's refs (the
   * floor) and the uncommitted changes. `check --cache` reuses a git-judged result only
   * while this reads the same. `ignore`: absolute paths whose changes do not count
   * (the cache file itself, written by every run).
   */
  async state(ignore: readonly string[] = []): Promise<string> {
    const excluded = ignore
      .map((path) => this.relative(path))
      .filter((path) => !path.startsWith('../'))
      .map((path) => `:(top,exclude)${path}`);
    const [head, refs, status] = await Promise.all([
      this.run(['rev-parse', '--verify', '-q', 'HEAD']).catch(() => ''),
      this.run(['for-each-ref', '--format=%(refname) %(objectname)', ...DEFAULT_REFS]).catch(() => ''),
      this.run(['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', '.', ...excluded]).catch(() => ''),
    ]);
    return `${head.trim()}\0${refs}\0${status}`;
  }

  /** This run's shared facts, for worker threads (see GitBasis). */
  async basis(): Promise<GitBasis> {
    const head = await this.head();
    const [since, shallow] = head
      ? await Promise.all([this.floor(head), this.shallow()])
      : [undefined, new Set<string>()];
    return { top: this.top, head, ...(since && { since: [...since] }), shallow: [...shallow] };
  }

  /** A path under the repository, relative to its top folder with `/`. */
  relative(path: string): string {
    return relative(this.top, path).split(sep).join('/');
  }

  /**
   * The latest commit that deleted each path (relative to the top, `/`): for named files that
   * no longer exist. A file moved or removed after its task was done is no phantom. One process.
   */
  async deletions(paths: readonly string[]): Promise<Map<string, CommitInfo>> {
    const found = new Map<string, CommitInfo>();
    if (paths.length === 0 || !(await this.head())) return found;
    const out = await this.run([
      'log',
      '--diff-filter=D',
      '--no-renames',
      FORMAT,
      '--date=short',
      '--name-only',
      'HEAD',
      '--',
      ...paths,
    ]);
    // Newest first: the first deletion seen of a path is its latest.
    for (const c of touching(out)) for (const p of c.paths) if (!found.has(p)) found.set(p, info(c));
    return found;
  }

  /**
   * Git's evidence for each ticked task of the plan at `planPath` (absolute). `started`: the
   * plan's history as `planHistory` began reading it, for this repository's HEAD.
   */
  async histories(
    planPath: string,
    tasks: readonly TaskQuery[],
    started?: Promise<PlanLines>,
  ): Promise<Map<number, TaskHistory>> {
    const answers = new Map<number, TaskHistory>();
    if (tasks.length === 0) return answers;
    const head = await this.head();
    // Git matches each pathspec against each commit: a thousand files cost seconds. The
    // files' top folders are a handful of pathspecs; the files are picked out here.
    const files = new Set(tasks.flatMap((t) => t.files));
    const tops = [...new Set([...files].map((f) => f.split('/')[0] + (f.includes('/') ? '/' : '')))].sort();
    // Asked alongside the rest: nothing else waits for it.
    const changes = this.dirty(tops);
    if (!head) {
      const dirty = await changes;
      for (const t of tasks) answers.set(t.key, { after: [], before: [], dirty: dirtyOf(t.files, dirty) });
      return answers;
    }
    const [lines, since, shallow] = await Promise.all([
      this.memo(`plan\0${planPath}`, () => started ?? readPlanLines(this.top, this.relative(planPath))),
      this.floor(head),
      this.shallow(),
    ]);
    const writers = tasks.map((t) => lines.written.get(normalise(t.line)));
    const first = oldest(writers, lines.order);
    const [order, recent] = await Promise.all([
      this.memo(`order\0${first?.full ?? ''}`, () => this.topoOrder(first)),
      this.memo(`recent\0${first?.full ?? ''}\0${tops.join('\0')}`, () => this.commitsSince(first, tops)),
    ]);
    const dirty = await changes;
    const phantoms: Array<{ task: TaskQuery; history: TaskHistory }> = [];
    tasks.forEach((t, i) => {
      const tick = lines.exact.get(t.line.trimEnd());
      // Ticked on the default branch (at or below the floor): judged there, not here.
      if (since && tick && !since.has(tick.full)) return;
      const written = writers[i];
      // A shallow clone's oldest commit seems to add every line: when the task was written is unknown.
      if (written && shallow.has(written.full)) return;
      // A line that arrived already ticked (a squash merge, a plan committed after its work)
      // says nothing of when the work was done: not judged, as at a shallow clone's boundary.
      if (written && tick?.full === written.full) return;
      const w = written && order.get(written.full);
      const after =
        w === undefined
          ? []
          : recent.filter((c) => (order.get(c.full) ?? Infinity) < w && touches(c, t.files)).map(info);
      const history: TaskHistory = {
        written: written && info(written),
        after,
        before: [],
        dirty: dirtyOf(t.files, dirty),
      };
      answers.set(t.key, history);
      if (after.length === 0 && history.dirty.length === 0) phantoms.push({ task: t, history });
    });
    // For the explanation of a phantom: the commits that did change its files, before it was written.
    if (phantoms.length > 0) {
      const named = [...new Set(phantoms.flatMap((p) => p.task.files))].sort();
      const earlier = await this.memo(`earlier\0${named.join('\0')}`, () => this.fileCommits(named));
      for (const { task, history } of phantoms)
        history.before = earlier
          .filter((c) => touches(c, task.files))
          .slice(0, BEFORE_KEPT)
          .map(info);
    }
    return answers;
  }

  /** HEAD's commit now ('' before the first commit); what was read for an older HEAD is forgotten. */
  private async head(): Promise<string> {
    if (this.pinnedHead !== undefined) return this.pinnedHead;
    const head = (await this.run(['rev-parse', '--verify', '-q', 'HEAD']).catch(() => '')).trim();
    if (head !== this.cachedHead) {
      this.cache.clear();
      this.cachedHead = head;
    }
    return head;
  }

  private floor(head: string): Promise<Set<string> | undefined> {
    return this.memo('floor', () => this.sinceFloor(head));
  }

  private shallow(): Promise<Set<string>> {
    return this.memo('shallow', () => this.shallowBoundary());
  }

  private memo<T>(key: string, make: () => Promise<T>): Promise<T> {
    let value = this.cache.get(key) as Promise<T> | undefined;
    if (!value) {
      value = make();
      this.cache.set(key, value);
      value.catch(() => this.cache.delete(key));
    }
    return value;
  }

  private run(args: string[]): Promise<string> {
    return git(this.top, args);
  }

  /** The latest commits reachable from HEAD that changed one of the files, newest first. */
  private async fileCommits(files: string[]): Promise<Touching[]> {
    const out = await this.run([
      'log',
      `--max-count=${EARLIER_KEPT}`,
      FORMAT,
      '--date=short',
      '--name-only',
      '--no-renames',
      'HEAD',
      '--',
      ...files,
    ]);
    return touching(out);
  }

  /** Every commit from `from` (included) to HEAD that changed something under the folders, with its paths. */
  private async commitsSince(from: Commit | undefined, tops: string[]): Promise<Touching[]> {
    if (!from) return [];
    const out = await this.run([
      'log',
      FORMAT,
      '--date=short',
      '--name-only',
      '--no-renames',
      'HEAD',
      '--not',
      `${from.full}^@`,
      '--',
      ...tops,
    ]);
    return touching(out);
  }

  /** The default branch's refs and their commits, as for-each-ref lists them (read by `open` at first). */
  private refs(): Promise<string> {
    return this.memo('refs', () => this.run(['for-each-ref', REFS_FORMAT, ...DEFAULT_REFS]));
  }

  /**
   * The commits since the merge-base with the default branch (those HEAD has and the default
   * branch has not), or undefined when there is no floor: no default branch, or HEAD on it.
   */
  private async sinceFloor(head: string): Promise<Set<string> | undefined> {
    const refs = new Map(
      (await this.refs())
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split(' ') as [string, string]),
    );
    const ref = DEFAULT_REFS.find((r) => refs.has(r));
    if (!ref || refs.get(ref) === head) return undefined;
    const list = await this.run(['rev-list', head, '--not', refs.get(ref)!]).catch(() => '');
    const since = list.split('\n').filter(Boolean);
    // None: HEAD is on the default branch (the merge-base is HEAD).
    return since.length > 0 ? new Set(since) : undefined;
  }

  /** The commits a shallow clone's history stops at (none in a full clone). */
  private async shallowBoundary(): Promise<Set<string>> {
    const [, shallow, file] = (await this.run(ABOUT)).split('\n');
    return shallowCommits(shallow, resolve(this.top, file ?? ''));
  }

  /** Topological positions (children first) of the commits from HEAD down to `from`. */
  private async topoOrder(from: Commit | undefined): Promise<Map<string, number>> {
    const order = new Map<string, number>();
    if (!from) return order;
    const list = await this.run(['rev-list', '--topo-order', 'HEAD', '--not', `${from.full}^@`]);
    list
      .split('\n')
      .filter(Boolean)
      .forEach((hash, i) => order.set(hash, i));
    return order;
  }

  /** Paths under the folders with uncommitted changes: modified, staged or untracked. */
  private async dirty(tops: string[]): Promise<string[]> {
    if (tops.length === 0) return [];
    const out = await this.run(['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', ...tops]).catch(
      () => '',
    );
    const paths: string[] = [];
    const entries = out.split('\0');
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i];
      if (entry.length < 4) continue;
      paths.push(entry.slice(3));
      // A rename is followed by its original path.
      if (entry[0] === 'R' || entry[0] === 'C') i++;
    }
    return paths;
  }
}

/** What the plan's history says of its lines (see readPlanLines). */
export interface PlanLines {
  /** By the line's text with the checkbox state aside: the first commit that added it. */
  written: Map<string, Commit>;
  /** By the exact text: the first commit that added it. */
  exact: Map<string, Commit>;
  /** Each commit's position in the plan's log (0: the newest). */
  order: Map<string, number>;
}

/**
 * For each line text the plan's history ever added: the first commit that added it,
 * by exact text and by text with the checkbox state aside; and the commits in order.
 * `plan` is relative to `cwd`.
 */
async function readPlanLines(cwd: string, plan: string): Promise<PlanLines> {
  const out = await git(cwd, ['log', '--follow', FORMAT, '--date=short', ...PLAIN_PATCH, '--', plan]);
  const commits = out.split(RECORD).slice(1).map(parseRecord);
  const written = new Map<string, Commit>();
  const exact = new Map<string, Commit>();
  const order = new Map<string, number>();
  // git lists the newest first; the first commit that added a line is the oldest.
  for (let i = commits.length - 1; i >= 0; i--) {
    const { commit, body } = commits[i];
    order.set(commit.full, i);
    for (const raw of body) {
      if (!raw.startsWith('+') || raw.startsWith('+++')) continue;
      const line = raw.slice(1).replace(/\r$/, '');
      if (!exact.has(line.trimEnd())) exact.set(line.trimEnd(), commit);
      const key = normalise(line);
      if (!written.has(key)) written.set(key, commit);
    }
  }
  return { written, exact, order };
}

/** The commits a shallow clone's history stops at (none in a full clone), from rev-parse's answers. */
async function shallowCommits(isShallow: string | undefined, file: string): Promise<Set<string>> {
  if (isShallow !== 'true') return new Set();
  const text = await readFile(file, 'utf8').catch(() => '');
  return new Set(text.split('\n').filter(Boolean));
}

/** git's output; `allowed`: exit codes besides 0 whose output is an answer too. */
function git(cwd: string, args: string[], allowed: readonly number[] = []): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      ['-c', 'core.quotepath=off', '-c', 'log.showSignature=false', ...args],
      {
        cwd,
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
        timeout: GIT_TIMEOUT_MS,
        windowsHide: true,
        // No index lock taken by status; no pager, no prompts.
        env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_PAGER: 'cat', GIT_TERMINAL_PROMPT: '0' },
      },
      (error: (Error & { code?: unknown }) | null, stdout: string) =>
        error && !allowed.includes(error.code as number) ? reject(error) : resolve(stdout),
    );
  });
}

interface Touching extends Commit {
  paths: string[];
}

function touching(out: string): Touching[] {
  return out
    .split(RECORD)
    .slice(1)
    .map((record) => {
      const { commit, body } = parseRecord(record);
      return { ...commit, paths: body.filter((l) => l.length > 0) };
    });
}

/** Did the commit change one of the files (or something in a named folder)? */
function touches(commit: Touching, files: string[]): boolean {
  return files.some((f) => commit.paths.some((p) => covers(f, p)));
}

function parseRecord(record: string): { commit: Commit; body: string[] } {
  const [header, ...body] = record.split('\n');
  const [hash, full, date, ...subject] = header.split(SEP);
  return { commit: { hash, full, date, subject: subject.join(SEP) }, body };
}

function info(c: Commit): CommitInfo {
  return { hash: c.hash, date: c.date, subject: c.subject };
}

/** A task line with its checkbox state aside: `- [x] T001 …` and `- [ ] T001 …` are the same task. */
export function normalise(line: string): string {
  return line.replace(/\[[ xX]\]/, '[ ]').trim();
}

/** Is `path` (from git) the named file, or inside the named folder? */
function covers(named: string, path: string): boolean {
  return path === named || (named.endsWith('/') ? path.startsWith(named) : path.startsWith(`${named}/`));
}

function dirtyOf(files: string[], dirty: string[]): string[] {
  return files.filter((f) => dirty.some((p) => covers(f, p)));
}

/** The oldest of the commits (by their position in the plan's log). */
function oldest(commits: Array<Commit | undefined>, order: Map<string, number>): Commit | undefined {
  let found: Commit | undefined;
  for (const c of commits) if (c && (!found || (order.get(c.full) ?? 0) > (order.get(found.full) ?? 0))) found = c;
  return found;
}
