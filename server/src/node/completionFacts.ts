import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { glob } from 'tinyglobby';
import {
  completionClaims,
  mayNameTickedFiles,
  PieceCache,
  type Analysis,
  type CommitInfo,
  type AnalyzeOptions,
  type CompletionFacts,
  type PlanEngine,
  type PlanModel,
} from '../engine';
import { GitRepository, type PlanLines } from './gitHistory';

// Gathers what the phantom-completion rule and the agent tools need to know
// from the disk: whether each file a task names exists, and (when asked, in a
// git repository) git's evidence for ticked tasks. Shared by the CLI, the
// language server and the MCP server, so that all three judge alike.

export interface GatherOptions {
  /** The workspace root: named paths are relative to it (or to the plan's folder). */
  root: string;
  /** The plan's absolute path. */
  planPath: string;
  model: PlanModel;
  /** Ask git too (off: `--no-git`, or `phantomCompletionGit: off`). */
  git: boolean;
  /** Resolve the files of open tasks as well (the agent tools check a task before ticking it). */
  allTasks?: boolean;
  /** The plan's history, when `prefetch` began reading it. */
  history?: Promise<PlanLines>;
}

/** Files that are never a plan's work, and too many to list. */
const IGNORED = ['**/node_modules/**', '**/.git/**'];
/** More files than this and a bare name is not searched for: the answer would cost more than it is worth. */
const MAX_LISTED = 50_000;

export interface Where {
  root: string;
  planPath: string;
  /** False: only the existence check (`--no-git`). */
  git: boolean;
}

/**
 * The engine's analysis with the completion facts gathered: the model read first (which
 * ticked tasks name files), the facts gathered for them, then one analysis with the facts.
 */
export async function analyzeWithFacts(
  engine: PlanEngine,
  text: string,
  where: Where,
  gatherer: CompletionFactsGatherer,
  options: AnalyzeOptions = {},
): Promise<Analysis> {
  return (await analyzeGathering(engine, text, where, gatherer, options)).analysis;
}

/** As analyzeWithFacts, with the facts the analysis was given (what `check --cache` must see unchanged). */
export async function analyzeGathering(
  engine: PlanEngine,
  text: string,
  where: Where,
  gatherer: CompletionFactsGatherer,
  given: AnalyzeOptions = {},
): Promise<{ analysis: Analysis; facts?: CompletionFacts }> {
  // The analysis parses nothing again after the model: both read one piece cache.
  const options = given.cache ? given : { ...given, cache: new PieceCache() };
  const rule = engine.config.rules['phantom-completion'] !== 'off';
  const git = rule && where.git && engine.config.phantomCompletionGit !== 'off';
  // No ticked task that may name a file, no claim to ask git about: no process.
  const history =
    git && gatherer.options.oneRun && mayNameTickedFiles(text)
      ? gatherer.prefetch(where.root, where.planPath)
      : undefined;
  // The model alone says which files ticked tasks name: the rules run once, with the facts.
  const model = rule ? engine.model(text, options) : undefined;
  const facts = model && (await gatherer.gather({ ...where, model, git, ...(history && { history }) }));
  return facts
    ? { analysis: engine.analyze(text, { ...options, completion: facts }), facts }
    : { analysis: engine.analyze(text, options) };
}

export class CompletionFactsGatherer {
  private readonly repos = new Map<string, Promise<GitRepository | undefined>>();
  private readonly listings = new Map<string, Promise<string[]>>();

  /**
   * `known`: repositories already open, by workspace root (a check worker's, from the main thread).
   * `oneRun`: for one run over plans (`planmark check`), each plan analysed once: HEAD is read
   * once per repository, and git is started before each analysis (see prefetch). Otherwise
   * (an editor's session) HEAD is read for each plan and a plan's history is kept while it holds.
   */
  constructor(
    known: Iterable<[string, GitRepository]> = [],
    readonly options: { oneRun?: boolean } = {},
  ) {
    for (const [root, repo] of known) this.repos.set(root, Promise.resolve(repo));
  }

  /**
   * Starts the git processes that `gather` waits for and that need no analysis: the
   * repository's (once) and the plan's history, handed to `gather` as `history`. Called
   * before a long analysis, git answers on another core meanwhile, rather than one
   * process after another afterwards.
   */
  prefetch(root: string, planPath: string): Promise<PlanLines> {
    void this.repo(root);
    return GitRepository.planHistory(planPath);
  }

  async gather(options: GatherOptions): Promise<CompletionFacts | undefined> {
    const claims = completionClaims(options.model, options.allTasks);
    if (claims.length === 0) return undefined;
    const paths = claims.flatMap((c) => c.files.map((f) => f.path));
    const files = await resolveNamedFiles(options.root, dirname(options.planPath), paths, () =>
      this.listing(options.root),
    );
    const facts: { -readonly [K in keyof CompletionFacts]: CompletionFacts[K] } = { files };
    if (options.git) {
      const repo = await this.repo(options.root);
      if (repo) {
        facts.removed = await this.removed(repo, options, files).catch(() => undefined);
        const queries = claims
          .filter((c) => c.task.checked && c.files.every((f) => files.get(f.path) !== null))
          .map((c) => ({
            key: c.task.checkbox.start,
            line: lineAt(options.model.text, c.task.checkbox.start),
            files: c.files.map((f) => repo.relative(resolve(options.root, files.get(f.path)!))),
          }));
        facts.history = await repo.histories(options.planPath, queries, options.history).catch(() => undefined);
      }
    }
    return facts;
  }

