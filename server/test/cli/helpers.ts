import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

// The CLI tests run the shipped bundle, as a user or CI would: build it first
// with `node esbuild.mjs` (`npm test` does).

export const ROOT = resolve(__dirname, '../../..');
export const CLI = join(ROOT, 'dist', 'cli.js');
export const SAMPLE = join(ROOT, 'test-fixtures', 'sample', 'plan.md');
export const SAMPLE_TEXT = readFileSync(SAMPLE, 'utf8');

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function run(args: readonly string[], cwd: string = ROOT, env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build it with \`node esbuild.mjs\` first`);
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/**
 * The files the sample plan's ticked tasks name (stubs in test-fixtures/sample/): every
 * workspace gets them, so that a plan made from the sample has no phantom-completion.
 */
export const SAMPLE_WORK: Record<string, string> = Object.fromEntries(
  [
    'prisma/schema.prisma',
    'prisma/migrations/20261121_saved_searches/migration.sql',
    'apps/api/src/services/saved-search.ts',
    'apps/api/src/services/__tests__/saved-search.test.ts',
    'apps/web/src/types/savedSearch.ts',
  ].map((path) => [path, readFileSync(join(ROOT, 'test-fixtures', 'sample', path), 'utf8')]),
);

/**
 * A temporary folder holding `files` (relative path → text) and, unless it is to be
 * empty, SAMPLE_WORK; remove it with `cleanup`.
 */
export function workspace(files: Record<string, string>): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'planmark-cli-'));
  const all = Object.keys(files).length === 0 ? {} : { ...SAMPLE_WORK, ...files };
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The sample plan with one text replaced, for a plan with a known problem. */
export function sampleWith(from: string, to: string): string {
  if (!SAMPLE_TEXT.includes(from)) throw new Error(`the sample plan does not contain ${JSON.stringify(from)}`);
  return SAMPLE_TEXT.replace(from, to);
}

/** What markCache writes over every cached message. */
export const MARK = 'from the cache, not from a check';

/** Rewrites every message in a `--cache` file, so that a run that reuses the cache shows it. */
export function markCache(file: string): void {
  const data = JSON.parse(readFileSync(file, 'utf8')) as {
    entries: Record<string, { analysis: { findings: Array<{ message: string }> } }>;
  };
  for (const entry of Object.values(data.entries)) for (const f of entry.analysis.findings) f.message = MARK;
  writeFileSync(file, JSON.stringify(data));
}
