import type { CodeLens } from 'vscode-languageserver';
import { startTaskPrompt } from '../agents/planTools';
import { modelled, taskLine, type PlanDocument } from './document';

// "Start task" above the tasks an agent (or a person) can take up now: the ready
// tasks of a plan that states dependencies or orders its phases, else the first
// open task (where every open task is "ready", a lens on each would say nothing).
// The command (client: planmark.startTask) opens chat with the task's context, or
// copies it where there is no chat. Served by the language server, so no other
// Markdown extension's lenses can hide it. Shown with `planmark.codeLens`.

export const START_TASK_COMMAND = 'planmark.startTask';

export function startTaskLenses(doc: PlanDocument, path: string): CodeLens[] {
  const m = modelled(doc);
  const graph = m?.analysis.graph;
  if (!m || !graph || !m.engine.config.codeLens) return [];
  const ready = graph.hasDependencies ? graph.ready : graph.nodes.filter((n) => n.state === 'open').slice(0, 1);
  return ready.map((node) => ({
    range: m.analysis.lines.range(taskLine(m, node.task)),
    command: {
      title: '$(play) Start task',
      command: START_TASK_COMMAND,
      arguments: [{ uri: doc.uri, line: node.line, prompt: startTaskPrompt(path, { analysis: m.analysis }, node) }],
    },
  }));
}
