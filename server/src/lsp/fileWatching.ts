import { URI } from 'vscode-uri';
import { PlanFiles } from './planFiles';
import { SettingsFiles, type WatcherRegistry } from './watchers';

// The files the server watches through the client: settings files (each
// `.planmarkrc.json`, the templates the settings name) and Markdown files (which
// plans the workspace has). Registered once the client has said it can; a change
// is sorted into what it invalidates.

export interface WatchedChange {
  /** Some folder's settings may have changed. */
  settings: boolean;
  /** A plan may have been created, deleted or changed on disk. */
  plans: boolean;
}

export class FileWatching {
  settingsFiles: SettingsFiles;
  private planFiles: PlanFiles;

  constructor(private readonly logError: (message: string) => void) {
    this.settingsFiles = new SettingsFiles(undefined, false, logError);
    this.planFiles = new PlanFiles(undefined, logError);
  }

  /** The client's registry, when it can register watchers dynamically (from `initialize`). */
  connect(registry: WatcherRegistry | undefined, relativePatterns: boolean): void {
    this.settingsFiles = new SettingsFiles(registry, relativePatterns, this.logError);
    this.planFiles = new PlanFiles(registry, this.logError);
  }

  /** Registers the watchers (after `initialized`). */
  start(): void {
    this.settingsFiles.update();
    this.planFiles.watch();
  }

  /** Records the files a folder's settings were read from. */
  track(folder: string, files: readonly string[]): void {
    this.settingsFiles.track(folder, files);
  }

  classify(changes: ReadonlyArray<{ uri: string }>): WatchedChange {
    return {
      settings: changes.some((c) => this.settingsFiles.concerns(URI.parse(c.uri).fsPath)),
      plans: changes.some((c) => PlanFiles.concerns(c.uri)),
    };
  }
}
