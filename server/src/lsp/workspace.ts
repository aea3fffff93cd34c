import { posix, relative, sep } from 'node:path';
import { URI } from 'vscode-uri';
import { loadSettings, type LoadedSettings } from '../node/settings';

// Which workspace folder a document belongs to, and that folder's settings:
// editor settings (`planmark.*`, per folder) merged with its `.planmarkrc.json`
// by loadSettings. Loaded once per folder and kept until something changes.

export interface Folder {
  uri: string;
  /** File-system path of the folder. */
  path: string;
}

export interface DocumentScope {
  /** The innermost workspace folder holding the document; none for untitled and outside files. */
  folder?: Folder;
  /** Path relative to the folder with forward slashes, or the bare file name without a folder. */
  relativePath: string;
}

export interface WorkspaceHooks {
  /** The client's `planmark` settings for a folder, or the global ones without a folder. */
  fetchSettings(folderUri?: string): Promise<unknown>;
  /** Called after each fresh load, e.g. to report problems and watch the files it read. */
  loaded(folder: Folder | undefined, settings: LoadedSettings): void;
  /** The client says the workspace is not trusted (VS Code's Restricted Mode). */
  restricted?(): boolean;
}

export class Workspace {
  private folders: Folder[] = [];
  private readonly cache = new Map<string, Promise<LoadedSettings>>();
  private readonly last = new Map<string, LoadedSettings>();

  constructor(private readonly hooks: WorkspaceHooks) {}

  setFolders(uris: readonly string[]): void {
    // Innermost first, so that a nested folder wins over its parent.
    this.folders = uris
      .map((uri) => ({ uri, path: URI.parse(uri).fsPath }))
      .sort((a, b) => b.path.length - a.path.length);
    this.invalidate();
  }

  /** The workspace folders, innermost first. */
  list(): readonly Folder[] {
    return this.folders;
  }

  /** Forgets every folder's settings; the next request loads them again. */
  invalidate(): void {
    this.cache.clear();
  }

  /**
   * The workspace is not trusted (VS Code's Restricted Mode): planmark then runs no git
   * (a repository's own config, core.fsmonitor for one, can run commands).
   */
  restricted(): boolean {
    return this.hooks.restricted?.() ?? false;
  }

  scope(uri: string): DocumentScope {
    const parsed = URI.parse(uri);
    if (parsed.scheme === 'file') {
      const path = parsed.fsPath;
      const folder = this.folders.find((f) => path.startsWith(f.path.endsWith(sep) ? f.path : f.path + sep));
      if (folder) return { folder, relativePath: relative(folder.path, path).split(sep).join('/') };
    }
    return { relativePath: posix.basename(parsed.path) };
  }

  settings(folder: Folder | undefined): Promise<LoadedSettings> {
    const key = folder?.uri ?? '';
    let loading = this.cache.get(key);
    if (!loading) {
      loading = this.load(folder);
      this.cache.set(key, loading);
      // A failed load is not kept: the next request tries again.
      loading.catch(() => this.cache.get(key) === loading && this.cache.delete(key));
    }
    return loading;
  }

  /** The settings last loaded for a folder, without waiting (for the debounce delay). */
  lastSettings(folder: Folder | undefined): LoadedSettings | undefined {
    return this.last.get(folder?.uri ?? '');
  }

  private async load(folder: Folder | undefined): Promise<LoadedSettings> {
    const editorSettings = await this.hooks.fetchSettings(folder?.uri);
    const loaded = loadSettings({
      root: folder?.path,
      settings: editorSettings,
      restricted: this.hooks.restricted?.() ?? false,
    });
    this.last.set(folder?.uri ?? '', loaded);
    this.hooks.loaded(folder, loaded);
    return loaded;
  }
}
