// Completion in the plan's format, in a real VS Code: the language server's `task` entries
// for a spec-kit task list (next free id, the phase's story label, a second entry with [P])
// and a Kiro one (its snippet's choice of requirements.md's criteria), inserted by the
// editor's own snippet engine, then counted by the server.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PlanmarkApi } from '../../src/extension';
import { KIRO_REQUIREMENTS } from '../../../server/test/profileTexts';
import { activateApi, closeAll, untilText } from './helpers';

const SPEC_KIT = [
  '# Tasks: Shared notes',
  '',
  '**Input**: Design documents from `/specs/004-shared-notes/`',
  '',
  '## Phase 3: User Story 1 - Share a note',
  '',
  '- [ ] T001 [US1] Link model in `src/share/link.ts`',
  '- [ ] T003 [P] [US1] Link tests in `tests/share/link.test.ts`',
  '',
  '',
].join('\n');

const KIRO = ['# Implementation Plan', '', '- [ ] 1. Lay out the module', '  - _Requirements: 1.1_', '', ''].join('\n');

export default function registerProfilesSuite(): void {
  suite('completion in the plan’s format', () => {
    let api: PlanmarkApi;
    suiteSetup(async () => {
      api = await activateApi();
    });
    teardown(closeAll);

    /** Writes the files into a folder of their own (so that a requirements.md is beside this plan only) and opens the first. */
    async function open(folder: string, files: Record<string, string>): Promise<vscode.TextEditor> {
      const root = vscode.workspace.workspaceFolders![0].uri;
      const dir = vscode.Uri.joinPath(root, 'scratch', `${folder}-${process.pid}-${Date.now()}`);
      for (const [name, text] of Object.entries(files))
        await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir, name), new TextEncoder().encode(text));
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(dir, Object.keys(files)[0]));
      return vscode.window.showTextDocument(doc);
    }

    async function taskItems(editor: vscode.TextEditor, line: number): Promise<vscode.CompletionItem[]> {
      await editor.edit((e) => e.insert(new vscode.Position(line, 0), '- '));
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        editor.document.uri,
        new vscode.Position(line, 2),
      );
      return list.items.filter((i) => (typeof i.label === 'string' ? i.label : i.label.label).startsWith('task'));
    }

    test('spec-kit tasks.md: `task` and `task [P]` with the next free id and the phase’s label', async () => {
      const editor = await open('speckit', { 'tasks.md': SPEC_KIT });
      const before = await api.whenAnalyzed(editor.document);
      assert.ok(before, 'the task list is a plan');
      const items = await taskItems(editor, 8);
      assert.deepEqual(
        items.map((i) => [i.label, (i.insertText as vscode.SnippetString).value]),
        [
          ['task', '- [ ] T004 [US1] $0'],
          ['task [P]', '- [ ] T004 [P] [US1] $0'],
        ],
      );
      editor.selection = new vscode.Selection(8, 2, 8, 2);
      await editor.insertSnippet(items[1].insertText as vscode.SnippetString, items[1].range as vscode.Range);
      await editor.edit((e) => e.insert(editor.selection.active, 'Share endpoint'));
      await untilText(editor.document, (t) => t.includes('- [ ] T004 [P] [US1] Share endpoint\n'), 'the new task');
      const after = await api.whenAnalyzed(editor.document);
      assert.equal(after!.total, before.total + 1);
    });

    test('Insert Task Block in a spec-kit task list inserts its task line below the cursor, undone in one step', async () => {
      const editor = await open('speckit-insert', { 'tasks.md': SPEC_KIT });
      assert.equal((await api.whenAnalyzed(editor.document))?.profile?.id, 'spec-kit-tasks');
      editor.selection = new vscode.Selection(7, 5, 7, 5);
      await vscode.commands.executeCommand('planmark.insertTaskBlock');
      await untilText(
        editor.document,
        (t) => t.includes('`tests/share/link.test.ts`\n- [ ] T004 [US1] \n'),
        'the task line below the cursor',
      );
      await vscode.commands.executeCommand('undo');
      await untilText(editor.document, (t) => t === SPEC_KIT, 'the plan as it was');
    });

    test('Kiro tasks.md: the next number, and a Requirements line whose choice VS Code fills with the first criterion', async () => {
      const editor = await open('kiro', { 'tasks.md': KIRO, 'requirements.md': KIRO_REQUIREMENTS });
      assert.ok(await api.whenAnalyzed(editor.document), 'the task list is a plan');
      const [item] = await taskItems(editor, 5);
      assert.equal((item.insertText as vscode.SnippetString).value, '- [ ] 2. $1\n  - _Requirements: ${2|1.1,1.2|}_$0');
      editor.selection = new vscode.Selection(5, 2, 5, 2);
      await editor.insertSnippet(item.insertText as vscode.SnippetString, item.range as vscode.Range);
      await untilText(editor.document, (t) => t.includes('- [ ] 2. \n  - _Requirements: 1.1_'), 'the new task');
    });
  });
}
