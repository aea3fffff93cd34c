// Bundles the client, the language server and the CLI. `--production` minifies
// and drops source maps; `--watch` rebuilds on change. Type-checking is `tsc --noEmit`.
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const options = {
  entryPoints: {
    extension: 'client/src/extension.ts',
    server: 'server/src/server.ts',
    cli: 'server/src/cli/main.ts',
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

// The built-in template ships next to the bundles; the server and CLI read it from there.
function copyAssets() {
  mkdirSync('dist/templates', { recursive: true });
  cpSync('server/templates/implementation-plan.md', 'dist/templates/implementation-plan.md');
}

if (watch) {
  const context = await esbuild.context({ ...options, plugins: [{ name: 'assets', setup: (b) => b.onEnd(copyAssets) }] });
  await context.watch();
} else {
  await esbuild.build(options);
  copyAssets();
}
