import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv-draft-04';
import type * as sarif from 'sarif';
import { PlanEngine, RULES } from '../../src/engine';
import { formatText } from '../../src/cli/formats/text';
import { summarize } from '../../src/cli/checkFile';
import { ROOT, run, sampleWith, workspace } from './helpers';

// The three output formats of `planmark check`, on a small workspace whose
// findings are known to the column.

// An emoji is 2 UTF-16 code units, each CJK character 1: "**Feature**: 😀 日本 " is
// 19 units, so the placeholder starts at column 20 (19 counting code points)
// and ends, exclusive, at column 20 + 14.
const UTF16_PLAN = sampleWith('**Feature**: Saved Search Alerts', '**Feature**: 😀 日本 [FEATURE_NAME]');
const ERROR_PLAN = sampleWith('## Success Metrics', '## Metrics of Success');

let ws: ReturnType<typeof workspace>;
before(() => {
  ws = workspace({ 'plans/utf16-plan.md': UTF16_PLAN, 'plans/error-plan.md': ERROR_PLAN });
});
after(() => ws.cleanup());

test('json: 1-based lines, UTF-16 columns, exclusive ends', async () => {
  const r = await run(['check', '--format', 'json', 'plans/utf16-plan.md'], ws.dir);
  assert.equal(r.code, 0);
  assert.deepEqual(JSON.parse(r.stdout), [
    {
      file: join('plans', 'utf16-plan.md'),
      line: 3,
      column: 20,
      endLine: 3,
      endColumn: 34,
      severity: 'warning',
      rule: 'unfilled-placeholder',
      message: 'Unfilled placeholder [FEATURE_NAME]: replace it with the real content.',
    },
  ]);
});

test('json: every finding of several files, with the file as found', async () => {
  const r = await run(['check', '--format=json', 'plans'], ws.dir);
  assert.equal(r.code, 1);
  const findings = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
  assert.deepEqual(
    findings.map((f) => [f.file, f.rule, f.severity]),
    [
      [join('plans', 'error-plan.md'), 'missing-section', 'error'],
      [join('plans', 'utf16-plan.md'), 'unfilled-placeholder', 'warning'],
    ],
  );
  for (const f of findings)
    assert.deepEqual(Object.keys(f).sort(), [
      'column',
      'endColumn',
      'endLine',
      'file',
      'line',
      'message',
      'rule',
      'severity',
    ]);
});

