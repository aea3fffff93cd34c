// The progress item's tooltip as VS Code shows it (theme icons on); the text is
// progressSummary.ts's, which is tested without VS Code.
import * as vscode from 'vscode';
import type { Outline } from '../../server/src/protocol';
import type { Counts } from './diagnostics';
import { progressSummary } from './progressSummary';

export function progressTooltip(outline: Outline, counts: Counts, nextKey: string): vscode.MarkdownString {
  return new vscode.MarkdownString(progressSummary(outline, counts, nextKey), true);
}
