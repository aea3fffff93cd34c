// Bundles the client, the language server and the CLI. `--production` minifies
// and drops source maps; `--watch` rebuilds on change. Type-checking is `tsc --noEmit`.
import * as esbuild from 'esbuild';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';

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

// The built-in template's schema, derived now rather than at every start of the CLI or
// server (server/src/node/builtinSchema.ts). Not in watch mode, where the engine's code
// changes under it: there the schema is derived at start, as from the sources.
async function builtinSchemaDefines() {
  const text = readFileSync('server/templates/implementation-plan.md', 'utf8');
  const { outputFiles } = await esbuild.build({
    stdin: {
      contents:
        "export { deriveTemplate } from './server/src/engine';\nexport { encodeSchema } from './server/src/node/builtinSchema';",
      resolveDir: '.',
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'warning',
  });
  const code = Buffer.from(outputFiles[0].text).toString('base64');
  const { deriveTemplate, encodeSchema } = await import(`data:text/javascript;base64,${code}`);
  return {
    __PLANMARK_BUILTIN_TEMPLATE__: JSON.stringify(text),
    __PLANMARK_BUILTIN_SCHEMA__: JSON.stringify(encodeSchema(deriveTemplate(text))),
  };
}
if (!watch && !process.argv.includes('--tests'))
  options.define = { ...options.define, ...(await builtinSchemaDefines()) };

// `planmark mcp` loads this bundle, so that the MCP SDK costs the other commands nothing.
const mcp = { ...options, entryPoints: { mcp: 'server/src/mcp/main.ts' } };

// The CLI (planmark) and the worker threads of `planmark check --jobs` (checkWorker,
// server/src/cli/parallel.ts).
const cli = {
  ...options,
  entryPoints: { planmark: 'server/src/cli/main.ts', checkWorker: 'server/src/cli/checkWorker.ts' },
};

// The `bin` (package.json), run directly, so it alone gets the shebang line: a small
// loader of dist/planmark.js through a V8 code cache (server/src/cli/bin.ts).
const bin = {
  ...options,
  entryPoints: { cli: 'server/src/cli/bin.ts' },
  banner: { js: '#!/usr/bin/env node\n"use strict";' },
  define: {},
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
  for (const build of [options, cli, bin, graphView, mcp]) await (await esbuild.context({ ...build, plugins })).watch();
} else {
  const results = await Promise.all([
    esbuild.build(options),
    esbuild.build(cli),
    esbuild.build(bin),
    esbuild.build(graphView),
    esbuild.build(mcp),
  ]);
  copyAssets();
  if (production) {
    for (const { metafile } of results)
      for (const [file, { bytes }] of Object.entries(metafile.outputs))
        if (file.endsWith('.js')) console.log(`${file}: ${(bytes / 1024).toFixed(1)} KiB`);
  }
}
