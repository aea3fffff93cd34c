// The extension in a real VS Code: diagnostics, quick fixes, the Plan view, the status
// bar, snippets, the grammar and every command, each awaited through events.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient';
import { freePlanName } from '../../src/commands';
import type { PlanmarkApi } from '../../src/extension';
import type { PlanNode, TaskNode } from '../../src/planTree';
import { formatHours, type Outline, type OutlineSection, type OutlineTask } from '../../../server/src/protocol';
import {
  activateApi,
  closeAll,
  diagnosticsOf,
  EXTENSION_ID,
  notes,
  openFresh,
  readText,
  ruleOf,
  untilText,
  waitFor,
} from './helpers';

export default function registerSuite(): void {
  suite('planmark in VS Code', () => {
    let api: PlanmarkApi;
    let root: string;
    let sample: string;
    let template: string;

    suiteSetup(async () => {
      const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
      root = extension.extensionPath;
      api = await activateApi();
      sample = await readText(root, 'test-fixtures/sample/plan.md');
      template = await readText(root, 'server/templates/implementation-plan.md');
      notes.push(
        `activation: activate() returned in ${api.timings.activateMs} ms; the language server ran ${api.timings.serverStartMs} ms after activate() began`,
      );
    });

    teardown(closeAll);

    /** The outline of the editor's current version, once analyzed, and the tree showing it. */
    async function shown(editor: vscode.TextEditor): Promise<Outline> {
      const outline = await api.whenAnalyzed(editor.document);
      assert.ok(outline, 'the document is a plan');
      const { tree } = api.views;
      await waitFor(
        'the Plan view to show the document',
        () =>
          tree.uri?.toString() === editor.document.uri.toString() && tree.getChildren().length > 0 ? true : undefined,
        [tree.onDidChangeTreeData],
      );
      return outline;
    }

    function taskNodes(): TaskNode[] {
      return api.views.tree.all().filter((n): n is TaskNode => n.kind === 'task');
    }

    test('activates lazily and quickly, and returns the API', () => {
      const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON;
      assert.ok(!manifest.activationEvents.includes('*'), 'no eager activation');
      assert.ok(manifest.activationEvents.includes('onLanguage:markdown'));
      assert.equal(api.client.isRunning(), true);
      // Its time is reported, not asserted: no test asserts a wall-clock time (a busy machine is not a bug).
      console.log(`activate() took ${api.timings.activateMs.toFixed(0)} ms`);
    });

    // The template is analyzed on the server's main thread; the real plan (41 KB, over 16 KB unparsed) is
    // parsed in its worker thread first (server/src/node/offThreadParser.ts).
    for (const [name, file, minimum] of [
      ['the template', 'server/templates/implementation-plan.md', 100],
      // A plan in the reference format (so it has findings to compare) and over the 16 KB that goes to the parse worker.
      // (Plan 06 has no findings since its own structure is no longer held to the template's sections.)
      ['a 41 KB real plan', '../shared/corpus/real/04-universal-user-experience-system-implementation-plan.md', 1],
    ] as const) {
      test(`diagnostics for ${name} equal the CLI's findings for it`, async () => {
        const editor = await openFresh(await readText(root, file), 'cli');
        const doc = editor.document;
        // The final findings, not the interim "skipped" notice a busy machine may publish first (its
        // code is an object with a docs link, so it is compared by rule id).
        const diagnostics = await diagnosticsOf(
          api,
          doc,
          (d) => d.length > 0 && d.every((x) => ruleOf(x) !== 'validation-skipped'),
        );
        const cli = spawnSync(
          process.execPath,
          [join(root, 'dist', 'cli.js'), 'check', '--format', 'json', doc.uri.fsPath],
          {
            cwd: vscode.workspace.getWorkspaceFolder(doc.uri)!.uri.fsPath,
            encoding: 'utf8',
          },
        );
        assert.ok(cli.stdout, `the CLI printed nothing: ${cli.stderr}`);
        const severities = ['error', 'warning', 'information', 'hint'];
        const fromCli = (
          JSON.parse(cli.stdout) as {
            line: number;
            column: number;
            endLine: number;
            endColumn: number;
            severity: string;
            rule: string;
            message: string;
          }[]
        )
          .map(
            (f) =>
              `${f.line - 1}:${f.column - 1}-${f.endLine - 1}:${f.endColumn - 1} ${f.severity} ${f.rule} ${f.message}`,
          )
          .sort();
        const fromEditor = diagnostics
          .map(
            (d) =>
              `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${severities[d.severity]} ${ruleOf(d)} ${d.message}`,
          )
          .sort();
        assert.ok(fromCli.length >= minimum, `${name} has findings (${fromCli.length})`);
        assert.deepEqual(fromEditor, fromCli);
      });
    }

    test('a quick fix applies', async () => {
      const editor = await openFresh(template, 'quickfix');
      const doc = editor.document;
      const diagnostics = await diagnosticsOf(api, doc);
      const date = diagnostics.find((d) => d.message.includes('[DATE]'));
      assert.ok(date, 'a diagnostic for [DATE]');
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        doc.uri,
        date.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      const fix = actions.find((a) => /\[DATE\]/.test(a.title));
      assert.ok(fix?.edit, `a quick fix for [DATE] among ${actions.map((a) => a.title).join(', ')}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      const line = doc.lineAt(date.range.start.line).text;
      assert.match(line, /^\*\*Created\*\*: \d{4}-\d{2}-\d{2}$/);
      await diagnosticsOf(api, doc, (d) => d.length > 0 && !d.some((x) => x.message.includes('[DATE]')));
    });

    test("the Plan view's items match the outline", async () => {
      const editor = await openFresh(sample, 'tree');
      const outline = await shown(editor);
      const { tree } = api.views;
      const check = (nodes: PlanNode[], sections: OutlineSection[], tasks: OutlineTask[]) => {
        const sectionNodes = nodes.filter((n) => n.kind === 'section');
        const taskNodes = nodes.filter((n) => n.kind === 'task');
        assert.deepEqual(
          taskNodes.map((n) => tree.getTreeItem(n).label),
          tasks.map((t) => t.text),
        );
        assert.deepEqual(
          sectionNodes.map((n) => tree.getTreeItem(n).label),
          sections.map((s) => s.title),
        );
        taskNodes.forEach((n, i) => {
          const item = tree.getTreeItem(n);
          assert.equal(
            item.checkboxState && typeof item.checkboxState === 'object'
              ? item.checkboxState.state
              : item.checkboxState,
            tasks[i].checked ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked,
          );
          check(tree.getChildren(n), [], tasks[i].children);
        });
        sectionNodes.forEach((n, i) => {
          const s = sections[i];
          const description = tree.getTreeItem(n).description as string;
          assert.ok(description.startsWith(`${s.done}/${s.total}`), `${s.title}: ${description}`);
          if (s.estimateHours > 0) assert.ok(description.endsWith(` · ${formatHours(s.estimateHours)}`), description);
          check(tree.getChildren(n), s.children, s.tasks);
        });
      };
      check(tree.getChildren(), outline.sections, []);
      // The outline's total counts every task and subtask once: one row each.
      assert.equal(taskNodes().length, outline.total);
      assert.ok(taskNodes().length > 5);
    });

    test('ticking a task in the tree edits only its checkbox, as one undoable edit, and the status bar follows', async () => {
      const editor = await openFresh(sample, 'tick');
      const doc = editor.document;
      const before = await shown(editor);
      const { tree, status } = api.views;
      await waitFor(
        'the status bar to show the plan',
        () => (status.visible && status.item.text.includes(`${before.done}/${before.total}`) ? true : undefined),
        [api.onDidChangeOutline],
      );
      const open = taskNodes()
        .filter((n) => !n.task.checked)
        .slice(0, 2);
      assert.equal(open.length, 2);
      const textBefore = doc.getText();

      assert.ok(await tree.setChecked([[open[0], true]]));
      const after = doc.getText();
      assert.equal(after.length, textBefore.length);
      const changed = [...after].map((c, i) => (c !== textBefore[i] ? i : -1)).filter((i) => i >= 0);
      const box = open[0].task.checkboxRange.start;
      assert.deepEqual(changed, [doc.offsetAt(new vscode.Position(box.line, box.character + 1))]);
      assert.equal(after[changed[0]], 'x');

      const ticked = await api.whenAnalyzed(doc);
      assert.equal(ticked!.done, before.done + 1);
      await waitFor(
        'the status bar to count the tick',
        () =>
          status.item.text.includes(`${before.done + 1}/${before.total} · ${ticked!.percent}%`) ? true : undefined,
        [api.onDidChangeOutline],
      );
      await waitFor(
        'the tree to show the tick',
        () => (taskNodes().find((n) => n.task.checkboxRange.start.line === box.line)?.task.checked ? true : undefined),
        [tree.onDidChangeTreeData],
      );

      // Two boxes at once are still one edit: one undo puts both back.
      const [a, b] = taskNodes()
        .filter((n) => !n.task.checked)
        .slice(0, 2);
      const textTicked = doc.getText();
      assert.ok(
        await tree.setChecked([
          [a, true],
          [b, true],
        ]),
      );
      assert.notEqual(doc.getText(), textTicked);
      await vscode.commands.executeCommand('undo');
      await untilText(doc, (t) => t === textTicked, 'one undo to revert both ticks');
      await vscode.commands.executeCommand('undo');
      await untilText(doc, (t) => t === textBefore, 'the second undo to revert the first tick');
      const reverted = await api.whenAnalyzed(doc);
      assert.equal(reverted!.done, before.done);
      await waitFor(
        'the status bar to follow the undo',
        () => (status.item.text.includes(`${before.done}/${before.total}`) ? true : undefined),
        [api.onDidChangeOutline],
      );
    });

    test('the status bar shows progress (no second warning count), placeholders left, a per-phase tooltip, and hides for non-plans', async () => {
      // The template's Status is Planning: its placeholders are hints, counted by the placeholder item.
      const editor = await openFresh(template, 'status');
      const outline = await api.whenAnalyzed(editor.document);
      const diagnostics = await diagnosticsOf(api, editor.document);
      const { status } = api.views;
      const placeholders = diagnostics.filter(
        (d) => d.code === 'unfilled-placeholder' || (d.code as { value?: string })?.value === 'unfilled-placeholder',
      );
      assert.ok(placeholders.length > 20, `${placeholders.length} placeholders`);
      assert.ok(
        placeholders.every((d) => d.severity === vscode.DiagnosticSeverity.Hint),
        'placeholders are hints while Planning',
      );
      const warnings = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
      await waitFor(
        'the placeholder item to count the placeholders',
        () =>
          status.visible &&
          status.placeholderItem.text === `$(bracket-dot) ${placeholders.length} placeholders left · Ctrl+Alt+] to jump`
            ? true
            : undefined,
        [vscode.languages.onDidChangeDiagnostics, api.onDidChangeOutline],
      );
      assert.equal(status.item.text, `$(checklist) ${outline!.done}/${outline!.total} · ${outline!.percent}%`);
      assert.equal(
        status.item.accessibilityInformation?.label,
        `Plan progress: ${outline!.done} of ${outline!.total} tasks done, ${outline!.percent} percent; 0 errors, ${warnings} warning${warnings === 1 ? '' : 's'}`,
      );
      assert.deepEqual(status.placeholderItem.command, {
        command: 'planmark.nextPlaceholder',
        title: 'Go to the next placeholder',
      });
      const tooltip = (status.item.tooltip as vscode.MarkdownString).value;
      for (const s of outline!.sections) assert.ok(tooltip.includes(`| ${s.title} | ${s.done}/${s.total} |`), s.title);
      // Nothing in the template is estimated: "—", never "0h"; the open tasks are counted as unestimated.
      assert.ok(!/\| 0h \|/.test(tooltip), 'no 0h cells');
      assert.ok(
        tooltip.includes(`| **Total** | **0/${outline!.total}** | **—** | **—** | **${outline!.unestimated}** |`),
        tooltip,
      );
      assert.match(tooltip, /Every checkbox counts, including \d+ under Success Metrics, Open Questions & Decisions/);
      assert.deepEqual(status.item.command, { command: 'planmark.plan.focus', title: 'Show the Plan view' });

      // A click on the placeholder item selects the first placeholder.
      const first = placeholders.map((d) => d.range).sort((a, b) => a.start.compareTo(b.start))[0];
      editor.selection = new vscode.Selection(0, 0, 0, 0);
      await vscode.commands.executeCommand(status.placeholderItem.command.command);
      assert.ok(
        editor.selection.isEqual(new vscode.Selection(first.start, first.end)),
        'the first placeholder is selected',
      );

      const notes = await vscode.workspace.openTextDocument({
        language: 'markdown',
        content: '# Shopping list\n\n- [ ] milk\n',
      });
      await vscode.window.showTextDocument(notes);
      await waitFor(
        'the status bar to hide for a non-plan',
        () => (!status.visible && !status.placeholdersVisible ? true : undefined),
        [vscode.window.onDidChangeActiveTextEditor, api.onDidChangeOutline],
      );
      await waitFor(
        'the Plan view to empty (welcome view)',
        () => (api.views.tree.getChildren().length === 0 ? true : undefined),
        [api.views.tree.onDidChangeTreeData],
      );
    });

    test('the Plan view follows the active editor and reveals a row on click', async () => {
      const first = await openFresh(sample, 'follow-a');
      await shown(first);
      const second = await openFresh(template, 'follow-b');
      await shown(second);
      await vscode.window.showTextDocument(first.document);
      await shown(first);
      const node = taskNodes()[3];
      const item = api.views.tree.getTreeItem(node);
      await vscode.window.showTextDocument(second.document);
      await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
      const active = vscode.window.activeTextEditor!;
      assert.equal(active.document.uri.toString(), first.document.uri.toString());
      assert.equal(active.selection.active.line, node.task.range.start.line);
      const tip = api.views.tree.getTreeItem(taskNodes().find((n) => n.task.fields)!).tooltip as vscode.MarkdownString;
      assert.match(tip.value, /\| Field \| Value \|/);
    });

    test('hide completed tasks, then show them again', async () => {
      const editor = await openFresh(sample, 'hide');
      await shown(editor);
      const all = taskNodes().length;
      assert.ok(taskNodes().some((n) => n.task.checked));
      await vscode.commands.executeCommand('planmark.hideCompleted');
      assert.ok(taskNodes().every((n) => !n.task.checked || n.task.children.some((c) => !c.checked)));
      assert.ok(taskNodes().length < all);
      await vscode.commands.executeCommand('planmark.showCompleted');
      assert.equal(taskNodes().length, all);
    });

    test('`task` completion: one entry, with Tests and empty tab stops, and the server counts the task', async () => {
      const editor = await openFresh(sample, 'snippet');
      const before = await shown(editor);
      const doc = editor.document;
      const line = doc
        .getText()
        .split('\n')
        .findIndex((l) => l.startsWith('## Phase 6'));
      await editor.edit((e) => e.insert(new vscode.Position(line, 0), 'task\n\n'));
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        doc.uri,
        new vscode.Position(line, 4),
      );
      // Snippets and the server's items together: `task` must be there once.
      const tasks = list.items.filter((i) =>
        (typeof i.label === 'string' ? i.label : i.label.label).startsWith('task'),
      );
      assert.equal(tasks.length, 1, tasks.map((t) => JSON.stringify(t.label)).join(', '));
      const body = (tasks[0].insertText as vscode.SnippetString).value;
      assert.match(body, /\*\*Tests\*\*: `\$5`/);
      assert.doesNotMatch(body, /path\/to|2h/);
      editor.selection = new vscode.Selection(line, 4, line, 4);
      await editor.insertSnippet(tasks[0].insertText as vscode.SnippetString, tasks[0].range as vscode.Range);
      await untilText(doc, (t) => t.includes('- [ ] **Task**: title'), 'the task block');
      const after = await api.whenAnalyzed(doc);
      assert.equal(after!.total, before.total + 1);
      assert.equal(after!.unestimated, before.unestimated + 1, 'an empty estimate counts as unestimated');
    });

    test("the grammar marks placeholders, field labels, estimates and task ids on top of Markdown's own scopes", async function () {
      // VS Code's own TextMate engine and Markdown grammar, from the running VS Code.
      const appRoot = vscode.env.appRoot;
      // Typed loosely: vscode-textmate and vscode-oniguruma ship with VS Code, not with this project.
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      let textmate: any;
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      let onig: any;
      let wasm: Buffer | undefined;
      for (const modules of ['node_modules', 'node_modules.asar']) {
        try {
          const load = createRequire(join(appRoot, modules, 'package.json'));
          textmate = load(join(appRoot, modules, 'vscode-textmate'));
          onig = load(join(appRoot, modules, 'vscode-oniguruma'));
          wasm = readFileSync(join(appRoot, modules, 'vscode-oniguruma', 'release', 'onig.wasm'));
          break;
        } catch {
          textmate = undefined;
        }
      }
      if (!textmate || !onig || !wasm) return this.skip();
      await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
      const grammars: Record<string, string> = {
        'text.html.markdown': join(appRoot, 'extensions', 'markdown-basics', 'syntaxes', 'markdown.tmLanguage.json'),
        'planmark.injection': join(root, 'syntaxes', 'planmark.injection.tmLanguage.json'),
      };
      const registry = new textmate.Registry({
        onigLib: Promise.resolve({
          createOnigScanner: (p: string[]) => new onig.OnigScanner(p),
          createOnigString: (t: string) => new onig.OnigString(t),
        }),
        loadGrammar: async (scope: string) =>
          grammars[scope] ? textmate.parseRawGrammar(readFileSync(grammars[scope], 'utf8'), grammars[scope]) : null,
        getInjections: (scope: string) => (scope === 'text.html.markdown' ? ['planmark.injection'] : undefined),
      });
      const grammar = await registry.loadGrammar('text.html.markdown');
      const lines = [
        '# [FEATURE_NAME] - Implementation Plan',
        '',
        '- [ ] T001 **Task**: Build it, see [the docs](https://example.com)',
        '  - **Estimate**: 4h',
        '',
        '```ts',
        'const a = [FEATURE_NAME];',
        '```',
      ];
      let stack = textmate.INITIAL;
      const tokens: { text: string; scopes: string }[] = [];
      for (const line of lines) {
        const r = grammar.tokenizeLine(line, stack);
        for (const t of r.tokens as { startIndex: number; endIndex: number; scopes: string[] }[])
          tokens.push({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes.join(' ') });
        stack = r.ruleStack;
      }
      const scopesOf = (text: string, nth = 0) => tokens.filter((t) => t.text === text)[nth]?.scopes ?? '';
      assert.match(scopesOf('FEATURE_NAME'), /variable\.other\.placeholder\.planmark/);
      assert.match(scopesOf('FEATURE_NAME'), /markup\.heading/, "Markdown's heading scope stays");
      assert.match(scopesOf('Task'), /support\.type\.property-name\.field\.planmark/);
      assert.match(scopesOf('Estimate'), /markup\.bold\.markdown/);
      assert.match(scopesOf('4h'), /constant\.numeric\.estimate\.planmark/);
      assert.match(scopesOf('T001'), /constant\.language\.task-id\.planmark/);
      assert.match(scopesOf('the docs'), /string\.other\.link/, 'links are left to Markdown');
      assert.doesNotMatch(scopesOf('the docs'), /placeholder/);
      assert.doesNotMatch(
        tokens
          .filter((t) => t.scopes.includes('markup.fenced_code'))
          .map((t) => t.scopes)
          .join('\n'),
        /planmark/,
        'code blocks are left alone',
      );
    });

    suite('commands', () => {
      test('New Plan from Template: fills [DATE], selects every [FEATURE_NAME]', async () => {
        const folder = vscode.workspace.workspaceFolders![0].uri;
        const target = vscode.Uri.joinPath(folder, 'scratch', `new-${Date.now()}-plan.md`);
        const editor = await vscode.commands.executeCommand<vscode.TextEditor>('planmark.newPlan', target);
        assert.equal(editor.document.uri.toString(), target.toString());
        const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
        assert.ok(!onDisk.includes('[DATE]'));
        assert.match(onDisk, /\*\*Created\*\*: \d{4}-\d{2}-\d{2}\n/);
        assert.deepEqual(
          editor.selections.map((s) => editor.document.getText(s)),
          ['[FEATURE_NAME]', '[FEATURE_NAME]'],
        );
        assert.equal(editor.selection.start.line, 0);
        await editor.edit((e) => editor.selections.forEach((s) => e.replace(s, 'Login')));
        assert.match(editor.document.getText(), /^# Login - Implementation Plan\n\n\*\*Feature\*\*: Login\n/);
      });

      test('Toggle Task ticks and unticks the task under the cursor', async () => {
        const editor = await openFresh(sample, 'toggle');
        const outline = await shown(editor);
        const task = outline.sections.flatMap((s) => s.children.flatMap((c) => c.tasks)).find((t) => !t.checked)!;
        const line = task.checkboxRange.start.line;
        editor.selection = new vscode.Selection(line, 10, line, 10);
        await vscode.commands.executeCommand('planmark.toggleTask');
        await untilText(editor.document, () => editor.document.lineAt(line).text.includes('[x]'), 'the tick');
        await api.whenAnalyzed(editor.document);
        await vscode.commands.executeCommand('planmark.toggleTask');
        await untilText(editor.document, () => editor.document.lineAt(line).text.includes('[ ]'), 'the untick');
        const keybinding = vscode.extensions
          .getExtension(EXTENSION_ID)!
          .packageJSON.contributes.keybindings.find((k: { command: string }) => k.command === 'planmark.toggleTask');
        assert.match(keybinding.when, /planmark\.isPlan/);
      });

      test('Next / Previous Placeholder select the placeholders planmark reports', async () => {
        const editor = await openFresh(template, 'placeholders');
        const diagnostics = await diagnosticsOf(api, editor.document);
        const ranges = diagnostics
          .filter((d) => ruleOf(d) === 'unfilled-placeholder')
          .map((d) => d.range)
          .sort((a, b) => a.start.compareTo(b.start));
        editor.selection = new vscode.Selection(0, 0, 0, 0);
        await vscode.commands.executeCommand('planmark.nextPlaceholder');
        assert.ok(
          editor.selection.isEqual(ranges[0]) ||
            (ranges[0].start.isEqual(new vscode.Position(0, 0)) && editor.selection.isEqual(ranges[1])),
          `selected ${editor.document.getText(editor.selection)}`,
        );
        const first = editor.selection;
        await vscode.commands.executeCommand('planmark.nextPlaceholder');
        assert.ok(editor.selection.start.isAfter(first.start));
        await vscode.commands.executeCommand('planmark.previousPlaceholder');
        assert.ok(editor.selection.isEqual(first));
        editor.selection = new vscode.Selection(0, 0, 0, 0);
        await vscode.commands.executeCommand('planmark.previousPlaceholder');
        assert.ok(editor.selection.isEqual(ranges[ranges.length - 1]), 'wraps to the last');
        assert.match(editor.document.getText(editor.selection), /^\[.*\]$/);
      });

      test('Insert Task Block inserts a block below the current line', async () => {
        const editor = await openFresh(sample, 'insert');
        await shown(editor);
        const line = editor.document
          .getText()
          .split('\n')
          .findIndex((l) => l.startsWith('- [x]'));
        editor.selection = new vscode.Selection(line, 3, line, 3);
        await vscode.commands.executeCommand('planmark.insertTaskBlock');
        await untilText(editor.document, (t) => t.includes('**Task**: title'), 'the task block');
        assert.equal(editor.document.lineAt(line + 1).text, '- [ ] **Task**: title');
        assert.equal(editor.document.lineAt(line + 5).text, '  - **Tests**: ``');
        assert.equal(editor.document.getText(editor.selection), 'title', 'the first tab stop is selected');
      });

      test('Fix All applies the source.fixAll.planmark action', async () => {
        const editor = await openFresh(
          template.replace('# [FEATURE_NAME] - Implementation Plan', '# Login - Implementation Plan'),
          'fixall',
        );
        await diagnosticsOf(api, editor.document);
        assert.ok(editor.document.getText().includes('[DATE]'));
        assert.equal(await vscode.commands.executeCommand('planmark.fixAll'), true);
        const text = editor.document.getText();
        assert.ok(!text.includes('**Created**: [DATE]'), 'the date is filled');
        assert.match(text, /\*\*Feature\*\*: Login\n/);
        await diagnosticsOf(
          api,
          editor.document,
          (d) => d.length > 0 && !d.some((x) => /\[DATE\]|\[FEATURE_NAME\]/.test(x.message)),
        );
      });

      test('Show Output shows the planmark output', async () => {
        await vscode.commands.executeCommand('planmark.showOutput');
        await waitFor(
          'an output editor',
          () => (vscode.window.visibleTextEditors.some((e) => e.document.uri.scheme === 'output') ? true : undefined),
          [vscode.window.onDidChangeVisibleTextEditors],
          10_000,
        );
        await vscode.commands.executeCommand('workbench.action.closePanel');
      });

      test('the Plan view stops saying "Loading…" once the server runs and knows the active editor', async () => {
        await api.ready;
        // Loading ends after the active editor's outline arrived: await that, not the outline event.
        await api.whenLoaded;
        assert.equal(api.loading(), false);
      });

      test('New Plan proposes a file name that is free', async () => {
        const folder = vscode.Uri.file(mkdtempSync(join(tmpdir(), 'planmark-free-')));
        assert.equal(await freePlanName(folder), 'feature-plan.md');
        await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'feature-plan.md'), new Uint8Array());
        assert.equal(await freePlanName(folder), 'feature-2-plan.md');
      });

      test('Restart Server restarts the client and the views refill', async () => {
        const editor = await openFresh(sample, 'restart');
        await shown(editor);
        const stopped = new Promise<void>((resolve) => {
          const sub = api.client.onDidChangeState((e) => {
            if (e.newState === State.Stopped) {
              sub.dispose();
              resolve();
            }
          });
        });
        // Everything the client logs during a normal restart (every line goes through
        // logOutputMessage, with its level's name): nothing may be an error.
        const client = api.client as unknown as {
          logOutputMessage(type: unknown, reveal: unknown, name: string, message: string, ...rest: unknown[]): void;
        };
        const log = client.logOutputMessage;
        const logged: string[] = [];
        const lineLogged = new vscode.EventEmitter<void>();
        client.logOutputMessage = function (type, reveal, name, message, ...rest) {
          logged.push(`[${name}] ${message}`);
          lineLogged.fire();
          log.call(this, type, reveal, name, message, ...rest);
        };
        try {
          await vscode.commands.executeCommand('planmark.restartServer');
          await stopped;
          assert.equal(api.client.isRunning(), true);
          // The old process's exit is logged when it ends, possibly after the restart returned.
          const exit = await waitFor(
            'the old server process to exit',
            () => logged.find((l) => /Server process exited/.test(l)),
            [lineLogged.event],
          );
          assert.match(exit, /^\[Info\] Server process exited with code 0/, exit);
          assert.deepEqual(
            logged.filter((l) => /^\[Error/.test(l)),
            [],
            'no error is logged by a normal restart',
          );
        } finally {
          client.logOutputMessage = log;
          lineLogged.dispose();
        }
        await editor.edit((e) => e.insert(new vscode.Position(editor.document.lineCount, 0), '\n'));
        const outline = await api.whenAnalyzed(editor.document);
        assert.ok(outline && outline.total > 0);
      });
    });
  });
}
