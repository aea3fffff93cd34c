import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { load } from 'js-yaml';
import { CLI, ROOT, SAMPLE_TEXT, run, sampleWith, workspace } from './helpers';

// action.yml and .pre-commit-hooks.yaml: their commands run here as GitHub and
// pre-commit would run them, against the built CLI.

const exec = promisify(execFile);

interface Step {
  id?: string;
  run?: string;
  env?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { default: string }>;
  runs: { using: string; steps: Step[] };
}

const action = load(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Action;
const checkStep = action.runs.steps.find((s) => s.id === 'check')!;

const ERROR_PLAN = sampleWith('## Success Metrics', '## Metrics of Success');
const WARNING_PLAN = sampleWith('**Status**: In Progress', '**Status**: Underway');

/** Runs the action's check step in `dir` with the given inputs; returns its outputs and stdout. */
async function checkStepIn(dir: string, inputs: Partial<Record<string, string>>) {
  const env = {
    ...process.env,
    PLANMARK: `${process.execPath} ${CLI}`,
    PATHS: inputs.paths ?? action.inputs.paths.default,
    CONFIG: inputs.config ?? '',
    BASELINE: inputs.baseline ?? '',
    FAIL_LEVEL: inputs['fail-level'] ?? action.inputs['fail-level'].default,
    CHANGED_ONLY: 'false',
    BASE_REF: '',
    RUNNER_TEMP: dir,
    GITHUB_OUTPUT: join(dir, 'github-output'),
  };
  const result = await exec('bash', ['-e', '-c', checkStep.run!], { cwd: dir, env });
  const outputs = Object.fromEntries(
    readFileSync(env.GITHUB_OUTPUT, 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.split('=') as [string, string]),
  );
  return { outputs, stdout: result.stdout };
}

test('action.yml: a composite action with the documented inputs, uploading SARIF with codeql-action', () => {
  assert.equal(action.runs.using, 'composite');
  assert.deepEqual(Object.keys(action.inputs).sort(), [
    'baseline',
    'changed-only',
    'config',
    'fail-level',
    'paths',
    'upload-sarif',
    'version',
  ]);
  assert.ok(
    action.runs.steps.some((s) => (s as { uses?: string }).uses?.startsWith('github/codeql-action/upload-sarif@')),
  );
  for (const input of Object.keys(action.inputs))
    assert.match(
      readFileSync(join(ROOT, 'docs/ci.md'), 'utf8'),
      new RegExp(`\\| \`${input}\` \\|`),
      `${input} is documented`,
    );
});

test('action.yml: the check step writes SARIF, annotates, and reports the exit code by fail level', async () => {
  const ws = workspace({ 'plans/error-plan.md': ERROR_PLAN, 'plans/warning-plan.md': WARNING_PLAN });
  try {
    const errors = await checkStepIn(ws.dir, { paths: 'plans' });
    assert.equal(errors.outputs['exit-code'], '1');
    const sarif = JSON.parse(readFileSync(errors.outputs['sarif-file'], 'utf8')) as {
      runs: Array<{ results: Array<{ ruleId: string }> }>;
    };
    assert.deepEqual(sarif.runs[0].results.map((r) => r.ruleId).sort(), ['invalid-metadata', 'missing-section']);
    assert.match(errors.stdout, /^::error file=plans\/error-plan\.md,line=1,/m);
    assert.match(errors.stdout, /^::warning file=plans\/warning-plan\.md,line=5,/m);

    const onlyWarnings = await checkStepIn(ws.dir, { paths: 'plans/warning-plan.md' });
    assert.equal(onlyWarnings.outputs['exit-code'], '0', 'fail-level error: warnings pass');
    const strict = await checkStepIn(ws.dir, { paths: 'plans/warning-plan.md', 'fail-level': 'warning' });
    assert.equal(strict.outputs['exit-code'], '1', 'fail-level warning: warnings fail');

    await run(['check', '--write-baseline', 'baseline.json', 'plans'], ws.dir);
    const baselined = await checkStepIn(ws.dir, { paths: 'plans', baseline: 'baseline.json' });
    assert.equal(baselined.outputs['exit-code'], '0', 'known findings do not fail');
  } finally {
    ws.cleanup();
  }
});

test('.pre-commit-hooks.yaml: the planmark hook checks the plans among the files it is given', async () => {
  const [hook] = load(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{
    id: string;
    entry: string;
    language: string;
  }>;
  assert.equal(hook.id, 'planmark');
  assert.equal(hook.language, 'node');
  const ws = workspace({ 'README.md': '# Read me\n', 'docs/x-plan.md': ERROR_PLAN, 'docs/ok-plan.md': SAMPLE_TEXT });
  try {
    const [command, ...args] = hook.entry.split(' ');
    assert.equal(command, 'planmark');
    const r = await run([...args, 'README.md', 'docs/x-plan.md', 'docs/ok-plan.md'], ws.dir);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /Total: 2 files, .* 1 error/);
  } finally {
    ws.cleanup();
  }
});
