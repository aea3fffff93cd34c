// Bundles the client, the language server and the CLI. `--production` minifies
// and drops source maps; `--watch` rebuilds on change. Type-checking is `tsc --noEmit`.
import * as esbuild from 'esbuild';
import { chmodSync, cpSync, existsSync, mkdirSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const options = {
  entryPoints: {
    extension: 'client/src/extension.ts',
    server: 'server/src/server.ts',
    // Started by the server for large parses (server/src/node/offThreadParser.ts).
    parseWorker: 'server/src/node/parseWorker.ts',
  },
  outdir: 'dist',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node18',
  external: ['vscode'],
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'info',
  metafile: true,
  // tinyglobby's fdir (used by the server for workspace files, and by the CLI) calls
  // createRequire(import.meta.url), which a CommonJS bundle must supply.
  banner: { js: 'const __importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  define: { 'import.meta.url': '__importMetaUrl' },
};

// The CLI is run directly (`bin` in package.json), so it alone gets the shebang line.
const cli = {
  ...options,
  // checkWorker: the worker threads of `planmark check --jobs` (server/src/cli/parallel.ts).
  entryPoints: { cli: 'server/src/cli/main.ts', checkWorker: 'server/src/cli/checkWorker.ts' },
  banner: { js: `#!/usr/bin/env node\n"use strict";\n${options.banner.js}` },
};

// The Plan Graph's page script runs in the webview (a browser), not in Node.
const graphView = {
  ...options,
  entryPoints: { graphView: 'client/src/graph/webview/main.ts' },
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
  external: [],
  banner: {},
  define: {},
};

// The built-in template ships next to the bundles; the server and CLI read it from there.
function copyAssets() {
  mkdirSync('dist/templates', { recursive: true });
  cpSync('server/templates/implementation-plan.md', 'dist/templates/implementation-plan.md');
  if (existsSync('dist/cli.js')) chmodSync('dist/cli.js', 0o755);
}

// `--tests`: the in-editor mocha suite, run inside VS Code by scripts/test-vscode.mjs
// (code-server) or scripts/test-electron.mjs; mocha is loaded from node_modules at run time.
const tests = {
  ...options,
  entryPoints: { 'test/suite/index': 'client/test/suite/index.ts' },
  outdir: 'out',
  external: ['vscode', 'mocha'],
  minify: false,
  sourcemap: true,
  logLevel: 'warning',
};

if (process.argv.includes('--tests')) {
  await esbuild.build(tests);
} else if (watch) {
  const plugins = [{ name: 'assets', setup: (b) => b.onEnd(copyAssets) }];
  for (const build of [options, cli, graphView]) await (await esbuild.context({ ...build, plugins })).watch();
} else {
  const results = await Promise.all([esbuild.build(options), esbuild.build(cli), esbuild.build(graphView)]);
  copyAssets();
  if (production) {
    for (const { metafile } of results)
      for (const [file, { bytes }] of Object.entries(metafile.outputs))
        if (file.endsWith('.js')) console.log(`${file}: ${(bytes / 1024).toFixed(1)} KiB`);
  }
}
