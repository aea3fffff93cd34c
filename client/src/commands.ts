// The "Plan" commands. Each works on the active editor's plan, reads only the
// server's outline and diagnostics, and returns something tests can check.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { FIX_ALL_KIND, NewTaskRequest, type OutlineTask } from '../../server/src/protocol';

type Range = OutlineTask['range'];
import { taskBlockSnippet } from '../../server/src/taskBlock';
import { placeholderRanges } from './diagnostics';
import type { Outlines } from './outlines';
import { applyCheckboxEdit, type PlanTree } from './planTree';

const FIX_ALL = vscode.CodeActionKind.Empty.append(FIX_ALL_KIND);

export interface Context {
  extension: vscode.ExtensionContext;
  client: LanguageClient;
  outlines: Outlines;
  tree: PlanTree;
}

export function registerCommands(ctx: Context): vscode.Disposable[] {
  const { client, tree } = ctx;
  return [
    vscode.commands.registerCommand('planmark.newPlan', (target?: vscode.Uri) => newPlan(ctx.extension, target)),
    vscode.commands.registerTextEditorCommand('planmark.toggleTask', (editor) => void toggleTask(ctx.outlines, editor)),
    vscode.commands.registerTextEditorCommand('planmark.nextPlaceholder', (editor) => void gotoPlaceholder(editor, 1)),
    vscode.commands.registerTextEditorCommand(
      'planmark.previousPlaceholder',
      (editor) => void gotoPlaceholder(editor, -1),
    ),
    vscode.commands.registerTextEditorCommand('planmark.insertTaskBlock', (editor) => void insertTask(ctx, editor)),
    vscode.commands.registerCommand('planmark.fixAll', () => fixAll()),
    vscode.commands.registerCommand('planmark.showOutput', () => client.outputChannel.show(true)),
    vscode.commands.registerCommand('planmark.restartServer', async () => {
      await client.restart();
      // Outlines are pushed after each analysis; re-ask for the visible plans so the views refill at once.
      await Promise.all(
        vscode.window.visibleTextEditors
          .filter((e) => e.document.languageId === 'markdown')
          .map((e) => ctx.outlines.request(e.document.uri)),
      );
    }),
    vscode.commands.registerCommand('planmark.hideCompleted', () => tree.setHideCompleted(true)),
    vscode.commands.registerCommand('planmark.showCompleted', () => tree.setHideCompleted(false)),
    vscode.commands.registerCommand('planmark.reveal', (uri: vscode.Uri, range: Range) => reveal(uri, range)),
  ];
}

