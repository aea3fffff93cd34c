// The commands of the Plan and Plans views: open a plan from the Plans view, filter the
// Plan view by text, and open the file a task names. Each returns what tests check.
import * as vscode from 'vscode';
import type { OutlineTask } from '../../server/src/protocol';
import type { PlanNode, PlanTree } from './planTree';
import type { PlansView } from './plansView';

export function registerViewCommands(tree: PlanTree, plans: PlansView): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('planmark.openPlan', (uri: vscode.Uri) => openPlan(tree, uri)),
    vscode.commands.registerCommand('planmark.refreshPlans', () => plans.refresh()),
    vscode.commands.registerCommand('planmark.filterTasks', async (text?: string) => {
      const value =
        text ??
        (await vscode.window.showInputBox({
          title: 'Filter the Plan view',
          prompt: 'Show the tasks whose text, id or fields contain this (empty: show all)',
          value: tree.filter,
        }));
      if (value !== undefined) await tree.setFilter(value);
      return tree.filter;
    }),
    vscode.commands.registerCommand('planmark.clearTaskFilter', () => tree.setFilter('')),
    vscode.commands.registerCommand('planmark.openTaskFile', (node?: PlanNode) =>
      node?.kind === 'task' ? openTaskFile(node.uri, node.task) : undefined,
    ),
  ];
}

/** Opens the plan in an editor, which the Plan view follows; shows the Plan view if it is hidden. */
async function openPlan(tree: PlanTree, uri: vscode.Uri): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(uri, { preview: true });
  if (!tree.view.visible) await vscode.commands.executeCommand('planmark.plan.focus');
  return editor;
}

/**
 * Opens the file a task names (asking which when it names several). A path is looked for
 * from the plan's workspace folder, then beside the plan, then anywhere in the workspace
 * by its ending; a file still to be written opens as an untitled editor at that path,
 * created when saved.
 */
export async function openTaskFile(plan: vscode.Uri, task: OutlineTask): Promise<vscode.TextEditor | undefined> {
  const files = task.files ?? [];
  const path =
    files.length > 1 ? await vscode.window.showQuickPick(files, { title: `Open a file of "${task.text}"` }) : files[0];
  if (!path) return undefined;
  const found = await locate(plan, path);
  if (found) return vscode.window.showTextDocument(found);
  const folder = vscode.workspace.getWorkspaceFolder(plan)?.uri ?? vscode.Uri.joinPath(plan, '..');
  return vscode.window.showTextDocument(vscode.Uri.joinPath(folder, path).with({ scheme: 'untitled' }));
}

async function locate(plan: vscode.Uri, path: string): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.getWorkspaceFolder(plan)?.uri;
  const candidates = [folder && vscode.Uri.joinPath(folder, path), vscode.Uri.joinPath(plan, '..', path)];
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      if ((await vscode.workspace.fs.stat(candidate)).type & vscode.FileType.File) return candidate;
    } catch {
      // not there: try the next place
    }
  }
  // Plans often name a path from a sub-project's root (`src/app.ts` in `web/`).
  const [anywhere] = await vscode.workspace.findFiles(`**/${path}`, '**/node_modules/**', 1);
  return anywhere;
}
