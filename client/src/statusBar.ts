// Two status bar items for the active plan. The progress item, `$(checklist) 23/87 · 26%`,
// shows progress only: VS Code's own status item already counts problems, and a second
// warning count beside it with other numbers confuses (the counts are in the tooltip).
// The placeholder item, `$(bracket-dot) 41 placeholders left · Ctrl+Alt+] to jump`, shows
// while the plan has unfilled placeholders, whatever their register (hints while the plan
// is drafted), and a click jumps to the next one. Both hide when the editor is not a plan.
import * as vscode from 'vscode';
import { countDiagnostics, planmarkDiagnostics, type Counts } from './diagnostics';
import { plural } from './format';
import type { Outlines } from './outlines';
import { progressTooltip } from './statusTooltip';

/** The key of Next Placeholder as the package binds it. */
export const NEXT_PLACEHOLDER_KEY = process.platform === 'darwin' ? '⌘⌥]' : 'Ctrl+Alt+]';

export class ProgressStatus implements vscode.Disposable {
  readonly item: vscode.StatusBarItem;
  readonly placeholderItem: vscode.StatusBarItem;
  /** Whether the items show (StatusBarItem itself cannot tell). */
  visible = false;
  placeholdersVisible = false;
  /** The `planmark.isPlan` context last set: set again only when it changes, not on every outline or diagnostics event. */
  private isPlan: boolean | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly outlines: Outlines) {
    this.item = vscode.window.createStatusBarItem('planmark.progress', vscode.StatusBarAlignment.Left, 50);
    this.item.name = 'Plan Progress';
    this.item.command = { command: 'planmark.plan.focus', title: 'Show the Plan view' };
    this.placeholderItem = vscode.window.createStatusBarItem(
      'planmark.placeholders',
      vscode.StatusBarAlignment.Left,
      49,
    );
    this.placeholderItem.name = 'Plan Placeholders';
    this.placeholderItem.command = { command: 'planmark.nextPlaceholder', title: 'Go to the next placeholder' };
    this.disposables.push(
      this.item,
      this.placeholderItem,
      outlines.onDidChange((c) => {
        if (c.uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) this.update();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (e.uris.some((u) => u.toString() === active)) this.update();
      }),
    );
    this.update();
  }

  update(): void {
    const editor = vscode.window.activeTextEditor;
    const outline = editor ? this.outlines.get(editor.document.uri) : undefined;
    this.visible = !!editor && !!outline;
    if (this.isPlan !== this.visible) {
      this.isPlan = this.visible;
      void vscode.commands.executeCommand('setContext', 'planmark.isPlan', this.visible);
    }
    if (!editor || !outline) {
      this.item.hide();
      this.placeholderItem.hide();
      this.placeholdersVisible = false;
      return;
    }
    const counts = countDiagnostics(planmarkDiagnostics(editor.document.uri));
    this.item.text = `$(checklist) ${outline.done}/${outline.total} · ${outline.percent}%`;
    this.item.accessibilityInformation = {
      label: `Plan progress: ${outline.done} of ${plural(outline.total, 'task')} done, ${outline.percent} percent; ${problems(counts)}`,
    };
    this.item.tooltip = progressTooltip(outline, counts, NEXT_PLACEHOLDER_KEY);
    this.item.show();
    this.showPlaceholders(counts.placeholders);
  }

  private showPlaceholders(n: number): void {
    this.placeholdersVisible = n > 0;
    if (n === 0) {
      this.placeholderItem.hide();
      return;
    }
    const left = `${plural(n, 'placeholder')} left`;
    this.placeholderItem.text = `$(bracket-dot) ${left} · ${NEXT_PLACEHOLDER_KEY} to jump`;
    this.placeholderItem.tooltip = `${left} to fill in. Click or press ${NEXT_PLACEHOLDER_KEY} to select the next one (Previous Placeholder goes back); typing replaces it.`;
    this.placeholderItem.accessibilityInformation = {
      label: `${left}; press ${NEXT_PLACEHOLDER_KEY} to select the next one`,
    };
    this.placeholderItem.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** "0 errors, 1 warning". */
export function problems(c: Counts): string {
  return `${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')}`;
}