async function reveal(uri: vscode.Uri, range: Range): Promise<vscode.TextEditor> {
  const start = new vscode.Position(range.start.line, range.start.character);
  const existing = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  const editor = await vscode.window.showTextDocument(uri, { viewColumn: existing?.viewColumn, preserveFocus: false });
  editor.selection = new vscode.Selection(start, start);
  editor.revealRange(new vscode.Range(start, start), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

/** Today as YYYY-MM-DD in local time, as the template's [DATE] expects. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Creates a plan from the configured template (`planmark.template`, else the built-in one)
 * with [DATE] filled in, opens it and selects every [FEATURE_NAME] so that typing the name
 * fills them all. Without a target: `plan.md` in the first workspace folder (asks for another
 * name when it exists), or an untitled plan when no folder is open.
 */
async function newPlan(
  extension: vscode.ExtensionContext,
  target?: vscode.Uri,
): Promise<vscode.TextEditor | undefined> {
  const folder = target ? vscode.workspace.getWorkspaceFolder(target) : vscode.workspace.workspaceFolders?.[0];
  const text = (await readTemplate(extension, folder)).replaceAll('[DATE]', today());
  let doc: vscode.TextDocument;
  if (!target && !folder) {
    doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
  } else {
    let uri = target ?? vscode.Uri.joinPath(folder!.uri, 'plan.md');
    if (!target && (await exists(uri))) {
      const proposed = await freePlanName(folder!.uri);
      const name = await vscode.window.showInputBox({
        title: 'New Plan from Template',
        prompt: 'plan.md exists. File name of the new plan:',
        value: proposed,
        valueSelection: [0, proposed.length - '-plan.md'.length],
        validateInput: async (v) =>
          !/\S\.md$/.test(v)
            ? 'End the name in .md (e.g. login-plan.md)'
            : (await exists(vscode.Uri.joinPath(folder!.uri, v)))
              ? `${v} exists`
              : undefined,
      });
      if (!name) return undefined;
      uri = vscode.Uri.joinPath(folder!.uri, name);
    }
    if (await exists(uri)) {
      void vscode.window.showWarningMessage(
        `${vscode.workspace.asRelativePath(uri)} already exists; it was left as it is.`,
      );
      return undefined;
    }
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    doc = await vscode.workspace.openTextDocument(uri);
  }
  const editor = await vscode.window.showTextDocument(doc);
  const selections: vscode.Selection[] = [];
  for (let at = text.indexOf('[FEATURE_NAME]'); at >= 0; at = text.indexOf('[FEATURE_NAME]', at + 1)) {
    selections.push(new vscode.Selection(doc.positionAt(at), doc.positionAt(at + '[FEATURE_NAME]'.length)));
  }
  if (selections.length > 0) {
    editor.selections = selections;
    editor.revealRange(selections[0], vscode.TextEditorRevealType.AtTop);
  }
  return editor;
}

/** The configured template; in an untrusted workspace only one inside the workspace folder is read. */
async function readTemplate(
  extension: vscode.ExtensionContext,
  folder: vscode.WorkspaceFolder | undefined,
): Promise<string> {
  const builtIn = vscode.Uri.joinPath(extension.extensionUri, 'dist', 'templates', 'implementation-plan.md');
  const setting = vscode.workspace.getConfiguration('planmark', folder?.uri).get<string | null>('template');
  let uri = builtIn;
  if (setting) {
    const isAbsolute = /^(?:\/|[a-zA-Z]:[\\/])/.test(setting);
    uri = isAbsolute ? vscode.Uri.file(setting) : folder ? vscode.Uri.joinPath(folder.uri, setting) : builtIn;
    const inside = folder && uri.toString().startsWith(folder.uri.toString() + '/');
    if (!vscode.workspace.isTrusted && !inside) {
      void vscode.window.showWarningMessage(
        `planmark: the template ${setting} is outside the workspace, which is not trusted; using the built-in template.`,
      );
      uri = builtIn;
    }
  }
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    void vscode.window.showWarningMessage(
      `planmark: could not read the template ${uri.fsPath} (${String(error)}); using the built-in template.`,
    );
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(builtIn));
  }
}

