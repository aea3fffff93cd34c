import { URI } from 'vscode-uri';
import type { ConfigProblem } from '../engine';
import type { Folder } from './workspace';

// Problems in a folder's settings (an unknown rule, a bad value): logged and
// shown once as a warning, not again on every reload while they stay the same.

export interface ProblemSink {
  warn(message: string): void;
  show(message: string): void;
}

export class ConfigProblems {
  /** What was last reported per folder ('' for documents outside any folder). */
  private readonly reported = new Map<string, string>();

  constructor(private readonly sink: ProblemSink) {}

  report(folder: Folder | undefined, problems: readonly ConfigProblem[]): void {
    const key = folder?.uri ?? '';
    const messages = problems.map((p) => p.message);
    if (this.reported.get(key) === messages.join('\n')) return;
    this.reported.set(key, messages.join('\n'));
    if (messages.length === 0) return;
    const where = folder ? ` (${URI.parse(folder.uri).fsPath})` : '';
    this.sink.warn(`Configuration problems${where}:\n${messages.join('\n')}`);
    this.sink.show(`planmark settings${where}: ${messages.join('; ')}`);
  }
}
