// The CLI as CI and hooks run it, whole processes timed from outside, against
// markdownlint-cli2 on the same files in the same run (interleaved, so that a
// busy machine slows both alike):
//   - cold: every file checked (planmark without --cache; markdownlint-cli2 has no cache),
//   - warm: planmark --cache with nothing changed since the last run,
//   - fast start: one small plan, against a bare `node -e 0`; beside it, what a bare
//     remark parse of the same plan costs as a whole process (the floor no check of it
//     can go below: bundled, without TurboFan, as planmark runs it), and a 4-line plan.
// Run alone with `npm run bench:cli`; `npm run bench` runs it after the engine figures.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
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

/** The floor of a one-plan check: a process that only parses the plan, with the remark pipeline planmark uses. */
function buildFloor(dir: string): string {
  const outfile = join(dir, 'floor.js');
  buildSync({
    stdin: {
      contents: [
        "import { readFileSync } from 'node:fs';",
        "import { unified } from 'unified';",
        "import remarkParse from 'remark-parse';",
        "import remarkGfm from 'remark-gfm';",
        "unified().use(remarkParse).use(remarkGfm).parse(readFileSync(process.argv[2], 'utf8'));",
      ].join('\n'),
      resolveDir: REPO,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    minify: true,
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

export interface CliBench {
  files: number;
  bytes: number;
  cold: { planmark: Stats; markdownlint: Stats; ratio: number };
  warm: { planmark: Stats; markdownlint: Stats; ratio: number };
  start: { planmark: Stats; node: Stats; ratio: number };
  /** A bare remark parse of the small plan, as a whole process: the floor of `start`. */
  floor: { parse: Stats; node: Stats; ratio: number };
  /** A 4-line plan. */
  tiny: { planmark: Stats; node: Stats; ratio: number };
}

export function cliBench(runs = 5, limit = 65): CliBench {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`node esbuild.mjs\` first`);
  const files = benchFiles(limit);
  const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
  const cacheDir = mkdtempSync(join(tmpdir(), 'planmark-bench-'));
  const tiny = join(cacheDir, 'tiny.md');
  writeFileSync(tiny, '# Tiny Implementation Plan\n\n- [ ] one\n- [x] two\n');
  const commands = {
    node: ['-e', '0'],
    small: [CLI, 'check', SMALL_PLAN],
    floor: ['--no-opt', buildFloor(cacheDir), SMALL_PLAN],
    tiny: [CLI, 'check', tiny],
    markdownlint: [MARKDOWNLINT, ...files.map((f) => `:${f}`)],
    cold: [CLI, 'check', ...files],
    warm: [CLI, 'check', '--cache-location', cacheDir + '/', ...files],
  };
  try {
    time(commands.warm); // fills the cache
    const times: Record<keyof typeof commands, number[]> = {
      node: [],
      small: [],
      floor: [],
      tiny: [],
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
      floor: { parse: s.floor, node: s.node, ratio: s.floor.median / s.node.median },
      tiny: { planmark: s.tiny, node: s.node, ratio: s.tiny.median / s.node.median },
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
  console.log(
    `| floor: a bare remark parse of that plan, nothing else | ${ms(b.floor.parse)} | node -e 0 ${ms(b.floor.node)} | ${b.floor.ratio.toFixed(2)}× | — |`,
  );
  console.log(
    `| fast start: a 4-line plan | ${ms(b.tiny.planmark)} | node -e 0 ${ms(b.tiny.node)} | ${b.tiny.ratio.toFixed(2)}× | — |`,
  );
}

if (require.main === module) printCliBench(cliBench(Number(process.env.RUNS ?? 5)));
