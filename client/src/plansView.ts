// The Plans view: every plan of the workspace (spec-kit features, Kiro specs, other
// plans) with its profile, a progress bar and its problem count, most recently changed
// first. The server decides what a plan is and summarises each (planmark/plans), so this
// list, the Problems panel and `planmark check FOLDER` agree. Clicking a plan opens it,
// and the Plan view beside it shows its tasks. The list is asked for again when a
// Markdown file is created, changed or deleted, and when an open plan's outline changes.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PlansRequest, type PlanSummary } from '../../server/src/protocol';
import { plural } from './format';
import { bar, group, type PlanNode, type PlansNode } from './plansGroups';
import type { Outlines } from './outlines';

/** Refreshes wait this long for more changes: saving a spec folder's three files is one refresh. */
const REFRESH_DELAY_MS = 300;

export class PlansView implements vscode.TreeDataProvider<PlansNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<PlansNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly listed = new vscode.EventEmitter<readonly PlanSummary[]>();
  /** Fires after each new list arrived (and the tree was told): for tests. */
  readonly onDidList = this.listed.event;
  readonly view: vscode.TreeView<PlansNode>;
  private roots: PlansNode[] = [];
  private plans: readonly PlanSummary[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** Something changed while the view was hidden: list again when it shows. */
  private stale = false;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly client: LanguageClient,
    ready: Promise<void>,
    outlines: Outlines,
  ) {
    this.view = vscode.window.createTreeView('planmark.plans', { treeDataProvider: this, showCollapseAll: true });
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.md');
    const later = () => this.refreshSoon();
    this.disposables.push(
      this.changed,
      this.listed,
      this.view,
      watcher,
      watcher.onDidCreate(later),
      watcher.onDidChange(later),
      watcher.onDidDelete(later),
      outlines.onDidChange(later),
      vscode.workspace.onDidChangeWorkspaceFolders(later),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('planmark') && later()),
      this.view.onDidChangeVisibility(({ visible }) => visible && this.stale && later()),
    );
    void ready.then(() => this.refresh()).catch(() => undefined);
  }

  /** The plans of the last list, in the order shown. */
  get current(): readonly PlanSummary[] {
    return this.plans;
  }

  /**
   * Lists again after a short pause, when the view is visible; a hidden view only notes
   * that it is out of date (typing in a plan then costs the server nothing more).
   */
  refreshSoon(): void {
    if (!this.view.visible) {
      this.stale = true;
      return;
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), REFRESH_DELAY_MS);
  }

  /** Asks the server for the plans now; resolves once the tree shows them. */
  async refresh(): Promise<readonly PlanSummary[]> {
    clearTimeout(this.timer);
    this.stale = false;
    if (!this.client.isRunning()) return this.plans;
    let plans: PlanSummary[];
    try {
      plans = await this.client.sendRequest(PlansRequest.type, {});
    } catch {
      return this.plans; // the server is restarting: the next change asks again
    }
    plans.sort((a, b) => b.modified - a.modified || a.path.localeCompare(b.path));
    this.plans = plans;
    this.roots = group(plans, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
    this.view.description = plans.length > 0 ? plural(plans.length, 'plan') : undefined;
    this.changed.fire(undefined);
    this.listed.fire(plans);
    return plans;
  }

  getChildren(node?: PlansNode): PlansNode[] {
    if (!node) return this.roots;
    return node.kind === 'group' ? node.plans : [];
  }

  getParent(node: PlansNode): PlansNode | undefined {
    return node.kind === 'plan' ? node.parent : undefined;
  }

  getTreeItem(node: PlansNode): vscode.TreeItem {
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = node.id;
      item.description = plural(node.plans.length, 'plan');
      item.iconPath = new vscode.ThemeIcon('folder-library');
      item.contextValue = 'planGroup';
      return item;
    }
    return planItem(node);
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}

function planItem(node: PlanNode): vscode.TreeItem {
  const p = node.plan;
  const uri = vscode.Uri.parse(p.uri);
  const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  // No resourceUri: VS Code would add its own problem badge and colours beside the count below.
  const problems = p.errors + p.warnings;
  item.description = [
    p.failure !== undefined ? 'not checked' : p.total > 0 ? `${bar(p.percent)} ${p.percent}%` : 'no tasks',
    problems > 0 ? plural(problems, 'problem') : undefined,
    p.profile?.title,
  ]
    .filter(Boolean)
    .join(' · ');
  const complete = p.total > 0 && p.done === p.total;
  item.iconPath =
    p.errors > 0
      ? new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'))
      : complete
        ? new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed'))
        : new vscode.ThemeIcon('checklist');
  const tip = new vscode.MarkdownString(undefined, true);
  tip.appendMarkdown(`**${escape(p.title ?? p.path)}**\n\n`);
  tip.appendMarkdown(`\`${escape(p.path)}\`${p.profile ? ` · ${escape(p.profile.title)}` : ''}\n\n`);
  if (p.failure !== undefined) tip.appendMarkdown(`Not checked: ${escape(p.failure)}\n\n`);
  else
    tip.appendMarkdown(
      `${p.done}/${p.total} tasks done (${p.percent}%) · ${plural(p.errors, 'error')} · ${plural(p.warnings, 'warning')}` +
        `${p.others > 0 ? ` · ${p.others} other findings` : ''}\n\n`,
    );
  tip.appendMarkdown(`Changed ${new Date(p.modified).toLocaleString()}`);
  item.tooltip = tip;
  item.accessibilityInformation = {
    label: `${node.label}: ${p.done} of ${p.total} tasks done, ${p.percent} percent; ${plural(p.errors, 'error')}, ${plural(p.warnings, 'warning')}`,
  };
  item.command = { command: 'planmark.openPlan', title: 'Open Plan', arguments: [uri] };
  item.contextValue = 'plan';
  return item;
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>]/g, '\\$&');
}
