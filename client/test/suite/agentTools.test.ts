// planmark's language-model tools in a real VS Code: registered with vscode.lm (the
// names and input schemas of package.json), invoked through vscode.lm.invokeTool and
// answered by the language server; plan_complete_task asks for confirmation and ticks
// through a WorkspaceEdit: one character, saved, undone by Undo.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PlanmarkApi } from '../../src/extension';
import { activateApi, closeAll, notes, openFresh, untilText } from './helpers';

const PLAN = [
  '# Tasks: Notes',
  '',
  '## Phase 1: Setup',
  '',
  '- [x] T001 Sketch the notes',
  '- [ ] T002 Write the notes',
  '- [ ] **Task**: T003 Publish the notes',
  '  - **Dependencies**: T002',
  '',
].join('\n');

const TOOLS = ['plan_status', 'plan_next_tasks', 'plan_validate', 'plan_complete_task', 'plan_explain_rule'];

function text(result: vscode.LanguageModelToolResult): string {
  return result.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : '')).join('\n');
}

export default function registerAgentToolsSuite(): void {
  suite('planmark language-model tools in VS Code', () => {
    let api: PlanmarkApi;
    suiteSetup(async () => {
      api = await activateApi();
    });
    teardown(closeAll);

    test('the five tools are registered with vscode.lm, with their input schemas', () => {
      const ours = vscode.lm.tools.filter((t) => t.name.startsWith('planmark_'));
      assert.deepEqual(ours.map((t) => t.name).sort(), TOOLS.map((t) => `planmark_${t}`).sort());
      const complete = ours.find((t) => t.name === 'planmark_plan_complete_task')!;
      assert.deepEqual((complete.inputSchema as { required: string[] }).required, ['path', 'task']);
    });

    test('vscode.lm.invokeTool: status, next tasks, validate and explain rule answer from the language server', async () => {
      const editor = await openFresh(PLAN, 'tools');
      const path = vscode.workspace.asRelativePath(editor.document.uri, false);
      const invoke = (name: string, input: object) =>
        vscode.lm.invokeTool(`planmark_${name}`, { input, toolInvocationToken: undefined });
      const status = text(await invoke('plan_status', { path }));
      assert.match(status, /1\/3 tasks done \(33%\)/);
      const next = text(await invoke('plan_next_tasks', { path }));
      assert.match(next, /1 ready of 2 open:\n- line 6: T002 Write the notes/);
      // The plan has no findings (the CLI agrees: `planmark check` prints none for it).
      // The answer is a line for people, then the structured result as JSON.
      const [summary, json] = text(await invoke('plan_validate', { path })).split('\n');
      assert.equal(summary, `${path}: no findings.`);
      assert.deepEqual((JSON.parse(json) as { findings: unknown[] }).findings, []);
      assert.match(
        text(await invoke('plan_explain_rule', { rule: 'unknown-dependency' })).split('\n')[0],
        /^unknown-dependency \(default \w+\): .+ https:\/\/\S+\/docs\/rules\.md#unknown-dependency$/,
      );
      await assert.rejects(
        Promise.resolve(invoke('plan_status', { path: '../outside.md' })),
        /outside the workspace root/,
      );
      notes.push('language-model tools: invoked through vscode.lm.invokeTool');
    });

    test('plan_complete_task asks first, then ticks one character as an undoable, saved edit', async () => {
      const editor = await openFresh(PLAN, 'tools');
      const doc = editor.document;
      const path = vscode.workspace.asRelativePath(doc.uri, false);
      const tool = api.agentTools.get('plan_complete_task')!;
      const token = new vscode.CancellationTokenSource().token;
      // vscode.lm.invokeTool would show the confirmation as a modal dialog, which nothing here can answer:
      // the suite calls what VS Code calls, in the same order.
      const prepared = await tool.prepareInvocation!({ input: { path, task: 'T002' } }, token);
      assert.match(String(prepared?.confirmationMessages?.title), /Tick a plan task/);
      await assert.rejects(
        Promise.resolve(tool.invoke({ input: { path, task: 'T003' }, toolInvocationToken: undefined }, token)),
        /depends on open tasks: T002/,
      );
      const result = await tool.invoke({ input: { path, task: 'T002' }, toolInvocationToken: undefined }, token);
      assert.match(text(result!), /^Ticked: T002 Write the notes\./);
      const ticked = doc.getText();
      const changed = [...ticked].flatMap((c, i) => (c === PLAN[i] ? [] : [i]));
      assert.deepEqual(changed, [PLAN.indexOf('- [ ] T002') + 3]);
      assert.equal(ticked.length, PLAN.length);
      assert.equal(doc.isDirty, false, 'a plan without unsaved changes is saved after the tick');
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('undo');
      await untilText(doc, (t) => t === PLAN, 'Undo to restore the plan');
    });

    test('Start task: a lens on the ready task; it opens chat with the task, or puts it on the clipboard', async () => {
      const editor = await openFresh(PLAN, 'start');
      const uri = editor.document.uri;
      await api.whenAnalyzed(editor.document);
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
      const start = lenses.filter((l) => l.command?.command === 'planmark.startTask');
      assert.deepEqual(
        start.map((l) => l.range.start.line),
        [5],
        'T002 only: T003 waits for it',
      );
      const [args] = start[0].command!.arguments as [{ prompt: string }];
      assert.match(args.prompt, /\nT002 Write the notes\n/);
      const where = await vscode.commands.executeCommand<string>('planmark.startTask', args);
      if (where === 'clipboard') assert.equal(await vscode.env.clipboard.readText(), args.prompt);
      else assert.equal(where, 'chat');
      notes.push(`Start task: the context went to the ${where}`);
    });
  });
}
