import { resolve } from 'node:path';
import { PieceCache, type Analysis, type PlanModel } from '../engine';
import { RepoFactsReader } from '../node/repoFacts';
import { profileOptions, readPlan } from './checkFile';
import { displayPath } from './files';
import { loadEngine, type Io, type SettingsFlags } from './io';

// One plan file analysed for a command that reports on a single plan (outline,
// graph, next): settings loaded, the file read, problems said on stderr.

export interface AnalyzedFile {
  /** The path as the user reads it (relative to cwd when inside it). */
  file: string;
  analysis: Analysis & { model: PlanModel };
}

/** The analysis, or undefined (after saying why) when the file cannot be read or was not validated. */
export async function analyzeFile(flags: SettingsFlags & { file: string }, io: Io): Promise<AnalyzedFile | undefined> {
  const loaded = loadEngine(flags, io);
  if (!loaded) return undefined;
  const path = resolve(io.cwd, flags.file);
  const target = { file: displayPath(path, io.cwd), path };
  const read = await readPlan(target, loaded.engine.config.maxFileSize);
  if ('problem' in read) {
    io.err(`planmark: ${read.problem}\n`);
    return undefined;
  }
  // The profile is detected from the path and the repository around it, as `check` does.
  const analysis = loaded.engine.analyze(read.text, {
    ...profileOptions(path, io.cwd, new RepoFactsReader(false, () => true)),
    cache: new PieceCache(),
  });
  if (!analysis.model) {
    io.err(`planmark: ${target.file}: not validated (${analysis.skipped})\n`);
    return undefined;
  }
  return { file: target.file, analysis: analysis as AnalyzedFile['analysis'] };
}
