import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { Finding, FixData, Severity } from '../engine';

// Findings become LSP diagnostics here and nowhere else. The fixes travel in
// `data`, so that a code action is a pure function of the diagnostic.

export const SOURCE = 'planmark';
export const RULES_DOC_URL = 'https://github.com/planmark/planmark/blob/main/docs/rules.md#';
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
    codeDescription: { href: RULES_DOC_URL + finding.rule },
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