/** The first of feature-plan.md, feature-2-plan.md, … that does not exist in the folder. */
export async function freePlanName(folder: vscode.Uri): Promise<string> {
  for (let n = 1; ; n++) {
    const name = n === 1 ? 'feature-plan.md' : `feature-${n}-plan.md`;
    if (!(await exists(vscode.Uri.joinPath(folder, name)))) return name;
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Ticks or unticks the tasks on the selected lines (all in one edit); the outline says where they are. */
async function toggleTask(outlines: Outlines, editor: vscode.TextEditor): Promise<boolean> {
  const outline = outlines.get(editor.document.uri) ?? (await outlines.request(editor.document.uri));
  if (!outline) {
    void vscode.window.showInformationMessage('planmark: this file is not a plan.');
    return false;
  }
  const tasks: OutlineTask[] = [];
  const walk = (list: OutlineTask[]) => list.forEach((t) => (tasks.push(t), walk(t.children)));
  const walkSections = (sections: typeof outline.sections) =>
    sections.forEach((s) => (walk(s.tasks), walkSections(s.children)));
  walkSections(outline.sections);
  const lines = new Set<number>();
  for (const s of editor.selections) for (let l = s.start.line; l <= s.end.line; l++) lines.add(l);
  // The innermost task whose first line is selected, else the innermost task containing the cursor.
  const chosen = new Set<OutlineTask>();
  for (const line of lines) {
    const exact = tasks.find((t) => t.checkboxRange.start.line === line);
    const containing = tasks.filter((t) => t.range.start.line <= line && line <= t.range.end.line).pop();
    const task = exact ?? (lines.size === 1 ? containing : undefined);
    if (task) chosen.add(task);
  }
  if (chosen.size === 0) {
    void vscode.window.setStatusBarMessage('planmark: no task on this line', 3000);
    return false;
  }
  // Several tasks: tick them all unless all are ticked (as checklists usually do).
  const check = [...chosen].some((t) => !t.checked);
  const ok = await applyCheckboxEdit(
    [...chosen].filter((t) => t.checked !== check).map((task) => ({ uri: editor.document.uri, task, checked: check })),
  );
  // Our own edit: ask for the new outline now rather than after the server's debounce.
  if (ok) void outlines.request(editor.document.uri, true).catch(() => undefined);
  return ok;
}

/** Selects the next (or previous) unfilled placeholder that planmark reported (hints too), wrapping around. */
function gotoPlaceholder(editor: vscode.TextEditor, direction: 1 | -1): vscode.Range | undefined {
  const ranges = placeholderRanges(editor.document.uri);
  if (ranges.length === 0) {
    void vscode.window.setStatusBarMessage('planmark: no unfilled placeholders', 3000);
    return undefined;
  }
  const here = editor.selection;
  const next =
    direction === 1
      ? (ranges.find((r) => r.start.isAfter(here.start) && !r.isEqual(here)) ?? ranges[0])
      : ([...ranges].reverse().find((r) => r.start.isBefore(here.start)) ?? ranges[ranges.length - 1]);
  editor.selection = new vscode.Selection(next.start, next.end);
  editor.revealRange(next, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return next;
}

/**
 * A new task in the plan's format, on a line of its own below the cursor's line when that one
 * has text: in a plan of another format (spec-kit, Kiro, a checklist) what the language server's
 * `task` completion would insert there (`- [ ] T041 [US2] `, `- [ ] 2.4 `, `- [ ] `), asked for
 * before the edit so that the insertion is one edit (one undo step); in a plan that follows
 * the reference template, or when the server has nothing, the template's task block.
 */
async function insertTask(ctx: Context, editor: vscode.TextEditor): Promise<boolean> {
  const profile = ctx.outlines.get(editor.document.uri)?.profile?.id;
  if (!profile || profile === 'reference') return insertTaskBlock(editor);
  const line = editor.document.lineAt(editor.selection.active.line);
  const task = await ctx.client.sendRequest(NewTaskRequest.type, {
    textDocument: { uri: editor.document.uri.toString() },
    line: line.lineNumber,
  });
  if (!task) return insertTaskBlock(editor);
  if (line.isEmptyOrWhitespace) return editor.insertSnippet(new vscode.SnippetString(task.snippet), line.range);
  const indent = line.text.slice(0, line.firstNonWhitespaceCharacterIndex);
  const eol = editor.document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  return editor.insertSnippet(new vscode.SnippetString(eol + indent + task.snippet), line.range.end);
}

/** The task block (the body `task` completion inserts), on a line of its own below the cursor's line when that one has text. */
async function insertTaskBlock(editor: vscode.TextEditor): Promise<boolean> {
  const body = taskBlockSnippet().join('\n') + '\n$0';
  const line = editor.document.lineAt(editor.selection.active.line);
  if (line.isEmptyOrWhitespace) return editor.insertSnippet(new vscode.SnippetString(body), line.range);
  const indent = line.text.slice(0, line.firstNonWhitespaceCharacterIndex);
  return editor.insertSnippet(
    new vscode.SnippetString(`\n${indent}${body.replace(/\n(?=.)/g, `\n${indent}`)}`),
    line.range.end,
  );
}

/** Runs the server's source.fixAll.planmark action on the active document. */
async function fixAll(): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return false;
  const doc = editor.document;
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider',
    doc.uri,
    new vscode.Range(0, 0, doc.lineCount, 0),
    FIX_ALL.value,
    1, // resolve the first action's edit, should the server resolve lazily
  );
  const action = actions?.find((a) => a.kind && FIX_ALL.contains(a.kind));
  if (!action) {
    void vscode.window.setStatusBarMessage('planmark: nothing to fix automatically', 3000);
    return false;
  }
  if (action.edit && !(await vscode.workspace.applyEdit(action.edit))) return false;
  if (action.command)
    await vscode.commands.executeCommand(action.command.command, ...((action.command.arguments ?? []) as unknown[]));
  return true;
}
