import type { Severity } from '../../engine';
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

export function toJsonFindings(reports: readonly FileReport[]): JsonFinding[] {
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
