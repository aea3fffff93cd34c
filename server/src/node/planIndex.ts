import { readFile, stat } from 'node:fs/promises';
import { relative } from 'node:path';
import { withoutBom, type Analysis, type PieceCache, type PlanEngine } from '../engine';
import { findPlanFiles, toPosix } from './planFiles';
import { RepoFactsReader } from './repoFacts';
import { engineFor, type LoadedSettings } from './settings';

// Plan files on disk, for what concerns files that are not open: workspace
// diagnostics and workspace symbols. The list of plans per folder is kept
// until a Markdown file is created, deleted or changed; each file's analysis is
// kept while its size, modification time and settings stay the same.

export interface DiskPlan {
  path: string;
  /** Changes whenever the analysis may differ: size, mtime, settings. */
  resultId: string;
  analysis?: Analysis;
  engine?: PlanEngine;
  failure?: string;
}

export class PlanIndex {
  private readonly lists = new Map<string, Promise<string[]>>();
  private readonly files = new Map<string, { key: string; settings: LoadedSettings; plan: DiskPlan }>();
  private settingsGeneration = new WeakMap<LoadedSettings, number>();
  private nextGeneration = 1;
  private readonly repoFacts: RepoFactsReader;

  /**
   * @param cache parsed pieces shared with the open documents' analyses
   * @param git may git be asked (see RepoFactsReader): as for open documents, not in Restricted Mode
   */
  constructor(
    private readonly cache?: PieceCache,
    git: () => boolean = () => false,
  ) {
    this.repoFacts = new RepoFactsReader(false, git);
  }

  /** A Markdown file changed on disk (or settings did): list again; changed files are re-read on their own. */
  invalidate(): void {
    this.lists.clear();
  }

  /** The plan files of a folder (absolute paths), by the include globs or an "Implementation Plan" title. */
  plans(root: string, settings: LoadedSettings): Promise<string[]> {
    const { include, includeByTitle, profiles, template } = settings.config;
    const key = `${root}\0${JSON.stringify([include, includeByTitle, profiles, template])}`;
    let found = this.lists.get(key);
    if (!found) {
      found = findPlanFiles(root, settings.config).catch(() => []);
      this.lists.set(key, found);
    }
    return found;
  }

  /** The file's analysis, from cache when nothing changed; `root` is its workspace folder (for its profile). */
  async analyze(path: string, settings: LoadedSettings, root: string): Promise<DiskPlan> {
    let generation = this.settingsGeneration.get(settings);
    if (generation === undefined) this.settingsGeneration.set(settings, (generation = this.nextGeneration++));
    try {
      const info = await stat(path);
      const key = `${info.size}:${info.mtimeMs}:${generation}`;
      const cached = this.files.get(path);
      if (cached?.key === key) return cached.plan;
      const engine = engineFor(settings);
      let plan: DiskPlan;
      if (info.size > settings.config.maxFileSize * 4) {
        plan = { path, resultId: key, failure: 'it is larger than the maxFileSize setting' };
      } else {
        const text = withoutBom(await readFile(path, 'utf8'));
        const options = {
          path: toPosix(relative(root, path)),
          facts: this.repoFacts.read(path, root),
          cache: this.cache,
        };
        plan = { path, resultId: key, analysis: engine.analyze(text, options), engine };
      }
      this.files.set(path, { key, settings, plan });
      return plan;
    } catch (error) {
      this.files.delete(path);
      return { path, resultId: `error:${Date.now()}`, failure: error instanceof Error ? error.message : String(error) };
    }
  }

  /** Forget a file's analysis (deleted). */
  forget(path: string): void {
    this.files.delete(path);
  }
}
