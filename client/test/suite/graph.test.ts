// The dependency graph in a real VS Code: the Plan Graph webview (its DOM read
// back from the page: one node per task, the edges, the critical path, wave
// columns; it follows edits; a click reveals the line; arrows move the focus),
// the Ready / Blocked inlay hints, and the Plan view's marks.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PlanmarkApi } from '../../src/extension';
import type { GraphSnapshot } from '../../src/graph/graphPanel';
import type { PlanGraphView } from '../../../server/src/protocol';
import { activateApi, closeAll, openFresh, readText, waitFor } from './helpers';

export default function registerGraphSuite(): void {
  suite('planmark dependency graph in VS Code', () => {
    let api: PlanmarkApi;
    let specKit: string;

    suiteSetup(async () => {
      api = await activateApi();
      const root = vscode.extensions.getExtension('planmark.planmark')!.extensionPath;
      specKit = await readText(root, 'test-fixtures/graph/spec-kit.md');
    });

    teardown(closeAll);

    /** Waits until the panel has drawn a graph that passes `check`, then reads the page's DOM. */
    async function drawn(check: (g: PlanGraphView) => boolean): Promise<GraphSnapshot> {
      let last: PlanGraphView | null = null;
      const sub = api.views.graph.onDidDraw((g) => (last = g));
      try {
        await waitFor('the graph to be drawn', () => (last && check(last) ? true : undefined), [
          api.views.graph.onDidDraw,
        ]);
      } finally {
        sub.dispose();
      }
      return api.views.graph.snapshot();
    }

    test('Plan: Show Graph draws one node per task in wave columns, the edges and the critical path', async () => {
      const editor = await openFresh(specKit, 'graph');
      const outline = await api.whenAnalyzed(editor.document);
      assert.ok(outline);
      const pending = drawn((g) => g.nodes.length === 9);
      await vscode.commands.executeCommand('planmark.showGraph');
      const dom = await pending;
      assert.equal(dom.nodes.length, 9);
      assert.deepEqual(
        new Set(dom.nodes.map((n) => n.id)),
        new Set(['T001', 'T002', 'T009', 'T003', 'T004', 'T005', 'T006', 'T007', 'T008']),
      );
      assert.deepEqual(Object.fromEntries(dom.nodes.map((n) => [n.id, n.state])), {
        T001: 'done',
        T002: 'open',
        T009: 'open',
        T003: 'blocked',
        T004: 'blocked',
        T005: 'blocked',
        T006: 'blocked',
        T007: 'blocked',
        T008: 'blocked',
      });
      assert.deepEqual(
        dom.nodes
          .filter((n) => n.critical)
          .map((n) => n.id)
          .sort(),
        ['T002', 'T003', 'T004', 'T005', 'T006', 'T008'],
      );
      assert.deepEqual(dom.edges.map((e) => `${e.from}>${e.to}${e.critical ? '!' : ''}`).sort(), [
        'T003>T004!',
        'T005>T006!',
      ]);
      assert.deepEqual(dom.columns, ['Wave 1', 'Wave 2', 'Wave 3', 'Wave 4', 'Wave 5', 'Wave 6']);
      assert.ok(dom.nodes.every((n) => n.focusable && n.label && n.label.startsWith(n.id)));
      assert.match(dom.nodes.find((n) => n.id === 'T003')!.label!, /blocked by T002, T009, wave 2/);
    });

    test('the graph follows edits, a click reveals the task, arrows move between waves', async () => {
      const editor = await openFresh(specKit, 'graph-edit');
      await api.whenAnalyzed(editor.document);
      const first = drawn((g) => g.nodes.length === 9);
      await vscode.commands.executeCommand('planmark.showGraph', editor.document.uri);
      const before = await first;
      // Tick T002 and T009: Setup is done, so T003 becomes ready.
      const after = drawn((g) => g.ready.includes('T003'));
      await editor.edit((b) => {
        for (const id of ['T002', 'T009']) {
          const line = editor.document
            .getText()
            .split('\n')
            .findIndex((l) => l.includes(`] ${id} `));
          b.replace(new vscode.Range(line, 3, line, 4), 'x');
        }
      });
      const dom = await after;
      assert.equal(dom.nodes.find((n) => n.id === 'T003')!.state, 'open');
      // Ticking moves no task: the page redrew with the layout it had.
      assert.equal(dom.layouts, before.layouts);
      assert.equal(dom.nodes.find((n) => n.id === 'T002')!.state, 'done');

      await api.views.graph.act({ type: 'click', id: 'T004' });
      const t004 = editor.document
        .getText()
        .split('\n')
        .findIndex((l) => l.includes('] T004 '));
      await waitFor(
        'the click to reveal T004',
        () => (vscode.window.activeTextEditor?.selection.active.line === t004 ? true : undefined),
        [vscode.window.onDidChangeTextEditorSelection, vscode.window.onDidChangeActiveTextEditor],
      );

      // Keyboard: the first arrow focuses the first task; right moves to the next wave.
      await api.views.graph.act({ type: 'key', key: 'ArrowDown' });
      await api.views.graph.act({ type: 'key', key: 'ArrowRight' });
      const focused = (await api.views.graph.snapshot()).focused;
      assert.equal(focused, 'T003');
    });

    test('a 500-task plan: every task drawn and reachable by keyboard, zoom keys zoom, 0 fits it again', async () => {
      const editor = await openFresh(largeTaskList(500), 'graph-500');
      await api.whenAnalyzed(editor.document);
      const pending = drawn((g) => g.nodes.length === 500);
      await vscode.commands.executeCommand('planmark.showGraph', editor.document.uri);
      const dom = await pending;
      assert.equal(dom.nodes.length, 500);
      assert.ok(dom.nodes.every((n) => n.focusable && n.label?.startsWith(n.id)));
      assert.ok(dom.edges.length > 400, `${dom.edges.length} edges drawn`);
      const fitted = dom.scale;
      await api.views.graph.act({ type: 'key', key: '-' });
      const smaller = (await api.views.graph.snapshot()).scale;
      assert.ok(smaller < fitted, `zoomed out from ${fitted} to ${smaller}`);
      await api.views.graph.act({ type: 'key', key: '0' });
      assert.equal((await api.views.graph.snapshot()).scale, fitted);
      // Measured, never asserted: how long the page took to lay the graph out.
      console.log(
        `      500 tasks: layout ${dom.layoutMs.toFixed(0)} ms in the page, ${dom.edges.length} edges, fitted scale ${fitted.toFixed(2)} in ${dom.stage.width}×${dom.stage.height}`,
      );
    });

    test('open tasks say Ready or Blocked by … as inlay hints, and the Plan view marks them', async () => {
      const editor = await openFresh(specKit, 'graph-hints');
      await api.whenAnalyzed(editor.document);
      const doc = editor.document;
      const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>(
        'vscode.executeInlayHintProvider',
        doc.uri,
        new vscode.Range(0, 0, doc.lineCount, 0),
      );
      const text = (h: vscode.InlayHint) =>
        typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('');
      const byLine = new Map(hints.map((h) => [doc.lineAt(h.position.line).text.match(/T\d{3}/)?.[0], text(h)]));
      assert.equal(byLine.get('T002'), 'Ready');
      assert.equal(byLine.get('T004'), 'Blocked by T003, Phase 1: Setup (2 open)');
      assert.equal(byLine.has('T001'), false, 'a done task has no hint');
      const tasks = await waitFor(
        'the Plan view to show the plan',
        () => {
          const items = api.views.tree
            .getChildren()
            .flatMap((s) => api.views.tree.getChildren(s))
            .map((n) => api.views.tree.getTreeItem(n));
          return items.some((i) => typeof i.description === 'string' && i.description.includes('ready'))
            ? items
            : undefined;
        },
        [api.views.tree.onDidChangeTreeData],
      );
      const label = (i: vscode.TreeItem) => (typeof i.label === 'string' ? i.label : (i.label?.label ?? ''));
      const described = tasks.map((i) => `${label(i)} | ${String(i.description)}`);
      assert.ok(
        described.some((d) => /^T002 .* \| .*ready$/.test(d)),
        described.join('\n'),
      );
      assert.ok(
        described.some((d) => /^T003 .* \| .*blocked by T002, T009$/.test(d)),
        described.join('\n'),
      );
    });
  });
}

/** A spec-kit-shaped task list: phases of 25 tasks, most depending on a recent task, some on one far back. */
function largeTaskList(tasks: number): string {
  const id = (n: number) => `T${String(n).padStart(3, '0')}`;
  const lines = ['# Tasks: Large plan', ''];
  for (let t = 1; t <= tasks; t++) {
    if ((t - 1) % 25 === 0) lines.push('', `## Phase ${(t - 1) / 25 + 1}: Stage ${(t - 1) / 25 + 1}`, '');
    const deps = t > 1 ? [id(Math.max(1, t - 1 - (t % 7))), ...(t % 11 === 0 ? [id(Math.max(1, t - 60))] : [])] : [];
    const after = deps.length > 0 ? ` (depends on ${[...new Set(deps)].join(', ')})` : '';
    lines.push(`- [${t % 5 === 0 ? 'x' : ' '}] ${id(t)} Build part ${t} in \`src/part${t}.ts\`${after}`);
  }
  return lines.join('\n') + '\n';
}
