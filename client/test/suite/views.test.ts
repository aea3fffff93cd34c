// The Plans view, the Plan view's text filter and a task's Open File action, in a real
// VS Code (issue 11, item 8). Each step awaits the view's own events; nothing sleeps.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PlanmarkApi } from '../../src/extension';
import type { TaskNode } from '../../src/planTree';
import type { PlansNode } from '../../src/plansGroups';
import type { PlanSummary } from '../../../server/src/protocol';
import { activateApi, closeAll, planmarkDiagnostics, waitFor } from './helpers';

const FEATURE_TASKS = [
  '# Tasks: Login',
  '',
  '## Phase 1: Setup',
  '',
  '- [x] T001 Create the project',
  '- [ ] T002 [P] Add the login form in src/login-form.ts',
  '- [ ] T003 Write the session store in src/session.ts',
  '',
].join('\n');

export default function registerViewsSuite(): void {
  suite('planmark views', () => {
    let api: PlanmarkApi;
    let repo: vscode.Uri;
    const relative = (uri: vscode.Uri) => vscode.workspace.asRelativePath(uri, false);

    suiteSetup(async () => {
      api = await activateApi();
      // A spec-kit repository of its own inside the workspace (`.git` ends the search for `.specify/`).
      const folder = vscode.workspace.workspaceFolders![0].uri;
      repo = vscode.Uri.joinPath(folder, 'scratch', `speckit-${process.pid}`);
      const write = (path: string, text: string) =>
        vscode.workspace.fs.writeFile(vscode.Uri.joinPath(repo, path), new TextEncoder().encode(text));
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(repo, '.git'));
      await write('.specify/memory/constitution.md', '# Constitution\n');
      await write('specs/001-login/spec.md', '# Feature Specification: Login\n');
      await write('specs/001-login/tasks.md', FEATURE_TASKS);
      await write('specs/001-login/plan.md', '# Implementation Plan: Login\n\n**Branch**: `001-login`\n');
      await write('src/session.ts', 'export {};\n');
      await write('notes.md', '# Notes\n\n- [ ] not a plan\n');
    });

    teardown(closeAll);

    /** Opens a plan and waits until the Plan view shows its tasks. */
    async function showInPlanView(uri: vscode.Uri): Promise<vscode.TextEditor> {
      const editor = await vscode.window.showTextDocument(uri);
      const { tree } = api.views;
      await api.whenAnalyzed(editor.document);
      await waitFor(
        'the Plan view to show the plan',
        () => (tree.uri?.toString() === uri.toString() && tree.all().length > 0 ? true : undefined),
        [tree.onDidChangeTreeData],
      );
      return editor;
    }

    /** The Plans view once its list holds every file `paths` names (relative to the spec-kit repository). */
    async function listed(...paths: string[]): Promise<readonly PlanSummary[]> {
      const { plans } = api.views;
      // Shown, so that it follows changes on disk (a hidden view waits until it shows).
      await vscode.commands.executeCommand('planmark.plans.focus');
      const wanted = paths.map((p) => relative(vscode.Uri.joinPath(repo, p)));
      const has = (list: readonly PlanSummary[]) => wanted.every((w) => list.some((p) => p.path === w));
      if (has(await plans.refresh())) return plans.current;
      return waitFor(
        'the Plans view to list ' + wanted.join(', '),
        () => (has(plans.current) ? plans.current : undefined),
        [plans.onDidList],
      );
    }

    test('the Plans view lists every plan (a spec-kit feature as a group) with progress and problems, and the Problems panel agrees', async () => {
      const list = await listed('specs/001-login/tasks.md', 'specs/001-login/plan.md');
      const tasks = list.find((p) => p.path.endsWith('001-login/tasks.md'))!;
      assert.equal(tasks.profile?.id, 'spec-kit-tasks');
      assert.deepEqual([tasks.done, tasks.total, tasks.percent], [1, 3, 33]);
      assert.ok(
        !list.some((p) => p.path.endsWith('notes.md') || p.path.endsWith('spec.md')),
        'notes and specs are no plans',
      );

      const { plans } = api.views;
      const roots = plans.getChildren();
      const group = roots.find(
        (n): n is Extract<PlansNode, { kind: 'group' }> => n.kind === 'group' && /spec-kit · 001-login/.test(n.label),
      );
      assert.ok(
        group,
        `a group for the feature among ${roots.map((r) => (r.kind === 'group' ? r.label : r.plan.path)).join(', ')}`,
      );
      assert.deepEqual(group.plans.map((n) => n.plan.path.replace(/.*\//, '')).sort(), ['plan.md', 'tasks.md']);
      const row = plans.getTreeItem(group.plans.find((n) => n.plan === tasks)!);
      assert.equal(row.label, 'Tasks: Login');
      assert.match(String(row.description), /^█░░░░ 33%/);
      assert.match(String(row.description), /spec-kit tasks/);
      // Most recently changed first, whatever the grouping.
      const order = plans.current.map((p) => p.modified);
      assert.deepEqual(
        order,
        [...order].sort((a, b) => b - a),
      );

      // One notion of a plan: the closed plan.md's problems are in the Problems panel (workspace diagnostics).
      const planUri = vscode.Uri.parse(list.find((p) => p.path.endsWith('001-login/plan.md'))!.uri);
      const problems = await waitFor(
        'workspace diagnostics for the closed spec-kit plan',
        () => (planmarkDiagnostics(planUri).length > 0 ? planmarkDiagnostics(planUri) : undefined),
        [vscode.languages.onDidChangeDiagnostics],
      );
      const summary = list.find((p) => p.uri === planUri.toString())!;
      const bySeverity = (s: vscode.DiagnosticSeverity) => problems.filter((d) => d.severity === s).length;
      assert.deepEqual(
        [bySeverity(vscode.DiagnosticSeverity.Error), bySeverity(vscode.DiagnosticSeverity.Warning)],
        [summary.errors, summary.warnings],
      );
    });

    test('clicking a plan opens it and the Plan view shows it; ticking a task there moves its bar', async () => {
      const list = await listed('specs/001-login/tasks.md');
      const tasks = list.find((p) => p.path.endsWith('001-login/tasks.md'))!;
      const row = api.views.plans.getTreeItem(
        api.views.plans
          .getChildren()
          .flatMap((n) => (n.kind === 'group' ? n.plans : [n]))
          .find((n) => n.kind === 'plan' && n.plan === tasks)!,
      );
      await vscode.commands.executeCommand(row.command!.command, ...(row.command!.arguments ?? []));
      const editor = vscode.window.activeTextEditor!;
      assert.equal(editor.document.uri.toString(), tasks.uri);
      const { tree } = api.views;
      await waitFor(
        'the Plan view to show the opened plan',
        () => (tree.uri?.toString() === tasks.uri && tree.all().length > 0 ? true : undefined),
        [tree.onDidChangeTreeData],
      );

      // A visible Plans view follows edits (a hidden one lists again when it shows).
      await vscode.commands.executeCommand('planmark.plans.focus');
      await waitFor('the Plans view to show', () => (api.views.plans.view.visible ? true : undefined), [
        api.views.plans.view.onDidChangeVisibility,
      ]);
      const open = tree.all().filter((n): n is TaskNode => n.kind === 'task' && !n.task.checked);
      assert.ok(await tree.setChecked([[open[0], true]]));
      const after = await waitFor(
        'the Plans view to count the ticked task',
        () => api.views.plans.current.find((p) => p.uri === tasks.uri && p.done === 2),
        [api.views.plans.onDidList],
      );
      assert.equal(after.percent, 66);
      await vscode.commands.executeCommand('undo');
    });

    test('Filter Tasks shows only matching tasks and says how many; Clear shows all again', async () => {
      await showInPlanView(vscode.Uri.joinPath(repo, 'specs/001-login/tasks.md'));
      const { tree } = api.views;
      const labels = () =>
        tree
          .all()
          .filter((n) => n.kind === 'task')
          .map((n) => tree.getTreeItem(n).label as string);
      assert.equal(labels().length, 3);

      assert.equal(await vscode.commands.executeCommand('planmark.filterTasks', 'SESSION'), 'session');
      assert.deepEqual(labels(), ['T003 Write the session store in src/session.ts']);
      assert.equal(tree.view.message, '1 of 3 tasks match "session"');
      // By id too.
      await vscode.commands.executeCommand('planmark.filterTasks', 't002');
      assert.deepEqual(labels(), ['T002 [P] Add the login form in src/login-form.ts']);
      await vscode.commands.executeCommand('planmark.clearTaskFilter');
      assert.equal(labels().length, 3);
      assert.equal(tree.view.message, undefined);
    });

    test("Open Task's File opens the file a task names, or an untitled editor for one still to write", async () => {
      const editor = await showInPlanView(vscode.Uri.joinPath(repo, 'specs/001-login/tasks.md'));
      const { tree } = api.views;
      const task = (id: string) => tree.all().find((n): n is TaskNode => n.kind === 'task' && n.task.id === id)!;
      assert.equal(tree.getTreeItem(task('T003')).contextValue, 'task.file');
      assert.equal(tree.getTreeItem(task('T001')).contextValue, 'task.done');

      const existing = await vscode.commands.executeCommand<vscode.TextEditor>('planmark.openTaskFile', task('T003'));
      assert.equal(existing.document.uri.toString(), vscode.Uri.joinPath(repo, 'src/session.ts').toString());

      await vscode.window.showTextDocument(editor.document);
      const missing = await vscode.commands.executeCommand<vscode.TextEditor>('planmark.openTaskFile', task('T002'));
      assert.equal(missing.document.uri.scheme, 'untitled');
      assert.match(missing.document.uri.path, /src\/login-form\.ts$/);
    });
  });
}
