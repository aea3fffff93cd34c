import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { toPosix } from '../node/planFiles';
import type { EngineSettings, Job } from './checkFile';
import type { StoredDepends } from './completionCache';
import type { FileAnalysis } from './report';

// `planmark check --cache`: a file whose result cannot have changed is not
// checked again, as ESLint's cache does. A result is reused only when its key
// matches, and the key covers everything that decides the findings:
//   - the file's content (a hash of the text, BOM included; not its date, which a
//     git checkout changes),
//   - the configuration the file is checked with (every key, rules included),
//   - the text of the template (not its path: an edited template changes the key),
//   - the planmark version (new rules, changed messages).
//   - what the plan's profile is detected from: its path from the root, and the
//     repository around it (a .specify/ or .kiro/ folder, the repository's spec-kit
//     templates, spec.md / requirements.md / design.md beside it, by content).
//   - whether phantom-completion gathers facts, and with git or not (`--no-git`).
// A result that phantom-completion judged also keeps the facts it was judged on
// (how each named file resolved; git's state, when git was asked), and is reused
// only while they still hold (completionCache.ts): a named file that appears or
// disappears, a new commit or a change in `git status` invalidates it.
// The engine settings and profile inputs are per job, so each file has its own key.
// The result is what the reports print, so cached output equals uncached output.

export const DEFAULT_CACHE_FILE = '.planmarkcache';
const FORMAT = 2;

interface CacheFile {
  format: number;
  /** File path (relative to the cache file's folder, `/`-separated) → its key and result. */
  entries: Record<string, CacheEntry>;
}

export interface CacheEntry {
  key: string;
  analysis: FileAnalysis;
  /** The completion facts the result was judged on, when phantom-completion judged any. */
  depends?: StoredDepends;
}

/** The cache file for `--cache-location`: a folder (existing, or written with a trailing slash) holds `.planmarkcache`. */
export function cacheFilePath(location: string | undefined, cwd: string): string {
  if (location === undefined) return join(cwd, DEFAULT_CACHE_FILE);
  const path = resolve(cwd, location);
  if (/[\\/]$/.test(location) || isDirectory(path)) return join(path, DEFAULT_CACHE_FILE);
  return path;
}

export class CheckCache {
  private readonly fingerprints = new WeakMap<EngineSettings, string>();
  private readonly base: string;

  private constructor(
    readonly file: string,
    private readonly version: string,
    private readonly data: CacheFile,
  ) {
    this.base = dirname(file);
  }

  /** The cache at `file`; a missing, unreadable or foreign one is an empty cache (and `warning` says why, if it is not just missing). */
  static load(file: string, version: string): { cache: CheckCache; warning?: string } {
    const empty = (): CacheFile => ({ format: FORMAT, entries: {} });
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return {
        cache: new CheckCache(file, version, empty()),
        ...(code === 'ENOENT' ? {} : { warning: `cannot read the cache ${file} (${code}); checking every file` }),
      };
    }
    try {
      const data = JSON.parse(text) as CacheFile;
      if (data?.format !== FORMAT || typeof data.entries !== 'object' || data.entries === null) throw new Error();
      return { cache: new CheckCache(file, version, data) };
    } catch {
      return {
        cache: new CheckCache(file, version, empty()),
        warning: `the cache ${file} is not a planmark cache; checking every file and replacing it`,
      };
    }
  }

  /** The stored result for the job, if its key still matches (its `depends` are for the caller to check). */
  get(job: Job): CacheEntry | undefined {
    const entry = this.data.entries[this.name(job)];
    return entry?.key === this.key(job) ? entry : undefined;
  }

  set(job: Job, analysis: FileAnalysis, depends?: StoredDepends): void {
    this.data.entries[this.name(job)] = { key: this.key(job), analysis, ...(depends ? { depends } : {}) };
  }

  /** Writes the cache (to a temporary file first, so that an interrupted run never leaves half a cache). */
  save(): void {
    mkdirSync(this.base, { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(this.data));
    renameSync(temporary, this.file);
  }

  private name(job: Job): string {
    return toPosix(relative(this.base, job.target.path));
  }

  private key(job: Job): string {
    let settings = this.fingerprints.get(job.settings);
    if (settings === undefined) {
      const { config, customTemplate, templateText } = job.settings;
      settings = hash(`${this.version}\0${JSON.stringify(config)}\0${customTemplate ?? ''}\0${templateText}`);
      this.fingerprints.set(job.settings, settings);
    }
    const completion = JSON.stringify(job.completion ?? null);
    return hash(`${settings}\0${JSON.stringify(job.profile)}\0${completion}\0${job.bom ? '\uFEFF' : ''}${job.text}`);
  }
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
