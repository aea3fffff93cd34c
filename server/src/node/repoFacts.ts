import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { RepoFacts } from '../engine';
import { toPosix } from './planFiles';

// The disk side of profile detection: what lies around a plan. Walking up from
// the plan to its repository (a `.git`, or the workspace root), it notes a
// `.specify/` (spec-kit) or `.kiro/` folder and reads the repository's spec-kit
// templates; beside the plan it reads `spec.md`, `requirements.md` and
// `design.md`. Files are re-read only when their size or mtime changes, so the
// language server can ask on every analysis.

/** Files beside a plan that profiles read (user stories, requirements, design). */
const SIBLINGS = ['spec.md', 'requirements.md', 'design.md'];
/** The repository's templates, by the profile whose schema they are. */
const SPEC_KIT_TEMPLATES: Record<string, string> = {
  'spec-kit-plan': '.specify/templates/plan-template.md',
  'spec-kit-tasks': '.specify/templates/tasks-template.md',
};
/** Larger files beside a plan are not read: no convention file is this big. */
const MAX_BYTES = 512 * 1024;

export class RepoFactsReader {
  private readonly texts = new Map<string, { stamp: string; text: string }>();
  /** Folder → where its repository's `.specify/` and `.kiro/` are, for one search of many files. */
  private readonly repositories = new Map<string, { specKit?: string; kiro?: string }>();

  /**
   * @param oneSearch the reader serves one search of many files (`planmark check FOLDER`, a
   * workspace listing): each folder's repository layout is looked up once, not per file
   */
  constructor(private readonly oneSearch = false) {}

  /** Only whether the plan's repository uses spec-kit or Kiro; remembered per folder. */
  layout(path: string, root?: string): RepoFacts {
    const repo = this.repository(dirname(path), root, true);
    return { specKit: repo.specKit !== undefined, kiro: repo.kiro !== undefined };
  }

  /** The facts around the plan at `path` (absolute); `root` is the workspace root, where the walk stops. */
  read(path: string, root?: string): RepoFacts {
    const facts: { -readonly [K in keyof RepoFacts]: RepoFacts[K] } = {};
    const repo = this.repository(dirname(path), root, this.oneSearch);
    if (repo.specKit) {
      facts.specKit = true;
      const templates: Record<string, { path: string; text: string }> = {};
      for (const [profile, rel] of Object.entries(SPEC_KIT_TEMPLATES)) {
        const text = this.text(join(repo.specKit, rel));
        if (text !== undefined)
          templates[profile] = { path: toPosix(relative(root ?? repo.specKit, join(repo.specKit, rel))), text };
      }
      facts.templates = templates;
    }
    if (repo.kiro) facts.kiro = true;
    const siblings: Record<string, string> = {};
    for (const name of SIBLINGS) {
      const text = this.text(join(dirname(path), name));
      if (text !== undefined) siblings[name] = text;
    }
    facts.siblings = siblings;
    return facts;
  }

  private repository(dir: string, root: string | undefined, remember: boolean): { specKit?: string; kiro?: string } {
    if (!remember) return this.repositoryRoot(dir, root);
    let repo = this.repositories.get(dir);
    if (!repo) this.repositories.set(dir, (repo = this.repositoryRoot(dir, root)));
    return repo;
  }

  /** Folders holding `.specify/` and `.kiro/` between the plan and its repository's root. */
  private repositoryRoot(start: string, root: string | undefined): { specKit?: string; kiro?: string } {
    const found: { specKit?: string; kiro?: string } = {};
    for (let dir = start; ; dir = dirname(dir)) {
      if (!found.specKit && isDirectory(join(dir, '.specify'))) found.specKit = dir;
      if (!found.kiro && isDirectory(join(dir, '.kiro'))) found.kiro = dir;
      if (dir === root || dirname(dir) === dir || exists(join(dir, '.git'))) return found;
    }
  }

  private text(path: string): string | undefined {
    let stamp: string;
    try {
      const info = statSync(path);
      if (!info.isFile() || info.size > MAX_BYTES) return undefined;
      stamp = `${info.size}:${info.mtimeMs}`;
    } catch {
      return undefined;
    }
    const cached = this.texts.get(path);
    if (cached?.stamp === stamp) return cached.text;
    try {
      const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
      this.texts.set(path, { stamp, text });
      return text;
    } catch {
      return undefined;
    }
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}
