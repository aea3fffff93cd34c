import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT, sampleWith, workspace } from './helpers';

// The npm package: `npm pack` gives a tarball that installs into an empty project
// with nothing else (offline: it has no dependencies) and runs as `npx planmark`.
// Packs the bundles `npm test` built (--ignore-scripts: prepack would rebuild them
// under the other tests' feet).

const exec = promisify(execFile);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

test('npm package: only the CLI, and no dependencies to install', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
  assert.equal(manifest.dependencies, undefined, 'libraries are bundled: declare them as devDependencies');
  assert.deepEqual(manifest.bin, { planmark: 'dist/cli.js' });
  assert.equal(manifest.private, undefined, 'the package can be published');
});

test('npm package: packs, installs into an empty project offline, and runs as npx planmark', async () => {
  const ws = workspace({
    'project/package.json': JSON.stringify({ name: 'empty-project', version: '1.0.0', private: true }),
    'project/docs/feature-plan.md': sampleWith('## Success Metrics', '## Metrics of Success'),
  });
  try {
    const packed = await exec(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', ws.dir], { cwd: ROOT });
    const [info] = JSON.parse(packed.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
    assert.deepEqual(info.files.map((f) => f.path).sort(), [
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'dist/checkWorker.js',
      'dist/cli.js',
      // npm always packs package.json's "main", here the VS Code extension's entry.
      'dist/extension.js',
      'dist/planmark.js',
      'dist/templates/implementation-plan.md',
      'docs/ci.md',
      'package.json',
    ]);

    const project = join(ws.dir, 'project');
    const env = { ...process.env, npm_config_cache: join(ws.dir, 'npm-cache'), npm_config_update_notifier: 'false' };
    await exec(npm, ['install', '--offline', '--no-audit', '--no-fund', join(ws.dir, info.filename)], {
      cwd: project,
      env,
    });
    const version = await exec(npm, ['exec', '--offline', '--', 'planmark', '--version'], { cwd: project, env });
    assert.equal(version.stdout.trim(), JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);

    const check = await exec(npm, ['exec', '--offline', '--', 'planmark', 'check', '--jobs', '2', 'docs'], {
      cwd: project,
      env,
    }).then(
      () => assert.fail('a plan with an error exits 1'),
      (error: { code: number; stdout: string }) => error,
    );
    assert.equal(check.code, 1);
    assert.match(
      check.stdout,
      /^docs\/feature-plan\.md:1:1 error missing-section Missing section "## Success Metrics"/m,
    );
  } finally {
    ws.cleanup();
  }
});
