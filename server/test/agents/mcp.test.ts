// `planmark mcp` over stdio, spoken to by the MCP SDK's own client, as an agent
// would: the built bundle (dist/cli.js → dist/mcp.js) in a git repository the
// test builds. Every tool, its structured output against its declared schema, the
// refusals, and plan_complete_task's one-character edit with CRLF and a BOM kept.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { CLI } from '../cli/helpers';
import { gitFixture, type GitFixture } from './gitFixture';

const PLAN =
  '\uFEFF' +
  [
    '# Login - Implementation Plan',
    '',
    '## Phase 3: User Story 1 - Sign in (Priority: P1)',
    '',
    '- [x] T001 [US1] Create the model in src/model.py',
    '- [ ] T002 [US1] Create the service in src/service.py',
    '- [ ] T003 [US1] Create the view in src/view.py',
    '- [ ] **Task**: T004 Wire it up',
    '  - **Dependencies**: T002',
    '- [ ] T005 [US1] Document [ServiceName] in src/model.py',
    '',
  ].join('\r\n');

let repo: GitFixture;
let client: Client;

before(async () => {
  repo = gitFixture();
  repo.write('specs/login/tasks.md', PLAN);
  repo.write('src/model.py', 'model = 1\n');
  repo.write('src/service.py', 'service = 1\n');
  // The reference profile (the template as schema), whose placeholders an error finding can come from.
  repo.write(
    '.planmarkrc.json',
    JSON.stringify({
      rules: { 'unfilled-placeholder': 'error' },
      profiles: [{ files: ['**/*.md'], profile: 'reference' }],
    }),
  );
  // A Kiro spec: tasks cite the acceptance criteria of requirements.md beside them.
  const kiro = join(__dirname, '..', '..', '..', 'test-fixtures', 'profiles', 'kiro-tasks');
  repo.write('.kiro/specs/share/tasks.md', readFileSync(join(kiro, 'follows-format.md'), 'utf8'));
  repo.write('.kiro/specs/share/requirements.md', readFileSync(join(kiro, 'follows-format.requirements.md'), 'utf8'));
  repo.commit('plan');
  client = new Client({ name: 'planmark-test', version: '1.0.0' });
  await client.connect(
    new StdioClientTransport({
      command: process.execPath,
      args: [CLI, 'mcp'],
      cwd: repo.dir,
      stderr: 'pipe',
    }),
  );
});

after(async () => {
  await client.close();
  repo.dispose();
});

async function call(name: string, args: Record<string, unknown>) {
  return (await client.callTool({ name, arguments: args })) as {
    isError?: boolean;
    content: Array<{ type: string; text: string }>;
    structuredContent?: Record<string, unknown>;
  };
}

test('lists the five tools, each with input and output schemas; only plan_complete_task writes', async () => {
  const { tools } = await client.listTools();
  assert.deepEqual(tools.map((t) => t.name).sort(), [
    'plan_complete_task',
    'plan_explain_rule',
    'plan_next_tasks',
    'plan_status',
    'plan_validate',
  ]);
  for (const tool of tools) {
    assert.equal(tool.inputSchema.type, 'object', tool.name);
    assert.equal(tool.outputSchema?.type, 'object', tool.name);
    assert.equal(tool.annotations?.readOnlyHint, tool.name !== 'plan_complete_task', tool.name);
  }
});

test('plan_status: progress per phase and findings by severity', async () => {
  const r = await call('plan_status', { path: 'specs/login/tasks.md' });
  assert.equal(r.isError, undefined);
  assert.equal(r.structuredContent!.path, 'specs/login/tasks.md');
  assert.equal(r.structuredContent!.done, 1);
  assert.equal(r.structuredContent!.total, 5);
  assert.deepEqual(r.structuredContent!.phases, [
    { title: 'Phase 3: User Story 1 - Sign in (Priority: P1)', done: 1, total: 5 },
  ]);
  assert.match(r.content[0].text, /^specs\/login\/tasks\.md \([a-z-]+\): 1\/5 tasks done \(20%\)/);
});

test('plan_validate: the findings as the CLI gives them', async () => {
  const r = await call('plan_validate', { path: 'specs/login/tasks.md' });
  const { stdout } = await import('../cli/helpers').then(({ run }) =>
    run(['check', '--format', 'json', 'specs/login/tasks.md'], repo.dir),
  );
  assert.deepEqual(r.structuredContent!.findings, JSON.parse(stdout));
  assert.ok((r.structuredContent!.findings as unknown[]).length > 0);
});

