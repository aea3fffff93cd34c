import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { applyBaseline, readBaseline, writeBaseline } from './baseline';
import { isPlanFile } from '../node/planFiles';
import { changedFiles } from './changed';
import { collectTargets, displayPath, type Target } from './files';
import { formatGithub } from './formats/github';
import { formatJson } from './formats/json';
import { toSarif } from './formats/sarif';
import { formatText } from './formats/text';
import { CheckCache, cacheFilePath } from './cache';
import { CompletionFreshness } from './completionCache';
import { GitRepository } from '../node/gitHistory';
import { RepoFactsReader } from '../node/repoFacts';
import { profileOptions, readPlan, type EngineSettings, type Job } from './checkFile';
import { loadEngine, type Io, type SettingsFlags } from './io';
import { runJobs } from './parallel';
import { countSeverities, type CheckResult, type FileReport } from './report';

// `planmark check`. Exit codes: 0 clean, 1 errors (or more warnings than
// --max-warnings), 2 when a path could not be checked: missing, unreadable, or
// over maxFileSize. The other files are still checked and reported.

export const CHECK_FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

export interface CheckOptions extends SettingsFlags {
  paths: string[];
  format: CheckFormat;
  maxWarnings?: number;
  version: string;
  /** Write the safe fixes (the editor's "fix all") to the files, then report what is left. */
  fix?: boolean;
  /** Worker threads for checking files (default: the number of cores). */
  jobs: number;
  /** Reuse results of unchanged files, stored in this cache file (see cache.ts). */
  cache?: { location?: string };
  /** Report only findings not in this baseline file (baseline.ts). */
  baseline?: string;
  /** Record the findings in this baseline file. */
  writeBaseline?: string;
  /** Only the plans changed against a git base (changed.ts). */
  changed?: { base?: string };
  /** Skip named files that are not plans (hooks pass every edited file). */
  onlyPlans?: boolean;
  /** False (`--no-git`): phantom-completion checks only that named files exist. */
  git?: boolean;
}

export async function runCheck(options: CheckOptions, io: Io): Promise<number> {
  const loaded = loadEngine(options, io);
  if (!loaded) return 2;
  const { settings } = loaded;
  // Read first, so that a missing baseline stops the run before any work.
  const baseline = options.baseline === undefined ? undefined : resolve(io.cwd, options.baseline);
  const known = baseline === undefined ? undefined : readBaseline(baseline);
  const found = await collectTargets(options.paths, io.cwd, settings.config);
  let targets = found.targets;
  if (options.onlyPlans) {
    const plans = await Promise.all(targets.map((t) => isPlanFile(t.path, settings.config, { root: io.cwd })));
    targets = targets.filter((_, i) => plans[i]);
  }
  if (options.changed) {
    const changed = await changedFiles(io.cwd, options.changed.base);
    targets = targets.filter((t) => changed.has(realPath(t.path)));
  } else for (const folder of found.emptyFolders) io.err(`planmark: no plan files found in ${folder}\n`);
  const result = await checkTargets(targets, { ...options, settings }, io);
  result.problems.unshift(...found.problems);
  for (const p of result.problems) io.err(`planmark: ${p.message}\n`);
  if (options.writeBaseline !== undefined) {
    const file = resolve(io.cwd, options.writeBaseline);
    const count = writeBaseline(file, result.reports);
    io.err(`planmark: wrote ${count} finding${count === 1 ? '' : 's'} to the baseline ${displayPath(file, io.cwd)}\n`);
  }
  if (baseline !== undefined && known !== undefined) {
    const filtered = applyBaseline(result.reports, known, baseline);
    result.reports = filtered.reports;
    if (filtered.known > 0 || filtered.fixed > 0)
      io.err(
        `planmark: ${filtered.known} known finding${filtered.known === 1 ? '' : 's'} in the baseline not shown` +
          (filtered.fixed > 0 ? `; ${filtered.fixed} fixed since (--write-baseline drops them)` : '') +
          '\n',
      );
  }

  if (options.format === 'json') io.out(formatJson(result.reports));
  else if (options.format === 'sarif')
    io.out(
      JSON.stringify(
        toSarif(result, { cwd: io.cwd, version: options.version, configProblems: settings.problems }),
        null,
        2,
      ) + '\n',
    );
  else if (options.format === 'github') io.out(formatGithub(result.reports));
  else io.out(formatText(result.reports, { color: io.color }));

  if (result.problems.length > 0) return 2;
  if (options.writeBaseline !== undefined) return 0;
  const counts = countSeverities(result.reports);
  if (counts.error > 0) return 1;
  if (options.maxWarnings !== undefined && counts.warning > options.maxWarnings) {
    io.err(`planmark: ${counts.warning} warnings, more than --max-warnings ${options.maxWarnings}\n`);
    return 1;
  }
  return 0;
}