  /** The workspace's files: listed once per root for a run (a plan naming missing files lists the whole tree). */
  private listing(root: string): Promise<string[]> {
    if (!this.options.oneRun) return listWorkspace(root);
    let listed = this.listings.get(root);
    if (!listed) this.listings.set(root, (listed = listWorkspace(root)));
    return listed;
  }

  /** Missing named files that a commit deleted, by the path as named (under the root or the plan's folder). */
  private async removed(
    repo: GitRepository,
    options: GatherOptions,
    files: ReadonlyMap<string, string | null>,
  ): Promise<Map<string, CommitInfo> | undefined> {
    const missing = [...files].filter(([, found]) => found === null).map(([path]) => path);
    if (missing.length === 0) return undefined;
    const candidates = new Map<string, string>();
    for (const path of missing)
      for (const at of [resolve(options.root, path), resolve(dirname(options.planPath), path)])
        candidates.set(repo.relative(at), path);
    const deleted = await repo.deletions([...candidates.keys()]);
    const removed = new Map<string, CommitInfo>();
    // A deleted file stands for the path named as it, or for a named folder it was in.
    for (const [deletedPath, commit] of deleted)
      for (const [rel, named] of candidates)
        if ((deletedPath === rel || deletedPath.startsWith(`${rel}/`)) && !removed.has(named))
          removed.set(named, commit);
    return removed;
  }

  private repo(root: string): Promise<GitRepository | undefined> {
    let repo = this.repos.get(root);
    if (!repo) this.repos.set(root, (repo = GitRepository.open(root, { pinHead: this.options.oneRun })));
    return repo;
  }
}

/** Every file and folder under the root (node_modules and .git aside), `/`-separated. */
export function listWorkspace(root: string): Promise<string[]> {
  return glob('**/*', { cwd: root, ignore: IGNORED, dot: true, onlyFiles: false });
}

/**
 * Each named path, resolved: under the root, under the plan's folder, or (a path
 * written from some other folder, `commands/agents.rs` for
 * `crates/app/src/commands/agents.rs`) as the end of a workspace path, or by its file
 * name when exactly one file in the workspace has it, looked up in `list` (called only
 * when a path is not found directly). A path past MAX_LISTED is
 * left out: not judged.
 */
export async function resolveNamedFiles(
  root: string,
  planDir: string,
  paths: Iterable<string>,
  list: () => Promise<string[]>,
): Promise<Map<string, string | null>> {
  const resolved = new Map<string, string | null>();
  const unresolved: string[] = [];
  for (const path of paths) {
    if (resolved.has(path)) continue;
    const found = [join(root, path), join(planDir, path)].find((p) => existsSync(p)) ?? fromAnotherMachine(root, path);
    resolved.set(path, found ? toRelative(root, found) : null);
    if (!found) unresolved.push(path);
  }
  if (unresolved.length > 0) {
    const listed = await list();
    if (listed.length <= MAX_LISTED)
      for (const path of unresolved) {
        const matches = listed.filter((l) => l.endsWith(`/${path}`));
        if (matches.length >= 1) resolved.set(path, matches.sort()[0]);
        else {
          // The file's name, found once in the workspace: the plan named its folder loosely
          // (Tests/AppTests/MappingTests.swift for Tests/AppTests/Config/MappingTests.swift).
          const name = path.slice(path.lastIndexOf('/') + 1);
          const same = /\.[A-Za-z0-9]+$/.test(name) ? listed.filter((l) => l === name || l.endsWith(`/${name}`)) : [];
          if (same.length === 1) resolved.set(path, same[0]);
        }
      }
    // Past MAX_LISTED a missing file stays unjudged rather than wrongly reported.
    else for (const path of unresolved) resolved.delete(path);
  }
  return resolved;
}

// Where absolute paths begin on the machines plans are written on (the leading `/` is already
// gone: `Users/ann/Workspace/app/src/x.ts`). spec-kit's scripts hand agents absolute paths, so
// generated tasks often name files as they lay on the author's machine.
const MACHINE_ROOTS = new Set([
  'Users',
  'home',
  'root',
  'Volumes',
  'mnt',
  'workspace',
  'workspaces',
  'private',
  'tmp',
  'opt',
  'srv',
]);

/** An absolute path from the author's machine, as the longest tail of it that exists under the root. */
function fromAnotherMachine(root: string, path: string): string | undefined {
  const segments = path.split('/').filter(Boolean);
  if (segments.length < 3 || !MACHINE_ROOTS.has(segments[0])) return undefined;
  for (let i = 1; i < segments.length; i++) {
    const candidate = join(root, ...segments.slice(i));
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

function toRelative(root: string, path: string): string {
  const rel = relative(root, path);
  if (isAbsolute(rel) || rel.startsWith('..')) return path;
  return rel.split(sep).join('/');
}

function lineAt(text: string, offset: number): string {
  const start = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  const re = /\r|\n/g;
  re.lastIndex = offset;
  const end = re.exec(text)?.index ?? text.length;
  return text.slice(start, end);
}
