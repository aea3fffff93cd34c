import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import { ruleDocsUrl, type Analysis, type Finding, type Severity } from '../engine';
import { SOURCE } from '../features/codeActions';

// Findings become LSP diagnostics here and nowhere else. A diagnostic carries no
// `data`: its fixes stay in the server's analysis, and a code action request finds
// them by the diagnostic's rule, range and message (features/codeActions.ts). One
// mechanism, as vscode-eslint keeps its fixes server-side: a diagnostic from an older
// version then offers nothing instead of edits computed for a text that has changed,
// and diagnostics are a fraction of the size (fixes carry whole template sections).

/** Code of the diagnostic shown when the server itself failed on a document. */
export const VALIDATION_FAILED = 'validation-failed';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(finding: Finding): Diagnostic {
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    source: SOURCE,
    code: finding.rule,
    codeDescription: { href: ruleDocsUrl(finding.rule) },
    message: finding.message,
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
