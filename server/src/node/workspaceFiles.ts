import { statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { URI } from 'vscode-uri';
import type { WorkspaceFiles } from '../features/document';

// The disk behind the features' WorkspaceFiles: the files of a document's
// workspace folder (for path completion), and whether a path a plan names
// exists (for links). Listing is bounded and cached briefly; a virtual
// workspace (any scheme but file) has no files.

const IGNORED = ['**/node_modules/**', '**/.git/**', '**/dist/**', '**/out/**', '**/.vscode-test/**'];
const MAX_FILES = 20_000;
const TTL_MS = 10_000;

export interface FolderOf {
  /** The workspace folder (file-system path) holding a document, if any. */
  folderPath(documentUri: string): string | undefined;
}

export class DiskWorkspaceFiles implements WorkspaceFiles {
  private readonly lists = new Map<string, { at: number; files: Promise<string[]> }>();

  constructor(private readonly folders: FolderOf) {}

  /** Forget the cached listings (files were created or deleted). */
  invalidate(): void {
    this.lists.clear();
  }

  list(documentUri: string): Promise<readonly string[]> {
    const root = this.folders.folderPath(documentUri);
    if (!root) return Promise.resolve([]);
    const cached = this.lists.get(root);
    if (cached && Date.now() - cached.at < TTL_MS) return cached.files;
    const files = glob('**/*', { cwd: root, ignore: IGNORED, dot: false, onlyFiles: true })
      .then((found) => found.sort().slice(0, MAX_FILES))
      .catch(() => []);
    this.lists.set(root, { at: Date.now(), files });
    return files;
  }

  resolve(documentUri: string, path: string): string | undefined {
    const uri = URI.parse(documentUri);
    if (uri.scheme !== 'file' || isAbsolute(path) || path.includes('\0')) return undefined;
    const root = this.folders.folderPath(documentUri);
    const candidates = [root && join(root, path), resolve(dirname(uri.fsPath), path)].filter((p): p is string => !!p);
    for (const candidate of candidates) {
      try {
        if (statSync(candidate).isFile()) return URI.file(candidate).toString();
      } catch {
        // Not there: plans name files still to be written.
      }
    }
    return undefined;
  }
}
