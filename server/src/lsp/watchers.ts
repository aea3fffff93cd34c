import { basename, dirname } from 'node:path';
import { DidChangeWatchedFilesNotification, type Disposable, type FileSystemWatcher } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { RC_FILE } from '../node/settings';

// The files whose change means new settings: every `.planmarkrc.json` and the
// template files the folders' settings name. When the client can register
// watchers dynamically, the server asks it to watch exactly these.

export interface WatcherRegistry {
  register(
    type: typeof DidChangeWatchedFilesNotification.type,
    options: { watchers: FileSystemWatcher[] },
  ): Promise<Disposable>;
}

export class SettingsFiles {
  /** Watched files per workspace folder ('' for documents outside any folder). */
  private readonly byFolder = new Map<string, string[]>();
  private registered = '';
  private registration?: Promise<Disposable | undefined>;

  constructor(
    private readonly registry: WatcherRegistry | undefined,
    private readonly relativePatterns: boolean,
    private readonly logError: (message: string) => void,
  ) {}

  /** Records the files a folder's settings were read from, and watches them if that changed the set. */
  track(folder: string, files: readonly string[]): void {
    this.byFolder.set(
      folder,
      files.filter((f) => basename(f) !== RC_FILE),
    );
    this.update();
  }

  /** Does a change of this file (a file-system path) change some settings? */
  concerns(path: string): boolean {
    return basename(path) === RC_FILE || [...this.byFolder.values()].some((files) => files.includes(path));
  }

  /** (Re-)registers the watchers with the client, when it supports that. */
  update(): void {
    if (!this.registry) return;
    const templates = [...new Set([...this.byFolder.values()].flat())].sort();
    const key = templates.join('\0');
    if (this.registration && key === this.registered) return;
    this.registered = key;
    const previous = this.registration;
    this.registration = this.registry
      .register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: `**/${RC_FILE}` }, ...templates.map((path) => ({ globPattern: this.pattern(path) }))],
      })
      .catch((error) => {
        this.logError(`Could not register file watchers: ${error}`);
        return undefined;
      });
    void previous?.then((d) => d?.dispose());
  }

  private pattern(path: string): FileSystemWatcher['globPattern'] {
    // A template outside the workspace is only watched through a relative pattern.
    if (this.relativePatterns) return { baseUri: URI.file(dirname(path)).toString(), pattern: basename(path) };
    return path.replace(/\\/g, '/');
  }
}