test('plan_next_tasks: ready tasks with their files, dependencies and cited story', async () => {
  const r = await call('plan_next_tasks', { path: 'specs/login/tasks.md', limit: 5 });
  const tasks = r.structuredContent!.tasks as Array<Record<string, unknown>>;
  assert.deepEqual(
    tasks.map((t) => t.id),
    ['T002', 'T003', 'T005'],
  );
  assert.deepEqual(tasks[0].files, ['src/service.py']);
  assert.deepEqual(tasks[0].cites, [{ ref: 'US1', text: 'Phase 3: User Story 1 - Sign in (Priority: P1)' }]);
  assert.equal(r.structuredContent!.blocked, 1);
});

test('plan_next_tasks: a Kiro task cites the text of the acceptance criteria it names', async () => {
  const r = await call('plan_next_tasks', { path: '.kiro/specs/share/tasks.md' });
  const tasks = r.structuredContent!.tasks as Array<{ id?: string; cites: unknown[] }>;
  const task = tasks.find((t) => t.id === '2.2')!;
  assert.deepEqual(task.cites, [{ ref: '1.3', text: 'IF the note is deleted THEN the link SHALL stop working' }]);
});

test('plan_explain_rule: the rule, and an unknown id refused', async () => {
  const r = await call('plan_explain_rule', { rule: 'phantom-completion' });
  assert.equal(r.structuredContent!.defaultSeverity, 'warning');
  assert.match(r.structuredContent!.documentation as string, /rules\.md#phantom-completion$/);
  const bad = await call('plan_explain_rule', { rule: 'no-such-rule' });
  assert.equal(bad.isError, true);
  assert.match(bad.content[0].text, /No rule "no-such-rule"/);
});

test('paths outside the root are refused, symbolic links followed', async () => {
  symlinkSync(tmpdir(), join(repo.dir, 'escape'));
  for (const path of ['../outside.md', 'specs/../../outside.md', '/etc/hostname', 'escape']) {
    const r = await call('plan_status', { path });
    assert.equal(r.isError, true, path);
    assert.match(r.content[0].text, /outside the workspace root/, path);
  }
});

test('plan_complete_task refuses an open dependency, a missing file and an error finding, with the file untouched', async () => {
  const blocked = await call('plan_complete_task', { path: 'specs/login/tasks.md', task: 'T004' });
  assert.equal(blocked.isError, true);
  assert.match(blocked.content[0].text, /depends on open tasks: T002 \(line 6\)/);
  const missing = await call('plan_complete_task', { path: 'specs/login/tasks.md', task: 'T003' });
  assert.equal(missing.isError, true);
  assert.match(missing.content[0].text, /do not exist: src\/view\.py/);
  const placeholder = await call('plan_complete_task', { path: 'specs/login/tasks.md', task: 'T005' });
  assert.equal(placeholder.isError, true);
  assert.match(
    placeholder.content[0].text,
    /the task has errors: unfilled-placeholder: Unfilled placeholder \[ServiceName\]/,
  );
  assert.equal(readFileSync(join(repo.dir, 'specs/login/tasks.md'), 'utf8'), PLAN);
});

test('plan_complete_task ticks by text: exactly one character changes, CRLF and BOM kept', async () => {
  const r = await call('plan_complete_task', {
    path: 'specs/login/tasks.md',
    task: 'T002 [US1] Create the service in src/service.py',
  });
  assert.equal(r.isError, undefined, r.content[0].text);
  assert.deepEqual(r.structuredContent!.task, {
    id: 'T002',
    text: 'T002 [US1] Create the service in src/service.py',
    line: 6,
  });
  const after = readFileSync(join(repo.dir, 'specs/login/tasks.md'), 'utf8');
  assert.equal(after.length, PLAN.length);
  const changed = [...after].flatMap((c, i) => (c === PLAN[i] ? [] : [i]));
  assert.deepEqual(changed, [PLAN.indexOf('- [ ] T002') + 3]);
  assert.equal(after[changed[0]], 'x');
  assert.ok(after.startsWith('\uFEFF') && after.split('\r\n').length === PLAN.split('\r\n').length);
  // Again: already done, nothing written.
  const again = await call('plan_complete_task', { path: 'specs/login/tasks.md', task: 'T002' });
  assert.equal(again.structuredContent!.alreadyDone, true);
  assert.equal(readFileSync(join(repo.dir, 'specs/login/tasks.md'), 'utf8'), after);
});

test('bad arguments and a missing file are refused with the reason', async () => {
  const missing = await call('plan_status', { path: 'nope.md' });
  assert.equal(missing.isError, true);
  assert.match(missing.content[0].text, /Cannot read nope\.md: no such file/);
  const unknown = await call('plan_complete_task', { path: 'specs/login/tasks.md', task: 'T999' });
  assert.equal(unknown.isError, true);
  assert.match(unknown.content[0].text, /No task "T999"/);
});
