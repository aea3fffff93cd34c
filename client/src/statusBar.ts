// The progress item: `$(checklist) 23/87 · 26%` for the active plan, with planmark's
// error and warning counts beside it and a per-phase table in the tooltip. Hidden
// when the active editor is not a plan. A click focuses the Plan view.
import * as vscode from 'vscode';
import type { Outline } from '../../server/src/protocol';
import { cell, hours } from './format';
import type { Outlines } from './outlines';

export class ProgressStatus implements vscode.Disposable {
  readonly item: vscode.StatusBarItem;
  /** Whether the item shows (StatusBarItem itself cannot tell). */
  visible = false;
  /** The `planmark.isPlan` context last set: set again only when it changes, not on every outline or diagnostics event. */
  private isPlan: boolean | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly outlines: Outlines) {
    this.item = vscode.window.createStatusBarItem('planmark.progress', vscode.StatusBarAlignment.Left, 50);
    this.item.name = 'Plan Progress';
    this.item.command = { command: 'planmark.plan.focus', title: 'Show the Plan view' };
    this.disposables.push(
      this.item,
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
      return;
    }
    const { errors, warnings } = counts(editor.document.uri);
    const problems = [errors > 0 ? `$(error) ${errors}` : '', warnings > 0 ? `$(warning) ${warnings}` : '']
      .filter(Boolean)
      .join(' ');
    this.item.text = `$(checklist) ${outline.done}/${outline.total} · ${outline.percent}%${problems ? `  ${problems}` : ''}`;
    this.item.accessibilityInformation = {
      label: `Plan progress: ${outline.done} of ${outline.total} tasks done, ${outline.percent} percent; ${errors} errors, ${warnings} warnings`,
    };
    this.item.tooltip = tooltip(outline, errors, warnings);
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

function counts(uri: vscode.Uri): { errors: number; warnings: number } {
  const mine = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'planmark');
  return {
    errors: mine.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length,
    warnings: mine.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length,
  };
}

function tooltip(outline: Outline, errors: number, warnings: number): vscode.MarkdownString {
  const md = new vscode.MarkdownString(
    `**${cell(outline.title ?? 'Plan')}** — ${outline.done}/${outline.total} tasks, ${outline.percent}%\n\n`,
    true,
  );
  md.appendMarkdown('| Section | Done | Estimate | Remaining |\n|---|---:|---:|---:|\n');
  for (const s of outline.sections) {
    md.appendMarkdown(
      `| ${cell(s.title)} | ${s.done}/${s.total} | ${hours(s.estimateHours)} | ${hours(s.remainingHours)} |\n`,
    );
  }
  md.appendMarkdown(
    `| **Total** | **${outline.done}/${outline.total}** | **${hours(outline.estimateHours)}** | **${hours(outline.remainingHours)}** |\n\n`,
  );
  md.appendMarkdown(`$(error) ${errors} errors, $(warning) ${warnings} warnings · click to show the Plan view`);
  return md;
}
