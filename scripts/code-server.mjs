// Starts code-server (installed by scripts/install-code-server.sh) on 127.0.0.1, port 0,
// with a fresh user-data and extensions folder, and opens pages in Debian's Chromium
// through playwright-core. See ../shared/docs/real-vscode-offline.md.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CODE_SERVER = join(
  ROOT,
  '.vscode-test',
  'code-server',
  'node_modules',
  'code-server',
  'out',
  'node',
  'entry.js',
);
const BROWSER = process.env.CHROMIUM ?? '/usr/bin/chromium';

export function installCodeServer() {
  const r = spawnSync('bash', [join(ROOT, 'scripts', 'install-code-server.sh')], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('installing code-server failed');
  if (!existsSync(BROWSER)) throw new Error(`${BROWSER} is missing: apt-get install chromium (or set CHROMIUM)`);
}

/** Resolves `promise`, or rejects after `ms` naming `what`. */
export function within(ms, what, promise) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms))),
  ]).finally(() => clearTimeout(timer));
}

/**
 * @param extensionsDir where code-server looks for installed extensions (a fresh folder by default;
 * the .vsix check installs the package there first)
 */
export async function startCodeServer({ env = {}, extensionsDir } = {}) {
  const base = mkdtempSync(join(tmpdir(), 'planmark-vscode-'));
  const userData = join(base, 'user-data');
  const workspace = join(base, 'workspace');
  mkdirSync(join(userData, 'User'), { recursive: true });
  mkdirSync(join(workspace, 'scratch'), { recursive: true });
  writeFileSync(
    join(userData, 'User', 'settings.json'),
    JSON.stringify({
      'workbench.startupEditor': 'none',
      'security.workspace.trust.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'workbench.tips.enabled': false,
      'workbench.enableExperiments': false,
      'git.enabled': false,
      'chat.commandCenter.enabled': false,
      'window.commandCenter': false,
      'workbench.colorTheme': 'Default Dark Modern',
      'editor.minimap.enabled': false,
    }),
  );
  const log = join(base, 'code-server.log');
  const logStream = createWriteStream(log);
  const child = spawn(
    process.execPath,
    [
      CODE_SERVER,
      '--auth',
      'none',
      '--bind-addr',
      '127.0.0.1:0',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--user-data-dir',
      userData,
      '--extensions-dir',
      extensionsDir ?? join(base, 'extensions'),
      workspace,
    ],
    { env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stderr.pipe(logStream);
  const port = await within(
    60_000,
    'code-server to listen',
    new Promise((resolve, reject) => {
      let seen = '';
      child.stdout.on('data', (chunk) => {
        logStream.write(chunk);
        seen += chunk;
        const m = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(seen);
        if (m) resolve(Number(m[1]));
      });
      child.on('exit', (code) => reject(new Error(`code-server exited (${code}); see ${log}`)));
    }),
  );
  const browser = await chromium.launch({
    executablePath: BROWSER,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const remote = (path) => `vscode-remote://127.0.0.1:${port}${path}`;
  return {
    base,
    workspace,
    port,
    log,
    browser,
    /** Opens the workbench on a folder (default: the workspace); `payload` as in VS Code's web embedder API. */
    async open(payload, { viewport = { width: 1400, height: 860 }, folder = workspace } = {}) {
      const page = await browser.newPage({ viewport });
      const query = `folder=${encodeURIComponent(folder)}${payload ? `&payload=${encodeURIComponent(JSON.stringify(payload))}` : ''}`;
      await page.goto(`http://127.0.0.1:${port}/?${query}`);
      await page.waitForSelector('div.monaco-workbench', { timeout: 60_000 });
      return page;
    },
    remote,
    /** The `extensionDevelopmentPath` payload entry that loads this checkout's extension. */
    extension: ['extensionDevelopmentPath', remote(ROOT.replace(/\/$/, ''))],
    async stop() {
      await browser.close().catch(() => undefined);
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // best effort: the process may already be gone
      }
      logStream.end();
    },
  };
}

/** The built CLI's JSON answer (`planmark <args>` with `--format json` among them), run in `cwd`: the checks' expected values. */
export function planmarkJson(args, cwd) {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), ...args], { cwd, encoding: 'utf8' });
  return JSON.parse(r.stdout);
}