interface CheckTargetsOptions extends Pick<CheckOptions, 'fix' | 'jobs' | 'cache' | 'version' | 'git'> {
  settings: EngineSettings & { config: { maxFileSize: number } };
}

/**
 * Checks each target, reports in the targets' order: read here, results from the
 * cache when unchanged, the rest checked (in parallel when worth it). With
 * `fix`, safe fixes are written first and stderr says so.
 */
export async function checkTargets(
  targets: readonly Target[],
  options: CheckTargetsOptions,
  io: Pick<Io, 'err' | 'cwd'>,
): Promise<CheckResult> {
  const { config, templateText, customTemplate } = options.settings;
  const settings: EngineSettings = {
    config,
    templateText,
    ...(customTemplate === undefined ? {} : { customTemplate }),
  };
  const fix = options.fix === true;
  const reads = await Promise.all(targets.map((t) => readPlan(t, settings.config.maxFileSize)));
  let cache: CheckCache | undefined;
  if (options.cache) {
    const loaded = CheckCache.load(cacheFilePath(options.cache.location, io.cwd), options.version);
    if (loaded.warning) io.err(`planmark: warning: ${loaded.warning}\n`);
    cache = loaded.cache;
  }

  const result: CheckResult = { reports: [], problems: [] };
  const facts = new RepoFactsReader(false, () => options.git !== false);
  // phantom-completion's facts are gathered where each file is checked (a worker thread or here).
  const completion =
    config.rules['phantom-completion'] === 'off'
      ? undefined
      : { root: io.cwd, git: options.git !== false && config.phantomCompletionGit !== 'off' };
  // One repository for the run: the cache's view of git and the workers' shared facts.
  let repository: Promise<GitRepository | undefined> | undefined;
  const openRepository = () => (repository ??= GitRepository.open(io.cwd, { pinHead: true }));
  const freshness = new CompletionFreshness(io.cwd, cache?.file, openRepository);
  // Git's state before any file is judged: a change during the run invalidates the next run's hits.
  if (cache && completion?.git) await freshness.gitState();
  const slots: Array<FileReport | undefined> = [];
  const misses: Array<{ slot: number; job: Job }> = [];
  for (const [i, target] of targets.entries()) {
    const read = reads[i];
    if ('problem' in read) {
      result.problems.push({ file: target.file, message: read.problem });
      continue;
    }
    const profile = profileOptions(target.path, io.cwd, facts);
    const job: Job = {
      target,
      text: read.text,
      bom: read.bom,
      settings,
      profile,
      fix,
      ...(completion && { completion }),
    };
    const hit = cache?.get(job);
    // A cached result with fixable findings says nothing of what --fix would write.
    const usable =
      hit && !(fix && hit.analysis.fixable) && (!hit.depends || (await freshness.holds(target.path, hit.depends)));
    if (usable) slots.push({ ...target, analysis: hit.analysis });
    else {
      misses.push({ slot: slots.length, job });
      slots.push(undefined);
    }
  }

  const outcomes = await runJobs(
    misses.map((m) => m.job),
    options.jobs,
    async () => {
      const basis = completion?.git ? await (await openRepository())?.basis() : undefined;
      return basis ? { git: { root: io.cwd, basis } } : {};
    },
  );
  for (const [i, outcome] of outcomes.entries()) {
    const { slot, job } = misses[i];
    if ('problem' in outcome) {
      result.problems.push({ file: job.target.file, message: outcome.problem });
      continue;
    }
    for (const note of outcome.notes) io.err(`planmark: ${note}\n`);
    slots[slot] = { ...job.target, analysis: outcome.analysis };
    // After a fix the file on disk holds the fixed text, which the key must describe.
    if (cache && outcome.notes.length === 0)
      cache.set(job, outcome.analysis, outcome.depends && (await freshness.store(outcome.depends)));
  }
  result.reports = slots.filter((r): r is FileReport => r !== undefined);
  if (cache) saveCache(cache, io);
  return result;
}

function saveCache(cache: CheckCache, io: Pick<Io, 'err'>): void {
  try {
    cache.save();
  } catch (error) {
    io.err(
      `planmark: warning: cannot write the cache ${cache.file} (${(error as NodeJS.ErrnoException).code ?? String(error)})\n`,
    );
  }
}

/** The path with symbolic links resolved, as git reports paths (a temporary folder on macOS is one). */
function realPath(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return path;
  }
}
