import type { GraphNode, NodeState, PlanGraph } from './graph';

// The task graph as plain JSON, the one shape `planmark graph --format json`,
// the Plan Graph view and agents read. Tasks are named by their `id` (the
// task's own id, else `L` and its line); lines are 1-based.

export interface PlanGraphJson {
  nodes: Array<{
    id: string;
    title: string;
    line: number;
    state: NodeState;
    /** Null when the task has no (readable) estimate. */
    estimateHours: number | null;
    /** 1-based; null in or after a dependency cycle. */
    wave: number | null;
  }>;
  /** `from` comes first: `to` depends on it. `kind`: stated by the task, or implied by phase order. */
  edges: Array<{ from: string; to: string; kind: 'dependency' | 'phase' }>;
  /** `waves[i]`: the ids of wave i + 1. */
  waves: string[][];
  criticalPath: string[];
  criticalPathHours: number;
  ready: string[];
  blocked: Array<{ id: string; by: string[] }>;
  /** Unfinished tasks without an estimate (counted as 0 hours). */
  unestimated: string[];
  /** Tasks free to run at once that name the same file. */
  conflicts: Array<{ file: string; tasks: [string, string]; reason: 'parallel' | 'wave' }>;
}

export function planGraphJson(graph: PlanGraph): PlanGraphJson {
  const id = (node: GraphNode) => node.key;
  return {
    nodes: graph.nodes.map((node) => ({
      id: node.key,
      title: node.title,
      line: node.line,
      state: node.state,
      estimateHours: node.estimateHours ?? null,
      wave: node.wave ?? null,
    })),
    edges: graph.edges.map((e) => ({ from: e.from.key, to: e.to.key, kind: e.kind })),
    waves: graph.waves.map((wave) => wave.map(id)),
    criticalPath: graph.criticalPath.map(id),
    criticalPathHours: round(graph.criticalPathHours),
    ready: graph.ready.map(id),
    blocked: graph.blocked.map((node) => ({ id: node.key, by: node.blockedBy.map(id) })),
    unestimated: graph.unestimated.map(id),
    conflicts: graph.conflicts.map((c) => ({
      file: c.file,
      tasks: [c.tasks[0].key, c.tasks[1].key],
      reason: c.reason,
    })),
  };
}

/** Sums of floating-point hours (0.1 + 0.2) print as people wrote them. */
function round(hours: number): number {
  return Math.round(hours * 100) / 100;
}
