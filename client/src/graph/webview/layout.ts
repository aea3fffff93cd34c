// Where each task of the Plan Graph goes: wave columns from left to right, dagre (a
// layout library) ordering the tasks within a column so edges cross as little as
// possible. No DOM here, so the benchmark can time the layout of a large plan in Node.
import { graphlib, layout } from '@dagrejs/dagre';
import type { PlanGraphView } from '../../../../server/src/protocol';

export const NODE_W = 220;
export const NODE_H = 52;
/** dagre doubles every edge's length internally (room for edge labels), so ranks given to it are doubled too. */
const RANK_STEP = 2;
/** How many hidden routing nodes dagre may add for edges that skip waves (see below). */
const ROUTING_BUDGET = 300;

export interface GraphLayout {
  width: number;
  height: number;
  /** Centre of each task's box and its wave column (tasks in a cycle get the column after the last wave). */
  nodes: Map<string, { x: number; y: number; wave: number }>;
  /** The dependency edges drawn (those that run forward between waves), with their bend points. */
  edges: Array<{ from: string; to: string; points: Array<{ x: number; y: number }> }>;
  /** The x of each wave column's centre. */
  columns: Map<number, number>;
}

/**
 * What a layout depends on: the tasks, their waves and the dependency edges. Titles, states and
 * estimates do not move anything (boxes have one size), so an edit that changes only those can
 * reuse the last layout.
 */
export function layoutKey(g: PlanGraphView): string {
  const nodes = g.nodes.map((n) => `${n.id}@${n.wave ?? ''}`).join(',');
  const edges = g.edges
    .filter((e) => e.kind === 'dependency')
    .map((e) => `${e.from}>${e.to}`)
    .join(',');
  return `${nodes}|${edges}`;
}

export function layoutGraph(g: PlanGraphView): GraphLayout {
  const waves = g.waves.length;
  const waveOf = new Map(g.nodes.map((n) => [n.id, n.wave ?? waves + 1]));
  const dag = new graphlib.Graph();
  // The waves are the ranks, already computed by the engine: dagre's own ranking is skipped
  // (ranker "none" takes each node's `rank`), which also spares it the long dummy chains that
  // pinning ranks with edges from a hidden root would cost.
  dag.setGraph({ rankdir: 'LR', nodesep: 14, ranksep: 70, marginx: 16, marginy: 40, ranker: 'none' });
  dag.setDefaultEdgeLabel(() => ({}));
  for (const n of g.nodes) dag.setNode(n.id, { width: NODE_W, height: NODE_H, rank: RANK_STEP * waveOf.get(n.id)! });
  const span = (e: { from: string; to: string }) => waveOf.get(e.to)! - waveOf.get(e.from)!;
  const drawn = g.edges.filter((e) => e.kind === 'dependency' && span(e) > 0);
  // dagre routes an edge across k waves through k - 1 hidden nodes, and its ordering time grows
  // with them: a 500-task plan with dependencies reaching far back has thousands. Edges are routed
  // shortest first while the budget lasts; longer ones are drawn straight from task to task.
  const routed = new Set<(typeof drawn)[number]>();
  let budget = ROUTING_BUDGET;
  for (const e of [...drawn].sort((a, b) => span(a) - span(b))) {
    if (span(e) - 1 > budget) break;
    budget -= span(e) - 1;
    routed.add(e);
    dag.setEdge(e.from, e.to, { minlen: span(e), weight: 1 });
  }
  layout(dag);

  const size = dag.graph() as { width?: number; height?: number };
  const nodes = new Map<string, { x: number; y: number; wave: number }>();
  const columns = new Map<number, number>();
  for (const n of g.nodes) {
    const box = dag.node(n.id) as { x: number; y: number };
    const wave = waveOf.get(n.id)!;
    nodes.set(n.id, { x: box.x, y: box.y, wave });
    columns.set(wave, box.x);
  }
  return {
    width: (size.width ?? 0) + 20,
    height: (size.height ?? 0) + 20,
    nodes,
    edges: drawn.map((e) => {
      if (routed.has(e))
        return {
          from: e.from,
          to: e.to,
          points: (dag.edge(e.from, e.to) as { points: Array<{ x: number; y: number }> }).points,
        };
      const from = nodes.get(e.from)!;
      const to = nodes.get(e.to)!;
      return {
        from: e.from,
        to: e.to,
        points: [
          { x: from.x + NODE_W / 2, y: from.y },
          { x: to.x - NODE_W / 2, y: to.y },
        ],
      };
    }),
    columns,
  };
}
