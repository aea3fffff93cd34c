// The Plan view's mark on a task that can start now or waits for others: an icon
// (theme-coloured), "ready" / "blocked by T012, T013" in the description, and the
// tasks it waits for in the tooltip. From the outline's `readiness`, which the
// server sets only in plans that state dependencies or order their phases.
import * as vscode from 'vscode';
import type { OutlineTask } from '../../../server/src/protocol';

const SHOWN = 3;

export function markReadiness(item: vscode.TreeItem, task: OutlineTask): void {
  if (!task.readiness || task.checked) return;
  const blockedBy = task.blockedBy ?? [];
  const text =
    task.readiness === 'ready'
      ? 'ready'
      : `blocked by ${blockedBy.slice(0, SHOWN).join(', ')}${blockedBy.length > SHOWN ? ` +${blockedBy.length - SHOWN}` : ''}`;
  item.description = [item.description, text].filter(Boolean).join(' · ');
  item.iconPath =
    task.readiness === 'ready'
      ? new vscode.ThemeIcon('play-circle', new vscode.ThemeColor('testing.iconPassed'))
      : new vscode.ThemeIcon('debug-pause', new vscode.ThemeColor('list.warningForeground'));
  if (item.tooltip instanceof vscode.MarkdownString) {
    item.tooltip.appendMarkdown(
      task.readiness === 'ready'
        ? '\n\nReady: every task it depends on is done.'
        : `\n\nBlocked by ${blockedBy.map((b) => `\`${b}\``).join(', ')}.`,
    );
  }
}