test('sarif: valid SARIF 2.1.0 with rules, levels, relative locations and UTF-16 columns', async () => {
  const r = await run(['check', '--format', 'sarif', 'plans', 'plans/missing-plan.md'], ws.dir);
  assert.equal(r.code, 2);
  const log = JSON.parse(r.stdout) as sarif.Log;
  const schema = JSON.parse(
    readFileSync(join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'),
  );
  // unicodeRegExp: false because the schema's `language` pattern has a stray `]`,
  // which only a non-Unicode RegExp accepts.
  const validate = new Ajv({ strict: false, validateFormats: false, unicodeRegExp: false }).compile(schema);
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
  const broken = structuredClone(log);
  broken.runs[0].results![0].locations![0].physicalLocation!.region!.startLine = 0;
  assert.ok(!validate(broken), 'the validator rejects a 0 line');

  const [runLog] = log.runs;
  const driver = runLog.tool.driver;
  assert.equal(driver.name, 'planmark');
  assert.equal(driver.version, JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  for (const rule of RULES) {
    const descriptor = driver.rules?.find((d) => d.id === rule.id);
    assert.ok(descriptor, rule.id);
    // Absolute: code-scanning UIs open helpUri as is, with no repository to resolve it against.
    assert.equal(descriptor.helpUri, `https://github.com/planmark/planmark/blob/main/docs/rules.md#${rule.id}`);
    assert.equal(descriptor.shortDescription?.text, rule.description);
    assert.equal(
      descriptor.defaultConfiguration?.level,
      { error: 'error', warning: 'warning', information: 'note', hint: 'note' }[rule.defaultSeverity],
    );
  }
  assert.equal(runLog.columnKind, 'utf16CodeUnits');
  assert.equal(runLog.originalUriBaseIds?.['%SRCROOT%'].uri, pathToFileURL(ws.dir).href + '/');

  const results = runLog.results ?? [];
  assert.deepEqual(
    results.map((x) => [x.ruleId, x.level, driver.rules?.[x.ruleIndex!].id]),
    [
      ['missing-section', 'error', 'missing-section'],
      ['unfilled-placeholder', 'warning', 'unfilled-placeholder'],
    ],
  );
  const location = results[1].locations![0].physicalLocation!;
  assert.deepEqual(location.artifactLocation, { uri: 'plans/utf16-plan.md', uriBaseId: '%SRCROOT%' });
  assert.deepEqual(location.region, { startLine: 3, startColumn: 20, endLine: 3, endColumn: 34 });

  // The file that could not be checked is a failed execution, not a result.
  const invocation = runLog.invocations![0];
  assert.equal(invocation.executionSuccessful, false);
  assert.match(invocation.toolExecutionNotifications![0].message.text!, /missing-plan\.md: no such file/);
});

test('sarif: an information finding is a note; configuration problems are configuration notifications', async () => {
  const cfg = workspace({
    '.planmarkrc.json': '{ "rules": { "unfilled-placeholder": "information" }, "bogus": true }',
    'plan.md': UTF16_PLAN,
  });
  try {
    const r = await run(['check', '--format', 'sarif', 'plan.md'], cfg.dir);
    assert.equal(r.code, 0);
    const [runLog] = (JSON.parse(r.stdout) as sarif.Log).runs;
    assert.equal(runLog.results?.[0].level, 'note');
    assert.equal(runLog.invocations?.[0].executionSuccessful, true);
    assert.match(
      runLog.invocations?.[0].toolConfigurationNotifications?.[0].message.text ?? '',
      /bogus: unknown setting/,
    );
  } finally {
    cfg.cleanup();
  }
});

test('text: file:line:col severity rule message, a summary per file (with its profile and why) and a total', async () => {
  const REFERENCE =
    ' · reference profile: its title and metadata (Feature, Created, Status, Version) follow the template';
  const r = await run(['check', 'plans'], ws.dir);
  assert.equal(r.code, 1);
  const error = join('plans', 'error-plan.md');
  const utf16 = join('plans', 'utf16-plan.md');
  assert.deepEqual(r.stdout.trimEnd().split('\n'), [
    `${error}:1:1 error missing-section Missing section "## Success Metrics" in this plan; the template requires it.`,
    `${error}: 16/61 tasks done (26%), 1 error, 0 warnings${REFERENCE}`,
    `${utf16}:3:20 warning unfilled-placeholder Unfilled placeholder [FEATURE_NAME]: replace it with the real content.`,
    `${utf16}: 16/61 tasks done (26%), 0 errors, 1 warning${REFERENCE}`,
    'Total: 2 files, 32/122 tasks done (26%), 1 error, 1 warning',
  ]);
  assert.doesNotMatch(r.stdout, /\u001b\[/, 'no colour when stdout is not a terminal');
});

test('text: colour is the caller’s choice', () => {
  const engine = new PlanEngine(readFileSync(join(ROOT, 'server/templates/implementation-plan.md'), 'utf8'));
  const reports = [{ file: 'plan.md', path: '/plan.md', analysis: summarize(engine.analyze(ERROR_PLAN)) }];
  const plain = formatText(reports, { color: false });
  const coloured = formatText(reports, { color: true });
  assert.doesNotMatch(plain, /\u001b\[/);
  assert.match(coloured, /\u001b\[31merror\u001b\[0m/);
  assert.equal(coloured.replace(/\u001b\[\d+m/g, ''), plain);
});

test('json and sarif: a file outside the working directory keeps its absolute path', async () => {
  const outside = join(ws.dir, 'plans', 'error-plan.md');
  const cwd = join(ws.dir, 'elsewhere');
  mkdirSync(cwd);
  const [json, sarifRun] = await Promise.all([
    run(['check', '--format', 'json', outside], cwd),
    run(['check', '--format', 'sarif', outside], cwd),
  ]);
  assert.equal(JSON.parse(json.stdout)[0].file, outside);
  const location = (JSON.parse(sarifRun.stdout) as sarif.Log).runs[0].results![0].locations![0].physicalLocation!;
  assert.deepEqual(location.artifactLocation, { uri: pathToFileURL(outside).href });
});
