import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { PLAIN_PATCH } from './gitHistory';

// When a repository's template gained each of its `##` sections, and when each plan was
// added: a section the team added to its template is asked only of plans written after it
// (RequiredSection.addedAt). Git, local and read-only, one process per template and one per
// features folder, remembered for the reader's life; any trouble (no git, not a repository,
// a shallow clone's missing history) just means the ages are not known.

const RECORD = '\x1e';
const TIMEOUT_MS = 10_000;

export class TemplateAges {
  private readonly headings = new Map<string, { stamp: string; added: Record<string, number> }>();
  private readonly plans = new Map<string, Map<string, number>>();

  /** When each `##` heading of the template at `path` first appeared in it; `stamp` names its current version. */
  headingsAdded(path: string, stamp: string): Record<string, number> {
    const known = this.headings.get(path);
    if (known?.stamp === stamp) return known.added;
    const added: Record<string, number> = {};
    const out = git(dirname(path), ['log', `--format=${RECORD}%at`, ...PLAIN_PATCH, '--', path]);
    // Newest first: walk from the oldest so that the first commit adding a heading wins.
    for (const record of out.split(RECORD).slice(1).reverse()) {
      const [time, ...body] = record.split('\n');
      for (const line of body) {
        const h = /^\+ {0,3}## +(.*?)[ \t]*$/.exec(line);
        if (h && !(h[1] in added)) added[h[1]] = Number(time);
      }
    }
    this.headings.set(path, { stamp, added });
    return added;
  }

  /** When the plan at `path` was added, from one look at its features folder (`specs/`). */
  planAdded(path: string): number | undefined {
    const features = dirname(dirname(path));
    let added = this.plans.get(features);
    if (!added) {
      added = new Map();
      const top = git(features, ['rev-parse', '--show-toplevel']).trim();
      const out = git(features, [
        'log',
        '--diff-filter=A',
        '--no-renames',
        `--format=${RECORD}%at`,
        '--name-only',
        '--',
        '.',
      ]);
      // Newest first: the oldest addition of a path is the last one seen.
      for (const record of out.split(RECORD).slice(1)) {
        const [time, ...names] = record.split('\n');
        for (const name of names) if (name && top) added.set(resolve(join(top, name)), Number(time));
      }
      this.plans.set(features, added);
    }
    return added.get(resolve(path));
  }
}

function git(cwd: string, args: string[]): string {
  try {
    return execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      timeout: TIMEOUT_MS,
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return '';
  }
}
