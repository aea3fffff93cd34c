import type { Analysis, Severity } from '../engine';
import type { Target, TargetProblem } from './files';

// What `planmark check` found, as every output format reads it.

export interface FileReport extends Target {
  analysis: Analysis;
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
