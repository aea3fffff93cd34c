import { DidChangeWatchedFilesNotification } from 'vscode-languageserver/node';
import type { WatcherRegistry } from './watchers';

// Markdown files on disk: their creation, change and deletion change which
// plans the workspace has and what they say (workspace diagnostics and
// symbols). Watched through the client when it can register watchers;
// otherwise each file's mtime still tells a change on the next pull.

export class PlanFiles {
  constructor(
    private readonly registry: WatcherRegistry | undefined,
    private readonly logError: (message: string) => void,
  ) {}

  watch(): void {
    this.registry
      ?.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.md' }] })
      .catch((error) => this.logError(`Could not watch Markdown files: ${error}`));
  }

  static concerns(uri: string): boolean {
    return /\.md$/i.test(uri);
  }
}
