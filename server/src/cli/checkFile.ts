import { readFile, stat, writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import {
  fixAllChoices,
  fixAllText,
  formatSize,
  PieceCache,
  type Analysis,
  type AnalyzeOptions,
  type PlanConfig,
} from '../engine';
import { analyzeGathering, CompletionFactsGatherer } from '../node/completionFacts';
import { GitRepository, type GitBasis } from '../node/gitHistory';
import { toPosix } from '../node/planFiles';
import type { RepoFactsReader } from '../node/repoFacts';
import { engineFor } from '../node/settings';
import type { Target } from './files';
import type { FileAnalysis, ReportedFinding } from './report';

// Checking one file, the same on the main thread and in a worker thread
// (parallel.ts): everything it needs travels in a Job, which is plain data.

/** The configuration and template text an engine is built from (plain data, unlike the engine). */
export interface EngineSettings {
  config: PlanConfig;
  templateText: string;
  /** A team's own template (its path), when there is one: the schema of plans of no other format. */
  customTemplate?: string;
}

export interface Job {
  target: Target;
  /** The file's text, BOM removed. */
  text: string;
  bom: boolean;
  settings: EngineSettings;
  /** What the plan's profile is detected from: its path from the root and the repository around it. */
  profile: ProfileInputs;
  /** Write the safe fixes back to the file first. */
  fix: boolean;
  /** Gather phantom-completion's facts (absent: the rule is off): named files under `root`, and git unless `--no-git`. */
  completion?: { root: string; git: boolean };
}

/**
 * What a result depends on beyond the job: how each named file resolved (a path →
 * the workspace file, or null when missing) and whether git's history was read.
 */
export interface CompletionDepends {
  files: Record<string, string | null>;
  git: boolean;
}

export type ProfileInputs = Pick<AnalyzeOptions, 'path' | 'facts'>;

/** What profile detection needs of a plan on disk: its path from the workspace root and its surroundings. */
export function profileOptions(path: string, root: string, facts: RepoFactsReader): ProfileInputs {
  return { path: toPosix(relative(root, path)), facts: facts.read(path, root) };
}

export type JobOutcome =
  | {
      analysis: FileAnalysis;
      /** Lines for stderr, e.g. "fixed 2 problems in plan.md". */
      notes: string[];
      depends?: CompletionDepends;
    }
  | { problem: string };

// This thread's parsed pieces for the run. Plans share pieces (headings copied from
// one template, boilerplate), and a piece parses the same in any document.
const pieces = new PieceCache();
// This thread's git repositories, opened once for the run.
let gatherer = new CompletionFactsGatherer([], { oneRun: true });

/** What a worker thread is given once, at its start. */
export interface WorkerSetup {
  /** The run's git facts, read on the main thread: the worker does not look them up again. */
  git?: { root: string; basis: GitBasis };
}

/** Prepares this (worker) thread for the run's jobs. */
export function setUpWorker({ git }: WorkerSetup): void {
  if (git) gatherer = new CompletionFactsGatherer([[git.root, GitRepository.fromBasis(git.basis)]], { oneRun: true });
}

export async function runJob({ target, text, bom, settings, profile, fix, completion }: Job): Promise<JobOutcome> {
  const engine = engineFor(settings);
  const notes: string[] = [];
  if (fix) {
    const fixed = fixAllText(engine, text, profile);
    if (fixed.text !== text) {
      try {
        await writeFile(target.path, (bom ? '\uFEFF' : '') + fixed.text);
        text = fixed.text;
        notes.push(`fixed ${fixed.fixed} problem${fixed.fixed === 1 ? '' : 's'} in ${target.file}`);
      } catch (error) {
        return { problem: `${target.file}: cannot write the fixes (${describeError(error)})` };
      }
    }
  }
  const options = { ...profile, cache: pieces };
  if (!completion) return { analysis: summarize(engine.analyze(text, options)), notes };
  const where = { root: completion.root, planPath: target.path, git: completion.git };
  const { analysis, facts } = await analyzeGathering(engine, text, where, gatherer, options);
  const depends = facts && {
    files: Object.fromEntries(facts.files),
    git: facts.history !== undefined || facts.removed !== undefined,
  };
  return { analysis: summarize(analysis), notes, ...(depends ? { depends } : {}) };
}

/** The part of an analysis the reports use. */
export function summarize(analysis: Analysis): FileAnalysis {
  const findings: ReportedFinding[] = analysis.findings.map(({ fixes: _fixes, ...finding }) => ({
    ...finding,
    context: lineText(analysis, finding.range.start.line),
  }));
  return {
    findings,
    outline: {
      done: analysis.outline.done,
      total: analysis.outline.total,
      inProgress: analysis.outline.inProgress,
      optionalDone: analysis.outline.optionalDone,
      optionalTotal: analysis.outline.optionalTotal,
    },
    ...(analysis.skipped === undefined ? {} : { skipped: analysis.skipped }),
    ...(analysis.profile === undefined ? {} : { profile: analysis.profile }),
    fixable: analysis.skipped === undefined && fixAllChoices(analysis).length > 0,
  };
}

function lineText(analysis: Analysis, line: number): string {
  return analysis.text.slice(analysis.lines.lineStart(line), analysis.lines.lineEnd(line)).trim().slice(0, 200);
}

/**
 * The file's text, or why it cannot be checked. The size is checked before
 * reading, so a huge file costs nothing. A BOM is dropped, as editors do, so
 * that columns match what an editor shows.
 */
export async function readPlan(
  target: Target,
  maxFileSize: number,
): Promise<{ text: string; bom: boolean } | { problem: string }> {
  try {
    const info = await stat(target.path);
    if (!info.isFile()) return { problem: `${target.file}: not a regular file` };
    if (info.size > maxFileSize) {
      return {
        problem: `${target.file}: skipped, it is ${formatSize(info.size)}, over the maxFileSize setting (${formatSize(maxFileSize)})`,
      };
    }
    const text = await readFile(target.path, 'utf8');
    const bom = text.charCodeAt(0) === 0xfeff;
    return { text: bom ? text.slice(1) : text, bom };
  } catch (error) {
    return { problem: `${target.file}: cannot read it (${describeError(error)})` };
  }
}

function describeError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  switch (e.code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder';
    default:
      return e.code ?? String(error);
  }
}
