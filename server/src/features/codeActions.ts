import type { CodeAction, CodeActionParams, Diagnostic, TextEdit } from 'vscode-languageserver';
import type { Finding, FixData } from '../engine';
import type { PlanDocument } from './document';
import { fixAllEdits, suppressionFix, UNUSED_SUPPRESSION } from '../engine';
import { FIX_ALL_KIND } from '../protocol';

// Quick fixes come from the findings the diagnostics name: a diagnostic is
// matched to the current analysis's finding (same rule, range and message), so
// a diagnostic from an older version offers nothing rather than a wrong edit.

// LSP's CodeActionKind values, written out: features import LSP types only.
export const QUICK_FIX_KIND = 'quickfix';
// Declared in the protocol module, which the client imports too.
export { FIX_ALL_KIND };
export const SOURCE = 'planmark';

export function codeActions(doc: PlanDocument, params: CodeActionParams): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const actions: CodeAction[] = [];
  if (wants(QUICK_FIX_KIND)) {
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== SOURCE) continue;
      const finding = findingOf(doc, diagnostic);
      for (const fix of finding?.fixes ?? []) actions.push(quickFix(doc.uri, diagnostic, fix));
      // Last: silencing the finding with a planmark-disable comment, as markdownlint users expect.
      const silence =
        finding && finding.rule !== UNUSED_SUPPRESSION && doc.analysis.model
          ? suppressionFix(doc.analysis.text, doc.analysis.lines, finding, doc.analysis.model.tables)
          : undefined;
      if (silence) actions.push(quickFix(doc.uri, diagnostic, silence));
    }
  }
  if (only && wants(FIX_ALL_KIND)) {
    const edits = fixAllEdits(doc.analysis);
    if (edits.length > 0)
      actions.push({
        title: 'Fix all planmark problems that can be fixed safely',
        kind: FIX_ALL_KIND,
        edit: { changes: { [doc.uri]: edits } },
      });
  }
  return actions;
}

function findingOf(doc: PlanDocument, d: Diagnostic): Finding | undefined {
  const same = (a: Diagnostic['range'], b: Diagnostic['range']) =>
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character;
  return doc.analysis.findings.find((f) => f.rule === d.code && f.message === d.message && same(f.range, d.range));
}

function quickFix(uri: string, diagnostic: Diagnostic, fix: FixData): CodeAction {
  const edits: TextEdit[] = fix.edits.map((e) => ({ range: e.range, newText: e.newText }));
  return {
    title: fix.title,
    kind: QUICK_FIX_KIND,
    diagnostics: [diagnostic],
    isPreferred: fix.preferred === true,
    edit: { changes: { [uri]: edits } },
  };
}
