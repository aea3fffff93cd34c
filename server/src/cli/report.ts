import type { AnalysisProfile, Finding, Progress, Severity } from '../engine';
import type { Target, TargetProblem } from './files';

// What `planmark check` found, as every output format reads it. Only what the
// reports need is kept of an analysis, so that a result can cross from a worker
// thread and be stored in the cache (plain data, no cycles).

/** A finding without its fixes, plus the text of its first line (what a baseline matches on). */
export interface ReportedFinding extends Omit<Finding, 'fixes'> {
  /** The finding's first line, trimmed (at most 200 characters). */
  context: string;
}

/** The counts of an outline that the reports print. */
export type ReportedProgress = Pick<Progress, 'done' | 'total' | 'inProgress' | 'optionalDone' | 'optionalTotal'>;

export interface FileAnalysis {
  findings: ReportedFinding[];
  outline: ReportedProgress;
  /** Why validation was skipped (too large, too deeply nested), if it was. */
  skipped?: string;
  /** The plan's format (profile) and why it was chosen. */
  profile?: AnalysisProfile;
  /** `--fix` would change the file (a cached result of such a file is not reused by `--fix`). */
  fixable: boolean;
}

export interface FileReport extends Target {
  analysis: FileAnalysis;
}

export interface CheckResult {
  reports: FileReport[];
  /** Paths that could not be checked (missing, unreadable, too large): exit 2. */
  problems: TargetProblem[];
}

export type Counts = Record<Severity, number>;

export function countSeverities(reports: ReadonlyArray<Pick<FileReport, 'analysis'>>): Counts {
  const counts: Counts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const r of reports) for (const f of r.analysis.findings) counts[f.severity]++;
  return counts;
}
