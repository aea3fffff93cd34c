import type { CodeLens, InlayHint } from 'vscode-languageserver';
import { nodeName as name, type GraphNode } from '../engine';
import { modelled, taskLine, type ModelledDocument, type PlanDocument } from './document';

// On each unfinished task, whether it can start: "Ready", or "Blocked by T012,
// T013" (and the phase it waits for, under phase order). An inlay hint at the
// end of the task's line or a lens above it, per `planmark.taskReadiness`; only
// in plans that state dependencies or order their phases (elsewhere every task
// would say "Ready", which tells nothing).

const SHOWN = 3;

export function readinessHints(doc: PlanDocument): InlayHint[] {
  const m = modelled(doc);
  if (!m || m.engine.config.taskReadiness !== 'inlayHint') return [];
  return marks(m).map(({ node, text }) => ({
    position: m.analysis.lines.position(taskLine(m, node.task).end),
    label: text,
    paddingLeft: true,
    tooltip: tooltip(node),
  }));
}

export function readinessLenses(doc: PlanDocument): CodeLens[] {
  const m = modelled(doc);
  if (!m || m.engine.config.taskReadiness !== 'codeLens') return [];
  return marks(m).map(({ node, text }) => ({
    range: m.analysis.lines.range(taskLine(m, node.task)),
    command: { title: text, command: '' },
  }));
}

function marks(m: ModelledDocument): Array<{ node: GraphNode; text: string }> {
  const graph = m.analysis.graph;
  if (!graph?.hasDependencies) return [];
  const out: Array<{ node: GraphNode; text: string }> = [];
  for (const node of graph.nodes) {
    const text = readiness(node);
    if (text) out.push({ node, text });
  }
  return out;
}

/** "Ready", "Blocked by T012, T013", "Blocked by Phase 2: Foundational (3 open)"; none for done or started-and-free tasks. */
export function readiness(node: GraphNode): string | undefined {
  if (node.state === 'done') return undefined;
  if (node.blockedBy.length === 0) return node.state === 'open' ? 'Ready' : undefined;
  const stated = node.blockedBy.filter((b) => node.dependsOn.includes(b));
  const parts = stated.slice(0, SHOWN).map(name);
  if (stated.length > SHOWN) parts.push(`+${stated.length - SHOWN} more`);
  const byPhase = node.blockedBy.length - stated.length;
  if (byPhase > 0) {
    const phases = node.afterPhases.map((p) => p.heading.text);
    const phase = phases.length === 1 ? phases[0] : `${phases.length} phases`;
    parts.push(`${phase} (${byPhase} open)`);
  }
  return `Blocked by ${parts.join(', ')}`;
}

function tooltip(node: GraphNode): string | undefined {
  if (node.blockedBy.length === 0) return 'Every task it depends on is done.';
  return `Waiting for:\n${node.blockedBy.map((b) => `- ${name(b)}: ${b.title}`).join('\n')}`;
}
