import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Script, constants } from 'node:vm';

// The `planmark` executable (dist/cli.js): loads the real CLI bundle
// (dist/planmark.js) through a V8 code cache. Most of a one-plan check is V8
// compiling the parser's functions on first call; a cache written after a run holds
// their bytecode, so the next run skips that (measured: about half the process's
// CPU time). Node 20 has no built-in cache that keeps lazily compiled functions.
// The cache lives in the user's own cache folder (not a shared temp folder, where
// another user could plant bytecode); any trouble with it just means no cache.
// PLANMARK_NO_COMPILE_CACHE=1 turns it off.

const BUNDLE = join(__dirname, 'planmark.js');
/** Commands that run too little of the code to be worth caching after. */
const LIGHT = new Set([undefined, 'help', '--help', '-h', '--version', '-v']);
/** Caches of other builds (an upgrade, another install) not written for this long are removed. */
const STALE_MS = 14 * 24 * 60 * 60 * 1000;

function cacheFolder(): string {
  if (process.env.XDG_CACHE_HOME) return join(process.env.XDG_CACHE_HOME, 'planmark');
  if (process.platform === 'win32' && process.env.LOCALAPPDATA)
    return join(process.env.LOCALAPPDATA, 'planmark', 'Cache');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'planmark');
  return join(homedir(), '.cache', 'planmark');
}

interface Bundle {
  runProcess(): void;
  /** Sets back V8 flags the run changed, so that the cache is written under the flags it is read with. */
  restoreV8Flags?(): void;
}

function load(): Bundle {
  const source = readFileSync(BUNDLE, 'utf8');
  const useCache = !process.env.PLANMARK_NO_COMPILE_CACHE;
  let cacheFile: string | undefined;
  let cachedData: Buffer | undefined;
  if (useCache) {
    try {
      const { size, mtimeMs } = statSync(BUNDLE);
      const key = `${basename(BUNDLE, '.js')}-${process.version}-${process.arch}-${size}-${Math.floor(mtimeMs)}`;
      cacheFile = join(cacheFolder(), `${key}.v8cache`);
      cachedData = readFileSync(cacheFile);
    } catch {
      cachedData = undefined;
    }
  }
  const script = new Script(Module.wrap(source), {
    filename: BUNDLE,
    cachedData,
    // import() inside the bundle resolves as in any module (Node ≥ 20.12 has the constant).
    importModuleDynamically:
      (constants as Partial<typeof constants> | undefined)?.USE_MAIN_CONTEXT_DEFAULT_LOADER ??
      ((specifier: string) => import(specifier)),
  });
  const bundle = new Module(BUNDLE, module);
  bundle.filename = BUNDLE;
  if (cacheFile && (cachedData === undefined || script.cachedDataRejected) && !LIGHT.has(process.argv[2])) {
    const file = cacheFile;
    process.once('exit', () => {
      try {
        (bundle.exports as Bundle).restoreV8Flags?.();
        mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
        const temporary = `${file}.${process.pid}`;
        writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
        renameSync(temporary, file);
        pruneStale(dirname(file), file);
      } catch {
        // A read-only home or a full disk: the next run compiles again, that is all.
      }
    });
  }
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(bundle.exports, bundle.exports, createRequire(BUNDLE), bundle, BUNDLE, __dirname);
  return bundle.exports as Bundle;
}

/**
 * Each build of planmark has its own cache file (about 1 MB): without pruning, every upgrade
 * leaves one behind. Runs only after a cache was written, that is when a build is new.
 */
function pruneStale(folder: string, current: string): void {
  const now = Date.now();
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (path === current || !name.endsWith('.v8cache')) continue;
    try {
      if (now - statSync(path).mtimeMs > STALE_MS) unlinkSync(path);
    } catch {
      // Gone already, or not ours to remove.
    }
  }
}

load().runProcess();
