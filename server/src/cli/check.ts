import { readFile, stat, writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { formatSize, PieceCache, type AnalyzeOptions, type PlanEngine } from '../engine';
import { fixAllText } from '../engine';
import { toPosix } from '../node/planFiles';
import { RepoFactsReader } from '../node/repoFacts';
import { collectTargets, type Target } from './files';
import { formatJson } from './formats/json';
import { toSarif } from './formats/sarif';
import { formatText } from './formats/text';
import { loadEngine, type Io, type SettingsFlags } from './io';
import { countSeverities, type CheckResult } from './report';

// `planmark check`. Exit codes: 0 clean, 1 errors (or more warnings than
// --max-warnings), 2 when a path could not be checked: missing, unreadable, or
// over maxFileSize. The other files are still checked and reported.

export const CHECK_FORMATS = ['text', 'json', 'sarif'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

export interface CheckOptions extends SettingsFlags {
  paths: string[];
  format: CheckFormat;
  maxWarnings?: number;
  version: string;
  /** Write the safe fixes (the editor's "fix all") to the files, then report what is left. */
  fix?: boolean;
}

export async function runCheck(options: CheckOptions, io: Io): Promise<number> {
  const loaded = loadEngine(options, io);
  if (!loaded) return 2;
  const { engine, settings } = loaded;
  const found = await collectTargets(options.paths, io.cwd, settings.config);
  for (const folder of found.emptyFolders) io.err(`planmark: no plan files found in ${folder}\n`);
  const result = await checkFiles(found.targets, engine, io.cwd, options.fix ? io : undefined);
  result.problems.unshift(...found.problems);
  for (const p of result.problems) io.err(`planmark: ${p.message}\n`);

  if (options.format === 'json') io.out(formatJson(result.reports));
  else if (options.format === 'sarif')
    io.out(
      JSON.stringify(
        toSarif(result, { cwd: io.cwd, version: options.version, configProblems: settings.problems }),
        null,
        2,
      ) + '\n',
    );
  else io.out(formatText(result.reports, { color: io.color }));

  if (result.problems.length > 0) return 2;
  const counts = countSeverities(result.reports);
  if (counts.error > 0) return 1;
  if (options.maxWarnings !== undefined && counts.warning > options.maxWarnings) {
    io.err(`planmark: ${counts.warning} warnings, more than --max-warnings ${options.maxWarnings}\n`);
    return 1;
  }
  return 0;
}

/** Checks each target; with `fixing`, first writes the safe fixes back and says so on stderr. */
export async function checkFiles(
  targets: readonly Target[],
  engine: PlanEngine,
  root: string,
  fixing?: Pick<Io, 'err'>,
): Promise<CheckResult> {
  const result: CheckResult = { reports: [], problems: [] };
  // This run's parsed pieces (a fresh cache: nothing is shared between runs).
  const cache = new PieceCache();
  const facts = new RepoFactsReader();
  for (const target of targets) {
    const read = await readPlan(target, engine.config.maxFileSize);
    if ('problem' in read) {
      result.problems.push({ file: target.file, message: read.problem });
      continue;
    }
    let text = read.text;
    const options = profileOptions(target.path, root, facts);
    if (fixing) {
      const fixed = fixAllText(engine, text, options);
      if (fixed.text !== text) {
        try {
          await writeFile(target.path, (read.bom ? '\uFEFF' : '') + fixed.text);
          text = fixed.text;
          fixing.err(`planmark: fixed ${fixed.fixed} problem${fixed.fixed === 1 ? '' : 's'} in ${target.file}\n`);
        } catch (error) {
          result.problems.push({
            file: target.file,
            message: `${target.file}: cannot write the fixes (${describeError(error)})`,
          });
        }
      }
    }
    result.reports.push({ ...target, analysis: engine.analyze(text, { ...options, cache }) });
  }
  return result;
}

/** What profile detection needs of a plan on disk: its path from the workspace root and its surroundings. */
export function profileOptions(path: string, root: string, facts: RepoFactsReader): AnalyzeOptions {
  return { path: toPosix(relative(root, path)), facts: facts.read(path, root) };
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
