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
};

// The CLI is run directly (`bin` in package.json), so it alone gets the shebang line.
// It bundles ESM-only code (fdir, under tinyglobby) that calls createRequire(import.meta.url),
// which a CommonJS bundle must supply.
const cli = {
  ...options,
  entryPoints: { cli: 'server/src/cli/main.ts' },
  banner: { js: '#!/usr/bin/env node\n"use strict";\nconst __importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  define: { 'import.meta.url': '__importMetaUrl' },
};

// The built-in template ships next to the bundles; the server and CLI read it from there.
function copyAssets() {
  mkdirSync('dist/templates', { recursive: true });
  cpSync('server/templates/implementation-plan.md', 'dist/templates/implementation-plan.md');
  if (existsSync('dist/cli.js')) chmodSync('dist/cli.js', 0o755);
}

if (watch) {
  const plugins = [{ name: 'assets', setup: (b) => b.onEnd(copyAssets) }];
  for (const build of [options, cli]) await (await esbuild.context({ ...build, plugins })).watch();
} else {
  await Promise.all([esbuild.build(options), esbuild.build(cli)]);
  copyAssets();
}
