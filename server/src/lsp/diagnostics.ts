import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import { ruleDocsUrl, type Analysis, type Finding, type FixData, type Severity } from '../engine';
import { SOURCE } from '../features/codeActions';

// Findings become LSP diagnostics here and nowhere else. The fixes travel in
// `data`, so that a code action is a pure function of the diagnostic.

/** Code of the diagnostic shown when the server itself failed on a document. */
export const VALIDATION_FAILED = 'validation-failed';

export interface DiagnosticData {
  rule: string;
  fixes?: FixData[];
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(finding: Finding): Diagnostic {
  const data: DiagnosticData = { rule: finding.rule, fixes: finding.fixes };
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    source: SOURCE,
    code: finding.rule,
    codeDescription: { href: ruleDocsUrl(finding.rule) },
    message: finding.message,
    data,
  };
}

/** The one diagnostic left when validation threw: the user learns why nothing else shows. */
export function failureDiagnostic(reason: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: SOURCE,
    code: VALIDATION_FAILED,
    message: `planmark could not validate this file (${reason}). See the planmark output for details.`,
  };
}

/** A document's diagnostics: its findings, or the one failure diagnostic. */
export function diagnosticsFor(result: { analysis?: Analysis; failure?: string }): Diagnostic[] {
  if (result.failure !== undefined) return [failureDiagnostic(result.failure)];
  return result.analysis?.findings.map(toDiagnostic) ?? [];
}
