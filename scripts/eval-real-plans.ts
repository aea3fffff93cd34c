// Real-plan evaluation: runs the CLI's commands (in process, as `planmark` runs them) over
// every real plan given and prints its findings per rule per file, grouped by the
// profile planmark detected, then totals per profile and rule. A finding a user
// would reject is a bug: read this output and judge each finding (docs/evaluation.md).
//
//   npm run eval -- [--all] [--summary] [--json FILE] [DIR...]
//
// DIRs: ../shared/corpus/real when present, plus any given. In a DIR whose
// SOURCES.md has a table with "local path" and "format" columns (as
// /work/corpus-extra has), exactly the rows of a plan format are evaluated and
// their stated format is shown beside the detected profile; elsewhere every
// Markdown file that is not a known companion (spec.md, requirements.md, …) or a
// template. Each repository (`<kind>/<owner__repo>/` under such a DIR) is checked
// from its own root, so that its conventions (.specify/, .kiro/) are visible.
import { existsSync, readdirSync, realpathSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { runCheck } from '../server/src/cli/check';
import type { Io } from '../server/src/cli/io';
import { runOutline } from '../server/src/cli/outline';

const ROOT = resolve(__dirname, '..');
const DEFAULT_DIR = resolve(ROOT, '..', 'shared', 'corpus', 'real');

// Files beside plans that are no plan: specs, requirements, designs, research notes, templates.
const COMPANION =
  /^(?:spec|requirements|design|research|data-model|quickstart|proposal|constitution|readme|sources|changelog|license|agents|claude)\.md$/i;
const NOT_A_PLAN_FORMAT = /spec-kit-spec|template|requirements|design/;

interface Finding {
  file: string;
  line: number;
  column: number;
  severity: string;
  rule: string;
  message: string;
}

interface PlanFile {
  /** Absolute path. */
  path: string;
  /** The folder the CLI runs in: the repository's root in the corpus. */
  root: string;
  /** The format SOURCES.md states, if any. */
  expected?: string;
}

interface Evaluated extends PlanFile {
  profile: string;
  findings: Finding[];
  problem?: string;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: {
      all: { type: 'boolean', default: false },
      summary: { type: 'boolean', default: false },
      json: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
  if (values.help) {
    process.stdout.write(
      'Usage: npm run eval -- [--all] [--summary] [--json FILE] [DIR...]\n' +
        '  --all      every finding (default: the first 5 per rule per file)\n' +
        '  --summary  only the totals\n' +
        '  --json     also write every finding, with its file, profile and stated format, to FILE\n',
    );
    return;
  }
  // The default folder once, however it is named (../shared is a symlink to /work/shared).
  const dirs = [
    ...new Set(
      [...(existsSync(DEFAULT_DIR) ? [DEFAULT_DIR] : []), ...positionals.map((d) => resolve(d))].map((d) =>
        realpathSync(d),
      ),
    ),
  ];
  if (dirs.length === 0) {
    process.stderr.write('eval: no plans: ../shared/corpus/real is absent and no folder was given\n');
    process.exitCode = 2;
    return;
  }
  const plans = dirs.flatMap(plansIn);
  const evaluated = await evaluate(plans);
  const out: string[] = [];
  if (!values.summary) out.push(...perFile(evaluated, values.all ? Infinity : 5));
  out.push(...totals(evaluated));
  process.stdout.write(out.join('\n') + '\n');
  if (values.json) {
    const rows = evaluated.flatMap((e) =>
      e.findings.map((f) => ({ ...f, file: e.path, profile: e.profile, expected: e.expected })),
    );
    writeFileSync(values.json, JSON.stringify(rows, null, 2) + '\n');
  }
}

/** The plans of one folder, with their stated formats when its SOURCES.md gives them. */
function plansIn(dir: string): PlanFile[] {
  const stated = statedFormats(dir);
  if (stated) {
    return [...stated]
      .filter(([, format]) => !NOT_A_PLAN_FORMAT.test(format))
      .map(([path, format]) => ({ path: join(dir, path), root: repositoryRoot(dir, path), expected: format }))
      .filter((p) => existsSync(p.path))
      .sort((a, b) => a.path.localeCompare(b.path));
  }
  return markdownFiles(dir)
    .filter((path) => !COMPANION.test(basename(path)) && !/[\\/]templates[\\/]/.test(path))
    .map((path) => ({ path, root: dir }));
}

/** `local path` → `format` from a SOURCES.md table that has both columns. */
function statedFormats(dir: string): Map<string, string> | undefined {
  const sources = join(dir, 'SOURCES.md');
  if (!existsSync(sources)) return undefined;
  let columns: string[] | undefined;
  const formats = new Map<string, string>();
  for (const line of readFileSync(sources, 'utf8').split(/\r?\n/)) {
    if (!line.startsWith('|')) continue;
    const cells = line
      .slice(1, line.trimEnd().endsWith('|') ? line.trimEnd().length - 1 : undefined)
      .split('|')
      .map((c) => c.trim());
    if (!columns) {
      columns = cells.map((c) => c.toLowerCase());
      continue;
    }
    const path = cells[columns.indexOf('local path')]?.replace(/`/g, '');
    const format = cells[columns.indexOf('format')];
    if (path && format && !/^-+$/.test(path)) formats.set(path, format);
  }
  return columns?.includes('local path') && columns.includes('format') ? formats : undefined;
}

/** `<kind>/<owner__repo>/…` → that repository's folder; a flat corpus is its own root. */
function repositoryRoot(dir: string, path: string): string {
  const parts = path.split(/[\\/]/);
  return parts.length > 2 ? join(dir, parts[0], parts[1]) : dir;
}

function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name === 'node_modules' || name === '.git') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...markdownFiles(path));
    else if (name.endsWith('.md')) out.push(path);
  }
  return out;
}

/** One `check --format json` per repository root for the findings; `outline --format json` per file for its profile. */
async function evaluate(plans: PlanFile[]): Promise<Evaluated[]> {
  const byRoot = new Map<string, PlanFile[]>();
  for (const p of plans) (byRoot.get(p.root) ?? byRoot.set(p.root, []).get(p.root)!).push(p);
  const evaluated: Evaluated[] = [];
  for (const [root, files] of byRoot) {
    const run = await cli(root, (io) =>
      runCheck({ paths: files.map((f) => relative(root, f.path)), format: 'json', version: 'eval', jobs: 1 }, io),
    );
    const findings = parseJson<Finding[]>(run.stdout) ?? [];
    for (const f of files) {
      const rel = relative(root, f.path);
      const mine = findings.filter((x) => x.file === rel || x.file === rel.split(sep).join('/'));
      const problem = run.stderr
        .split('\n')
        .find((l) => l.includes(rel) && !l.includes('warning:'))
        ?.trim();
      evaluated.push({ ...f, profile: await profileOf(root, rel), findings: mine, problem });
    }
  }
  return evaluated;
}

/** The detected profile, as `outline --format json` reports it (an id, or an object with one). */
async function profileOf(root: string, rel: string): Promise<string> {
  const run = await cli(root, (io) => runOutline({ file: rel, format: 'json' }, io));
  const outline = parseJson<{ profile?: unknown }>(run.stdout);
  const profile = outline?.profile;
  if (typeof profile === 'string') return profile;
  const id = (profile as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : '(no profile reported)';
}

/** Runs one command in `cwd`, as the `planmark` binary would, and collects what it prints. */
async function cli(cwd: string, command: (io: Io) => Promise<number>): Promise<{ stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  await command({ cwd, color: false, out: (t) => (stdout += t), err: (t) => (stderr += t) });
  return { stdout, stderr };
}

function parseJson<T>(text: string): T | undefined {
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

function perFile(evaluated: Evaluated[], limit: number): string[] {
  const out: string[] = [];
  for (const [profile, files] of groupBy(evaluated, (e) => e.profile)) {
    out.push(`=== profile ${profile}: ${files.length} file${files.length === 1 ? '' : 's'} ===`, '');
    for (const e of files) {
      const stated = e.expected ? ` [stated format: ${e.expected}]` : '';
      out.push(`${display(e.path)}${stated}: ${e.findings.length} finding${e.findings.length === 1 ? '' : 's'}`);
      if (e.problem) out.push(`  ! ${e.problem}`);
      for (const [rule, list] of groupBy(e.findings, (f) => f.rule)) {
        out.push(`  ${rule} (${list.length})`);
        for (const f of list.slice(0, limit)) out.push(`    ${f.line}:${f.column} ${f.severity} ${f.message}`);
        if (list.length > limit) out.push(`    … and ${list.length - limit} more`);
      }
    }
    out.push('');
  }
  return out;
}

function totals(evaluated: Evaluated[]): string[] {
  const out: string[] = ['=== totals: findings per rule per profile ==='];
  const rules = [...new Set(evaluated.flatMap((e) => e.findings.map((f) => f.rule)))].sort();
  const profiles = [...groupBy(evaluated, (e) => e.profile)];
  for (const [profile, files] of profiles) {
    const all = files.flatMap((e) => e.findings);
    const clean = files.filter((e) => e.findings.length === 0).length;
    out.push(`${profile}: ${files.length} files (${clean} without findings), ${all.length} findings`);
    for (const rule of rules) {
      const list = all.filter((f) => f.rule === rule);
      if (list.length === 0) continue;
      const inFiles = new Set(list.map((f) => f.file)).size;
      out.push(`  ${rule.padEnd(28)} ${String(list.length).padStart(5)} in ${inFiles} file${inFiles === 1 ? '' : 's'}`);
    }
  }
  const stated = evaluated.filter((e) => e.expected);
  if (stated.length > 0) {
    out.push('', '=== stated format → detected profile ===');
    for (const [pair, list] of groupBy(stated, (e) => `${e.expected} → ${e.profile}`))
      out.push(`  ${pair}: ${list.length}`);
  }
  const total = evaluated.reduce((n, e) => n + e.findings.length, 0);
  out.push('', `Total: ${evaluated.length} files, ${total} findings`);
  return out;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) (groups.get(key(item)) ?? groups.set(key(item), []).get(key(item))!).push(item);
  return new Map([...groups].sort(([a], [b]) => a.localeCompare(b)));
}

function display(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') && rel.split(sep).filter((p) => p === '..').length > 2 ? path : rel;
}

void main();
