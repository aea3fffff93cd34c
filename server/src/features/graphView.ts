import { planGraphJson, type GraphNode, type Section } from '../engine';
import type { PlanGraphView } from '../protocol';
import { modelled, type PlanDocument } from './document';

// The Plan Graph view's data: the engine's graph as JSON (the same shape as
// `planmark graph --format json`), with the plan's title and its phases.

export function graphView(doc: PlanDocument): PlanGraphView | null {
  const m = modelled(doc);
  const graph = m?.analysis.graph;
  if (!m || !graph) return null;
  const phases = new Map<Section, GraphNode[]>();
  for (const node of graph.nodes) {
    const phase = node.task.phase;
    if (phase) (phases.get(phase) ?? phases.set(phase, []).get(phase)!).push(node);
  }
  return {
    ...planGraphJson(graph),
    title: m.model.title?.text,
    phaseOrder: graph.phaseOrder,
    phases: [...phases].map(([phase, nodes]) => ({
      title: phase.heading.text,
      line: m.analysis.lines.position(phase.heading.start).line + 1,
      tasks: nodes.map((n) => n.key),
    })),
  };
}
