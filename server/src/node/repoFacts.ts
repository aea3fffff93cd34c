import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { carriedHeadings, type RepoFacts, type RepositoryTemplate } from '../engine';
import { toPosix } from './planFiles';
import { TemplateAges } from './templateAges';

// The disk side of profile detection: what lies around a plan. Walking up from
// the plan to its repository (a `.git`, or the workspace root), it notes a
// `.specify/` (spec-kit) or `.kiro/` folder and reads the repository's spec-kit
// templates; beside the plan it reads `spec.md`, `requirements.md` and
// `design.md`; and, for a spec-kit plan, the headings its sibling features' plans of
// the same kind carry (see RepositoryTemplate.carried). Files are re-read only when
// their size or mtime changes, so the language server can ask on every analysis.

/** Files beside a plan that profiles read (user stories, requirements, design). */
const SIBLINGS = ['spec.md', 'requirements.md', 'design.md'];
/** The repository's templates, by the profile whose schema they are, and the file each one makes. */
const SPEC_KIT_TEMPLATES: Record<string, { template: string; makes: string }> = {
  'spec-kit-plan': { template: '.specify/templates/plan-template.md', makes: 'plan.md' },
  'spec-kit-tasks': { template: '.specify/templates/tasks-template.md', makes: 'tasks.md' },
};
/** Features looked at for the headings their plans carry; a repository has tens, rarely hundreds. */
const MAX_FEATURES = 300;
/** Larger files beside a plan are not read: no convention file is this big. */
const MAX_BYTES = 512 * 1024;

export class RepoFactsReader {
  private readonly texts = new Map<string, { stamp: string; text: string }>();
  private readonly parsed = new Map<string, { text: string; headings: readonly string[] }>();
  /** Folder → where its repository's `.specify/` and `.kiro/` are, for one search of many files. */
  private readonly repositories = new Map<string, { specKit?: string; kiro?: string }>();

  private readonly ages = new TemplateAges();

  /**
   * @param oneSearch the reader serves one search of many files (`planmark check FOLDER`, a
   * workspace listing): each folder's repository layout is looked up once, not per file
   * @param git may git be asked when the template's sections and the plan were added (not in
   * Restricted Mode, not with `--no-git`); without it a team's added section is asked of every plan
   */
  constructor(
    private readonly oneSearch = false,
    private readonly git: () => boolean = () => false,
  ) {}

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
      const templates: Record<string, RepositoryTemplate> = {};
      for (const [profile, { template, makes }] of Object.entries(SPEC_KIT_TEMPLATES)) {
        const text = this.text(join(repo.specKit, template));
        if (text === undefined) continue;
        const where = toPosix(relative(root ?? repo.specKit, join(repo.specKit, template)));
        // The plan's siblings of its kind: specs/<feature>/tasks.md beside specs/<this feature>/.
        const carried = basename(path) === makes ? this.carried(dirname(dirname(path)), makes) : undefined;
        const added = this.git() ? this.ages.headingsAdded(join(repo.specKit, template), text) : undefined;
        templates[profile] = { path: where, text, ...(carried ? { carried } : {}), ...(added ? { added } : {}) };
      }
      const planAdded = this.git() ? this.ages.planAdded(path) : undefined;
      if (planAdded !== undefined) facts.planAdded = planAdded;
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

  /** The headings that the `name` file of each folder under `features` carries, in a stable order. */
  private carried(features: string, name: string): string[] | undefined {
    let folders: string[];
    try {
      folders = readdirSync(features, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
        .slice(0, MAX_FEATURES);
    } catch {
      return undefined;
    }
    const headings = new Set<string>();
    for (const folder of folders) for (const h of this.headings(join(features, folder, name))) headings.add(h);
    return [...headings].sort();
  }

  /** The headings of a plan, parsed again only when the file changes. */
  private headings(path: string): readonly string[] {
    const text = this.text(path);
    if (text === undefined) return [];
    const cached = this.parsed.get(path);
    if (cached?.text === text) return cached.headings;
    const headings = carriedHeadings(text);
    this.parsed.set(path, { text, headings });
    return headings;
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
