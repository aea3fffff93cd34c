// planmark's own diagnostics for a document, as VS Code holds them: the status items
// and the placeholder commands count from here (the Plans view counts from the server's
// summaries, which also cover plans that are not open).
import * as vscode from 'vscode';

export const PLACEHOLDER_RULE = 'unfilled-placeholder';

export function codeOf(d: vscode.Diagnostic): string | undefined {
  return typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code);
}

export function planmarkDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'planmark');
}

/** The unfilled placeholders planmark reports, in document order, whatever their severity (hints included). */
export function placeholderRanges(uri: vscode.Uri): vscode.Range[] {
  return planmarkDiagnostics(uri)
    .filter((d) => codeOf(d) === PLACEHOLDER_RULE)
    .map((d) => d.range)
    .sort((a, b) => a.start.compareTo(b.start));
}

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
  placeholders: number;
}

export function countDiagnostics(diagnostics: readonly vscode.Diagnostic[]): Counts {
  const c: Counts = { errors: 0, warnings: 0, infos: 0, hints: 0, placeholders: 0 };
  for (const d of diagnostics) {
    if (d.severity === vscode.DiagnosticSeverity.Error) c.errors++;
    else if (d.severity === vscode.DiagnosticSeverity.Warning) c.warnings++;
    else if (d.severity === vscode.DiagnosticSeverity.Information) c.infos++;
    else c.hints++;
    if (codeOf(d) === PLACEHOLDER_RULE) c.placeholders++;
  }
  return c;
}
