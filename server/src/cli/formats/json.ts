import type { Finding, Severity } from '../../engine';
import type { FileReport } from '../report';

// `--format json`: one flat array of findings. Lines and columns are 1-based;
// columns count UTF-16 code units, as LSP does, and the end is exclusive
// (endColumn is the column just after the last character).

export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  rule: string;
  message: string;
}

/** The findings of each file (a CLI report, or an analysis: the agent tools give the same JSON). */
export function toJsonFindings(
  reports: ReadonlyArray<{ file: string; analysis: { findings: ReadonlyArray<Omit<Finding, 'fixes'>> } }>,
): JsonFinding[] {
  return reports.flatMap(({ file, analysis }) =>
    analysis.findings.map((f) => ({
      file,
      line: f.range.start.line + 1,
      column: f.range.start.character + 1,
      endLine: f.range.end.line + 1,
      endColumn: f.range.end.character + 1,
      severity: f.severity,
      rule: f.rule,
      message: f.message,
    })),
  );
}

export function formatJson(reports: readonly FileReport[]): string {
  return JSON.stringify(toJsonFindings(reports), null, 2) + '\n';
}
