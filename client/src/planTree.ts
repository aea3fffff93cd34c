// The Plan view: the active plan's sections (phases first) and their tasks, with
// native checkboxes. Ticking a box edits only the checkbox character of the task,
// all ticked boxes in one WorkspaceEdit (one undo step); the server's next outline
// then refreshes the view, the status bar and the code lens together.
import * as vscode from 'vscode';
import type { Outline, OutlineSection, OutlineTask } from '../../server/src/protocol';
import { cell, estimate, hours, isComplete, progressText, remaining } from './format';
import type { Outlines } from './outlines';
import { markReadiness } from './graph/readinessMark';

export type PlanNode = SectionNode | TaskNode;

export interface SectionNode {
  kind: 'section';
  id: string;
  uri: vscode.Uri;
  section: OutlineSection;
  parent?: SectionNode;
}

export interface TaskNode {
  kind: 'task';
  id: string;
  uri: vscode.Uri;
  task: OutlineTask;
  parent: PlanNode;
}

const HIDE_COMPLETED = 'planmark.hideCompleted';
/** Context key: the Plan view is filtered by text (its title bar then offers Clear Filter). */
const FILTERED = 'planmark.filtered';

export class PlanTree implements vscode.TreeDataProvider<PlanNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<PlanNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** The plan shown: follows the active editor, stays when focus moves to a non-editor. */
  private shown: { uri: vscode.Uri; outline: Outline } | undefined;
  private roots: PlanNode[] = [];
  /** `all()`, cached until the next `show`. */
  private flat: PlanNode[] | undefined;
  readonly view: vscode.TreeView<PlanNode>;
  private readonly disposables: vscode.Disposable[] = [];
  private hideCompleted: boolean;
  /** Lower-cased text a task must contain (its text, id or a field's value) to show; '' shows all. */
  private filterText = '';

  constructor(
    private readonly outlines: Outlines,
    private readonly state: vscode.Memento,
  ) {
    this.hideCompleted = state.get<boolean>(HIDE_COMPLETED, false);
    void vscode.commands.executeCommand('setContext', HIDE_COMPLETED, this.hideCompleted);
    this.view = vscode.window.createTreeView('planmark.plan', {
      treeDataProvider: this,
      showCollapseAll: true,
      // A parent's box must not tick its subtasks (nor the reverse): each box is one line of the plan.
      manageCheckboxStateManually: true,
    });
    this.disposables.push(
      this.changed,
      this.view,
      this.view.onDidChangeCheckboxState(
        (e) =>
          void this.setChecked(e.items.map(([node, state]) => [node, state === vscode.TreeItemCheckboxState.Checked])),
      ),
      outlines.onDidChange((c) => {
        if (
          this.shown?.uri.toString() === c.uri.toString() ||
          vscode.window.activeTextEditor?.document.uri.toString() === c.uri.toString()
        )
          this.follow();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.follow()),
      vscode.window.onDidChangeTextEditorSelection((e) => this.revealCursor(e.textEditor)),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (this.shown?.uri.toString() === doc.uri.toString()) this.show(undefined);
      }),
    );
    this.follow();
  }

  /** The document the view shows, if any. */
  get uri(): vscode.Uri | undefined {
    return this.shown?.uri;
  }

  async setHideCompleted(hide: boolean): Promise<void> {
    this.hideCompleted = hide;
    await this.state.update(HIDE_COMPLETED, hide);
    await vscode.commands.executeCommand('setContext', HIDE_COMPLETED, hide);
    this.show(this.shown);
  }

  /** The text the view is filtered by ('' when it is not). */
  get filter(): string {
    return this.filterText;
  }

  /**
   * Shows only the tasks whose text, id or field values contain `text` (ignoring case),
   * with their sections and parent tasks; '' shows every task again. It stays while
   * the view moves from plan to plan, and the view's message says what is hidden.
   */
  async setFilter(text: string): Promise<void> {
    this.filterText = text.trim().toLowerCase();
    await vscode.commands.executeCommand('setContext', FILTERED, this.filterText !== '');
    this.show(this.shown);
  }

  /** Shows the active editor's plan; a non-plan editor empties the view (its welcome text then shows). */
  private follow(): void {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      // Focus went to a panel or a webview: keep showing the plan, refreshed.
      if (this.shown) {
        const outline = this.outlines.get(this.shown.uri);
        this.show(outline ? { uri: this.shown.uri, outline } : undefined);
      }
      return;
    }
    const uri = editor.document.uri;
    const outline = this.outlines.get(uri);
    if (outline === undefined && editor.document.languageId === 'markdown') {
      // Not heard of yet (opened before activation, or the server is busy): ask.
      void this.outlines.request(uri).catch(() => undefined);
    }
    this.show(outline ? { uri, outline } : undefined);
  }

  private show(shown: { uri: vscode.Uri; outline: Outline } | undefined): void {
    this.shown = shown;
    this.roots = shown ? this.sectionNodes(shown.uri, shown.outline.sections, undefined) : [];
    this.flat = undefined;
    this.view.message = this.filterMessage(shown?.outline);
    this.view.description = shown
      ? `${shown.outline.done}/${shown.outline.total} · ${shown.outline.percent}%`
      : undefined;
    this.changed.fire(undefined);
  }

  private filterMessage(outline: Outline | undefined): string | undefined {
    if (!this.filterText || !outline) return undefined;
    let shown = 0;
    let all = 0;
    const count = (tasks: OutlineTask[]) => {
      for (const t of tasks) {
        all++;
        if (this.matches(t)) shown++;
        count(t.children);
      }
    };
    const walk = (sections: OutlineSection[]) => sections.forEach((s) => (count(s.tasks), walk(s.children)));
    walk(outline.sections);
    return `${shown} of ${all} tasks match "${this.filterText}"`;
  }

  private matches(t: OutlineTask): boolean {
    const f = this.filterText;
    return (
      t.text.toLowerCase().includes(f) ||
      (t.id?.toLowerCase().includes(f) ?? false) ||
      Object.values(t.fields ?? {}).some((v) => v.toLowerCase().includes(f))
    );
  }

  /** Shown under the filter: it matches, or a subtask does. */
  private kept(t: OutlineTask): boolean {
    return !this.filterText || this.matches(t) || t.children.some((c) => this.kept(c));
  }

  private keptSection(s: OutlineSection): boolean {
    return !this.filterText || s.tasks.some((t) => this.kept(t)) || s.children.some((c) => this.keptSection(c));
  }

  /** Flat list of every node, for tests and for reveal; built once per outline shown, not on every cursor move. */
  all(): PlanNode[] {
    if (this.flat) return this.flat;
    const out: PlanNode[] = [];
    const walk = (nodes: PlanNode[]) => {
      for (const n of nodes) {
        out.push(n);
        walk(this.childrenOf(n));
      }
    };
    walk(this.roots);
    return (this.flat = out);
  }

  getChildren(node?: PlanNode): PlanNode[] {
    return node ? this.childrenOf(node) : this.roots;
  }

  getParent(node: PlanNode): PlanNode | undefined {
    return node.parent;
  }

  getTreeItem(node: PlanNode): vscode.TreeItem {
    return node.kind === 'section' ? this.sectionItem(node) : this.taskItem(node);
  }

  private childrenCache = new WeakMap<PlanNode, PlanNode[]>();

  private childrenOf(node: PlanNode): PlanNode[] {
    let children = this.childrenCache.get(node);
    if (!children) {
      children =
        node.kind === 'section'
          ? [
              ...this.taskNodes(node.uri, node.section.tasks, node),
              ...this.sectionNodes(node.uri, node.section.children, node),
            ]
          : this.taskNodes(node.uri, node.task.children, node);
      this.childrenCache.set(node, children);
    }
    return children;
  }

  private sectionNodes(uri: vscode.Uri, sections: OutlineSection[], parent: SectionNode | undefined): SectionNode[] {
    return sections
      .filter((s) => (!this.hideCompleted || !isComplete(s)) && this.keptSection(s))
      .map((section, i) => ({
        kind: 'section' as const,
        id: `${parent?.id ?? uri.toString()}/s${i}:${section.title}`,
        uri,
        section,
        parent,
      }));
  }

  private taskNodes(uri: vscode.Uri, tasks: OutlineTask[], parent: PlanNode): TaskNode[] {
    return tasks
      .filter((t) => (!this.hideCompleted || !isDone(t)) && this.kept(t))
      .map((task, i) => ({
        kind: 'task' as const,
        id: `${parent.id}/t${i}:${task.id ?? task.text}`,
        uri,
        task,
        parent,
      }));
  }

  private sectionItem(node: SectionNode): vscode.TreeItem {
    const s = node.section;
    // Open work shows; finished sections fold away (VS Code then remembers what the author folds).
    // Under a filter every match shows: no section starts folded.
    const item = new vscode.TreeItem(
      s.title,
      isComplete(s) && !this.filterText
        ? vscode.TreeItemCollapsibleState.Collapsed
        : vscode.TreeItemCollapsibleState.Expanded,
    );
    item.id = node.id;
    item.description = progressText(s);
    item.iconPath = new vscode.ThemeIcon(
      isComplete(s) ? 'pass-filled' : s.phase !== undefined ? 'milestone' : 'list-tree',
      isComplete(s) ? new vscode.ThemeColor('testing.iconPassed') : undefined,
    );
    item.contextValue = 'section';
    const tip = new vscode.MarkdownString(`**${s.title}**\n\n`);
    tip.appendMarkdown(
      `| Done | Estimate | Left | No estimate |\n|---:|---:|---:|---:|\n| ${s.done}/${s.total} | ${estimate(s.estimateHours)} | ${remaining(s)} | ${s.unestimated} |`,
    );
    item.tooltip = tip;
    item.command = { command: 'planmark.reveal', title: 'Go to Section', arguments: [node.uri, s.headingRange] };
    return item;
  }

  private taskItem(node: TaskNode): vscode.TreeItem {
    const t = node.task;
    const item = new vscode.TreeItem(
      t.text || '(empty task)',
      t.children.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None,
    );
    item.id = node.id;
    const words = stateWords(t);
    item.checkboxState = {
      state: t.checked ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked,
      tooltip: t.checked ? 'Mark as not done' : 'Mark as done',
      accessibilityInformation: { label: [t.checked ? 'done' : 'not done', ...words].join(', ') },
    };
    // The id once: in the description only when the label does not already show it ("T001 Create …").
    const id = t.id && !(t.text || '').includes(t.id) ? t.id : undefined;
    // The checkbox says done or not; the icon says what else the marker says.
    const icon = STATE_ICONS[t.state] ?? (t.optional ? OPTIONAL_ICON : undefined);
    if (icon) item.iconPath = icon;
    item.description =
      [id, ...words, t.estimateHours !== undefined ? hours(t.estimateHours) : undefined].filter(Boolean).join(' · ') ||
      undefined;
    // `.file`: the task names a file, which the row's Open File action opens.
    item.contextValue = `${t.checked ? 'task.done' : 'task'}${t.files?.length ? '.file' : ''}`;
    const tip = new vscode.MarkdownString(
      `${t.checked ? '$(pass-filled)' : `$(${icon?.id ?? 'circle-large-outline'})`} **${cell(t.text)}**${words.length > 0 ? ` (${words.join(', ')})` : ''}`,
      true,
    );
    const fields = Object.entries(t.fields ?? {});
    if (fields.length > 0)
      tip.appendMarkdown(
        `\n\n| Field | Value |\n|---|---|\n${fields.map(([k, v]) => `| ${cell(k)} | ${cell(v)} |`).join('\n')}`,
      );
    if (t.estimateHours !== undefined) tip.appendMarkdown(`\n\nEstimate: ${hours(t.estimateHours)}`);
    item.tooltip = tip;
    markReadiness(item, t);
    item.command = { command: 'planmark.reveal', title: 'Go to Task', arguments: [node.uri, t.range] };
    return item;
  }

  /** Ticks or unticks tasks in their document: one edit of the checkbox characters, one undo step. */
  async setChecked(changes: readonly (readonly [PlanNode, boolean])[]): Promise<boolean> {
    const tasks = changes.filter(
      (c): c is readonly [TaskNode, boolean] => c[0].kind === 'task' && c[0].task.checked !== c[1],
    );
    if (tasks.length === 0) return true;
    const ok = await applyCheckboxEdit(tasks.map(([n, checked]) => ({ uri: n.uri, task: n.task, checked })));
    if (!ok)
      this.changed.fire(undefined); // put the boxes back as the document has them
    else
      for (const uri of new Set(tasks.map(([n]) => n.uri.toString())))
        void this.outlines.request(vscode.Uri.parse(uri), true).catch(() => undefined);
    return ok;
  }

  /** Selects the task or section under the cursor when the view is visible (like the Outline view). */
  private revealCursor(editor: vscode.TextEditor): void {
    if (!this.view.visible || !this.shown || editor.document.uri.toString() !== this.shown.uri.toString()) return;
    const line = editor.selection.active.line;
    let best: PlanNode | undefined;
    for (const n of this.all()) {
      const r = n.kind === 'section' ? n.section.headingRange : n.task.range;
      if (r.start.line <= line && line <= (n.kind === 'section' ? r.start.line : r.end.line)) best = n;
    }
    if (best && this.view.selection[0]?.id !== best.id)
      void this.view.reveal(best, { select: true, focus: false }).then(undefined, () => undefined);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

// In progress and unknown markers get their own icon; an optional task (`- [ ]*`) one that says it may be skipped.
const STATE_ICONS: Partial<Record<OutlineTask['state'], vscode.ThemeIcon>> = {
  'in-progress': new vscode.ThemeIcon('play-circle', new vscode.ThemeColor('charts.blue')),
  unknown: new vscode.ThemeIcon('question', new vscode.ThemeColor('problemsWarningIcon.foreground')),
};
const OPTIONAL_ICON = new vscode.ThemeIcon('debug-step-over');

/** What a task's state adds to done / not done: `in progress`, `unknown marker`, `optional`. */
function stateWords(t: OutlineTask): string[] {
  return [
    t.state === 'in-progress' ? 'in progress' : t.state === 'unknown' ? 'unknown marker' : '',
    t.optional ? 'optional' : '',
  ].filter(Boolean);
}

function isDone(t: OutlineTask): boolean {
  return t.checked && t.children.every(isDone);
}

/** Sets `[x]` or `[ ]` for each task (from any marker, `[-]` too): only the character between the brackets changes. */
export async function applyCheckboxEdit(
  changes: readonly { uri: vscode.Uri; task: OutlineTask; checked: boolean }[],
): Promise<boolean> {
  const edit = new vscode.WorkspaceEdit();
  for (const { uri, task, checked } of changes) {
    const doc = await vscode.workspace.openTextDocument(uri);
    const r = task.checkboxRange;
    const box = new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
    // The outline may lag behind fast typing: never edit a range that no longer holds a checkbox.
    if (!/^\[[^\]\r\n]{1,2}\]$/.test(doc.getText(box))) return false;
    edit.replace(uri, new vscode.Range(box.start.translate(0, 1), box.end.translate(0, -1)), checked ? 'x' : ' ');
  }
  return vscode.workspace.applyEdit(edit);
}
