import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CompletionList, TextEdit } from 'vscode-languageserver/node';
import { NewTaskRequest } from '../../src/protocol';
import { KIRO_REQUIREMENTS } from '../profileTexts';
import { joinLines, SMALL_PLAN, tempWorkspace, type TempWorkspace } from './fixtures';
import { fileUri, LspTestClient } from './lspClient';

// The built server's completion speaks the plan's format: it reads the repository
// (`.specify/`, `.kiro/specs/*/requirements.md`) as it does for diagnostics.

const TASKS = joinLines(
  '# Tasks: Shared notes',
  '',
  '## Phase 1: Setup',
  '',
  '- [ ] T001 Create the module folders',
  '',
  '## Phase 3: User Story 1 - Share a note',
  '',
  '- [ ] T002 [US1] Link model in `src/share/link.ts`',
  '- [ ] T005 [P] [US1] Link tests in `tests/share/link.test.ts`',
  '- ',
  '',
);
const KIRO = joinLines(
  '# Implementation Plan',
  '',
  '- [ ] 1. Lay out the module',
  '  - _Requirements: 1.1_',
  '',
  '- ',
  '',
);

describe('completion over stdio follows the profile', () => {
  let client: LspTestClient;
  let ws: TempWorkspace;
  before(async () => {
    ws = tempWorkspace();
    mkdirSync(join(ws.path, '.specify'));
    mkdirSync(join(ws.path, 'specs', '001-share'), { recursive: true });
    mkdirSync(join(ws.path, '.kiro', 'specs', 'share'), { recursive: true });
    ws.write('specs/001-share/tasks.md', TASKS);
    ws.write('.kiro/specs/share/tasks.md', KIRO);
    ws.write('.kiro/specs/share/requirements.md', KIRO_REQUIREMENTS);
    client = await LspTestClient.start({ pull: true, folders: [ws.path], settings: () => ({ debounceMs: 0 }) });
  });
  after(async () => {
    await client?.stop();
    ws?.dispose();
  });

  const complete = async (path: string, text: string, line: number, character: number) => {
    const uri = fileUri(join(ws.path, path));
    await client.open(uri, text);
    const list = await client.request<CompletionList>('textDocument/completion', {
      textDocument: { uri },
      position: { line, character },
    });
    return list.items.map((i) => [i.label, (i.textEdit as TextEdit).newText]);
  };

  test('spec-kit tasks.md: the next free id with the phase’s story label, with and without [P]', async () => {
    assert.deepEqual(await complete('specs/001-share/tasks.md', TASKS, 10, 2), [
      ['task', '- [ ] T006 [US1] $0'],
      ['task [P]', '- [ ] T006 [P] [US1] $0'],
    ]);
  });

  test('Kiro tasks.md: the next number, citing the requirements.md beside it', async () => {
    assert.deepEqual(await complete('.kiro/specs/share/tasks.md', KIRO, 5, 2), [
      ['task', '- [ ] 2. $1\n  - _Requirements: ${2|1.1,1.2|}_$0'],
    ]);
  });

  test('planmark/newTask (Insert Task Block): the task line for below a given line, with its indentation; null in a reference plan', async () => {
    const newTask = async (path: string, text: string, line: number) => {
      const uri = fileUri(join(ws.path, path));
      await client.open(uri, text);
      return client.request(NewTaskRequest.method, { textDocument: { uri }, line });
    };
    assert.deepEqual(await newTask('specs/001-share/tasks.md', TASKS, 9), { snippet: '- [ ] T006 [US1] $0' });
    assert.deepEqual(await newTask('.kiro/specs/share/tasks.md', KIRO, 3), {
      snippet: '- [ ] 1.1 $1\n    - _Requirements: ${2|1.1,1.2|}_$0',
    });
    assert.equal(await newTask('docs/login-plan.md', SMALL_PLAN, 6), null);
  });
});
