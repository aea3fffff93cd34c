// Helpers for the in-editor suite: everything waits on an event with a timeout; nothing sleeps.
import * as vscode from 'vscode';
import { planmarkDiagnostics } from '../../src/diagnostics';
import type { PlanmarkApi } from '../../src/extension';

/** Measurements the driver prints after the results (activation time, …). */
export const notes: string[] = [];

export const EXTENSION_ID = 'planmark.planmark';

export async function activateApi(): Promise<PlanmarkApi> {
  const extension = vscode.extensions.getExtension<PlanmarkApi>(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not installed`);
  const api = await extension.activate();
  await api.ready;
  return api;
}

/**
 * Resolves when `check()` returns a value other than undefined: checked at once and
 * again after each firing of one of `events`; rejects after `timeoutMs` with `what`.
 */
export function waitFor<T>(
  what: string,
  check: () => T | undefined,
  events: vscode.Event<unknown>[],
  timeoutMs = 20_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const subs: vscode.Disposable[] = [];
    const done = (fn: () => void) => {
      clearTimeout(timer);
      subs.forEach((s) => s.dispose());
      fn();
    };
    const timer = setTimeout(
      () => done(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`))),
      timeoutMs,
    );
    const attempt = () => {
      try {
        const value = check();
        if (value !== undefined) done(() => resolve(value));
      } catch (error) {
        done(() => reject(error instanceof Error ? error : new Error(String(error))));
      }
    };
    for (const event of events) subs.push(event(attempt));
    attempt();
  });
}

/** planmark's diagnostics of a document, as the status bar counts them. */
export { planmarkDiagnostics };

/** Diagnostics of the document once the server has analyzed its current version and they were delivered. */
export async function diagnosticsOf(
  api: PlanmarkApi,
  doc: vscode.TextDocument,
  settled: (d: vscode.Diagnostic[]) => boolean = (d) => d.length > 0,
): Promise<vscode.Diagnostic[]> {
  await api.whenAnalyzed(doc);
  return waitFor(
    `planmark diagnostics of ${vscode.workspace.asRelativePath(doc.uri)}`,
    () => {
      const d = planmarkDiagnostics(doc.uri);
      return settled(d) ? d : undefined;
    },
    [vscode.languages.onDidChangeDiagnostics],
  );
}

/** A diagnostic's rule id, whether VS Code holds its code as a string or as `{ value, target }` (with a docs link). */
export function ruleOf(d: vscode.Diagnostic): string | number | undefined {
  return d.code && typeof d.code === 'object' ? d.code.value : d.code;
}

let counter = 0;
/** Writes `text` to a new file in the workspace (named …-plan.md so it is a plan) and shows it. */
export async function openFresh(text: string, name = 'test'): Promise<vscode.TextEditor> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the suite needs a workspace folder');
  const uri = vscode.Uri.joinPath(folder.uri, 'scratch', `${name}-${process.pid}-${++counter}-plan.md`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc);
}

export async function readText(extensionPath: string, relative: string): Promise<string> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(vscode.Uri.file(extensionPath), relative));
  return new TextDecoder().decode(bytes);
}

/** Waits until the document's text satisfies `predicate`, checked at once and after each document change. */
export function untilText(
  doc: vscode.TextDocument,
  predicate: (text: string) => boolean,
  what: string,
): Promise<string> {
  return waitFor(what, () => (predicate(doc.getText()) ? doc.getText() : undefined), [
    vscode.workspace.onDidChangeTextDocument,
  ]);
}

/** Closes every editor without a save prompt: dirty documents are reverted first. */
export async function closeAll(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand(
      doc.isUntitled ? 'workbench.action.revertAndCloseActiveEditor' : 'workbench.action.files.revert',
    );
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
