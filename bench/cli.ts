// The CLI as CI and hooks run it, whole processes timed from outside, against
// markdownlint-cli2 on the same files in the same run (interleaved, so that a
// busy machine slows both alike):
//   - cold: every file checked (planmark without --cache; markdownlint-cli2 has no cache),
//   - warm: planmark --cache with nothing changed since the last run,
//   - fast start: one small plan, against a bare `node -e 0`.
// Run alone with `npm run bench:cli`; `npm run bench` runs it after the engine figures.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stats, type Stats } from './stats';

const REPO = join(__dirname, '..');
const CLI = join(REPO, 'dist', 'cli.js');
const MARKDOWNLINT = join(REPO, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
/** A small real-world-sized plan: the sample plan of the fixtures (12 KB, 61 tasks). */
const SMALL_PLAN = join(REPO, 'test-fixtures', 'sample', 'plan.md');

/** The real plans beside the project (../shared/corpus/real, then /work/corpus-extra), else the fixtures. */
function benchFiles(limit: number): string[] {
  const roots = [join(REPO, '..', 'shared', 'corpus', 'real'), '/work/corpus-extra'];
  const files = roots.flatMap((root) => (existsSync(root) ? markdownUnder(root) : []));
  return (files.length > 0 ? files : markdownUnder(join(REPO, 'test-fixtures'))).slice(0, limit);
}

function markdownUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md') && !f.endsWith('SOURCES.md') && !f.endsWith('README.md'))
    .sort()
    .map((f) => join(dir, f));
}

function time(command: string[]): number {
  const start = performance.now();
  const r = spawnSync(process.execPath, command, { stdio: 'ignore', cwd: REPO });
  if (r.error) throw r.error;
  return performance.now() - start;
}

export interface CliBench {
  files: number;
  bytes: number;
  cold: { planmark: Stats; markdownlint: Stats; ratio: number };
  warm: { planmark: Stats; markdownlint: Stats; ratio: number };
  start: { planmark: Stats; node: Stats; ratio: number };
}

export function cliBench(runs = 5, limit = 65): CliBench {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`node esbuild.mjs\` first`);
  const files = benchFiles(limit);
  const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
  const cacheDir = mkdtempSync(join(tmpdir(), 'planmark-bench-'));
  const commands = {
    node: ['-e', '0'],
    small: [CLI, 'check', SMALL_PLAN],
    markdownlint: [MARKDOWNLINT, ...files.map((f) => `:${f}`)],
    cold: [CLI, 'check', ...files],
    warm: [CLI, 'check', '--cache-location', cacheDir + '/', ...files],
  };
  try {
    time(commands.warm); // fills the cache
    const times: Record<keyof typeof commands, number[]> = {
      node: [],
      small: [],
      markdownlint: [],
      cold: [],
      warm: [],
    };
    for (let i = 0; i < runs; i++)
      for (const name of Object.keys(commands) as Array<keyof typeof commands>) times[name].push(time(commands[name]));
    const s = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, stats(v)])) as Record<
      keyof typeof commands,
      Stats
    >;
    return {
      files: files.length,
      bytes,
      cold: { planmark: s.cold, markdownlint: s.markdownlint, ratio: s.cold.median / s.markdownlint.median },
      warm: { planmark: s.warm, markdownlint: s.markdownlint, ratio: s.warm.median / s.markdownlint.median },
      start: { planmark: s.small, node: s.node, ratio: s.small.median / s.node.median },
    };
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

export function printCliBench(b: CliBench): void {
  const ms = (s: Stats) => `${s.median.toFixed(0)} ms (p95 ${s.p95.toFixed(0)})`;
  console.log(
    `\nCLI, whole processes, median of ${b.cold.planmark.runs} interleaved runs on ${b.files} plans (${(b.bytes / 1024).toFixed(0)} KB):\n`,
  );
  console.log('| run | planmark | peer | planmark / peer | goal |');
  console.log('|---|---|---|---|---|');
  console.log(
    `| cold: every file checked | ${ms(b.cold.planmark)} | markdownlint-cli2 ${ms(b.cold.markdownlint)} | ${b.cold.ratio.toFixed(2)}× | ≤ 0.5× |`,
  );
  console.log(
    `| warm: --cache, nothing changed | ${ms(b.warm.planmark)} | markdownlint-cli2 ${ms(b.warm.markdownlint)} | ${b.warm.ratio.toFixed(2)}× | ≤ 0.1× |`,
  );
  console.log(
    `| fast start: one small plan (12 KB) | ${ms(b.start.planmark)} | node -e 0 ${ms(b.start.node)} | ${b.start.ratio.toFixed(2)}× | ≤ 2× |`,
  );
}

if (require.main === module) printCliBench(cliBench(Number(process.env.RUNS ?? 5)));
