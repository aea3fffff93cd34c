// `planmark/agentTool` (VS Code's language-model tools) and the "Start task" lens, from
// the bundled server over stdio: the same tools as `planmark mcp`, but a plan open in
// the editor is read as it reads there, and plan_complete_task answers the one-character
// edit for the client to apply (the file on disk is not touched).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CodeLens } from 'vscode-languageserver/node';
import type { AgentToolAnswer } from '../../src/protocol';
import { fileUri, LspTestClient } from './lspClient';

const PLAN = [
  '# Tasks: Sign-in',
  '',
  '## Phase 3: User Story 1 - Sign in (Priority: P1)',
  '',
  '- [x] T001 [US1] Create the model in src/model.py',
  '- [ ] T002 [US1] Create the service in src/service.py',
  '- [ ] T003 [US1] Create the view in src/view.py',
  '- [ ] **Task**: T004 Wire it up',
  '  - **Dependencies**: T002',
  '',
].join('\r\n');

describe('agent tools over LSP', () => {
  let client: LspTestClient;
  let dir: string;
  const planPath = () => join(dir, 'specs', 'tasks.md');
  const tool = (name: string, input: Record<string, unknown>) =>
    client.request<AgentToolAnswer>('planmark/agentTool', { tool: name, input });

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'planmark-tools-'));
    mkdirSync(join(dir, 'specs'));
    mkdirSync(join(dir, 'src'));
    writeFileSync(planPath(), PLAN);
    writeFileSync(join(dir, 'src', 'model.py'), 'model = 1\n');
    writeFileSync(join(dir, 'src', 'service.py'), 'service = 1\n');
    client = await LspTestClient.start({ pull: false, folders: [dir], settings: () => ({ debounceMs: 0 }) });
  });
  after(async () => {
    await client?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('plan_status and plan_next_tasks answer as over MCP, from the plan on disk', async () => {
    const status = await tool('plan_status', { path: 'specs/tasks.md' });
    assert.ok(status.ok);
    assert.match(status.text, /^specs\/tasks\.md \([a-z-]+\): 1\/4 tasks done \(25%\)/);
    const next = await tool('plan_next_tasks', { path: 'specs/tasks.md' });
    assert.ok(next.ok);
    const data = next.data as { tasks: Array<{ id: string; files: string[] }>; blocked: number };
    assert.deepEqual(
      data.tasks.map((t) => [t.id, t.files]),
      [
        ['T002', ['src/service.py']],
        ['T003', ['src/view.py']],
      ],
    );
    assert.equal(data.blocked, 1);
    const rule = await tool('plan_explain_rule', { rule: 'phantom-completion' });
    assert.ok(rule.ok);
    assert.match(rule.text, /^phantom-completion \(default warning\)/);
  });

  test('refusals carry the reason: a missing file, an open dependency, a path outside the folder, bad input', async () => {
    const cases: Array<[string, Record<string, unknown>, RegExp]> = [
      ['plan_complete_task', { path: 'specs/tasks.md', task: 'T003' }, /do not exist: src\/view\.py/],
      ['plan_complete_task', { path: 'specs/tasks.md', task: 'T004' }, /depends on open tasks: T002 \(line 6\)/],
      ['plan_status', { path: '../outside.md' }, /outside the workspace root/],
      ['plan_status', {}, /Invalid arguments/],
      ['no_such_tool', {}, /No tool "no_such_tool"/],
    ];
    for (const [name, input, reason] of cases) {
      const answer = await tool(name, input);
      assert.equal(answer.ok, false, name);
      assert.match((answer as { reason: string }).reason, reason);
    }
  });

  test('plan_complete_task answers a one-character edit of the open document and leaves the disk alone', async () => {
    const uri = fileUri(planPath());
    // Open with an unsaved change: a line above T002, so that the edit's line shows which text was read.
    const edited = PLAN.replace('## Phase 3', 'Unsaved note.\r\n\r\n## Phase 3');
    await client.open(uri, edited, 3);
    const answer = await tool('plan_complete_task', { path: 'specs/tasks.md', task: 'T002' });
    assert.ok(answer.ok, JSON.stringify(answer));
    assert.deepEqual(answer.edit, {
      uri,
      range: { start: { line: 7, character: 3 }, end: { line: 7, character: 4 } },
      newText: 'x',
      expected: ' ',
      version: 3,
    });
    assert.equal(readFileSync(planPath(), 'utf8'), PLAN, 'the client applies the edit; the server writes nothing');
    await client.close(uri);
    const fromDisk = await tool('plan_complete_task', { path: planPath(), task: 'T002' });
    assert.ok(fromDisk.ok);
    assert.deepEqual(fromDisk.edit?.range.start, { line: 5, character: 3 });
    assert.equal(fromDisk.edit?.version, undefined);
  });

  test('"Start task" lenses sit on the ready tasks and carry the task with its context', async () => {
    const uri = fileUri(planPath());
    await client.open(uri, PLAN, 1);
    await client.outline(uri);
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    const start = lenses.filter((l) => l.command?.command === 'planmark.startTask');
    assert.deepEqual(
      start.map((l) => l.range.start.line),
      [5, 6],
    );
    const [args] = start[0].command!.arguments as Array<{ prompt: string; line: number }>;
    assert.equal(args.line, 6);
    assert.match(args.prompt, /^Work on this task of the plan specs\/tasks\.md \(line 6, Phase 3: User Story 1/);
    assert.match(args.prompt, /\nT002 \[US1\] Create the service in src\/service\.py\n/);
    assert.match(args.prompt, /\nFiles: src\/service\.py\n/);
    assert.match(args.prompt, /\nUS1: Phase 3: User Story 1 - Sign in \(Priority: P1\)\n/);
    assert.match(args.prompt, /plan_complete_task tool \(path specs\/tasks\.md, task T002\)/);
    await client.close(uri);
  });
});
