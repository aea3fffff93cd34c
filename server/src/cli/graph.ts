import { formatHours, planGraphJson, type GraphNode, type PlanGraph } from '../engine';
import { analyzeFile } from './analyzeFile';
import { toDot, toMermaid } from './diagrams';
import type { Io, SettingsFlags } from './io';

// `planmark graph FILE`: the task graph (waves, critical path, ready and blocked
// tasks, conflicts) as text, JSON (the engine's PlanGraphJson), Mermaid or DOT.
// `planmark next FILE`: the tasks that can start now, one a line.

export const GRAPH_FORMATS = ['text', 'json', 'mermaid', 'dot'] as const;
export type GraphFormat = (typeof GRAPH_FORMATS)[number];
export const NEXT_FORMATS = ['text', 'json'] as const;
export type NextFormat = (typeof NEXT_FORMATS)[number];

/** One plan file and an output format. */
export interface PlanFileOptions<F> extends SettingsFlags {
  file: string;
  format: F;
}

/** Exit 0 with the graph, 2 when the file cannot be read or was not validated. */
export async function runGraph(options: PlanFileOptions<GraphFormat>, io: Io): Promise<number> {
  const analyzed = await analyzeFile(options, io);
  if (!analyzed) return 2;
  const graph = analyzed.analysis.graph!;
  const title = analyzed.analysis.model.title?.text;
  switch (options.format) {
    case 'json':
      io.out(JSON.stringify(planGraphJson(graph), null, 2) + '\n');
      break;
    case 'mermaid':
      io.out(toMermaid(graph, title));
      break;
    case 'dot':
      io.out(toDot(graph, title));
      break;
    default:
      io.out(formatGraph(graph, title ?? analyzed.file));
  }
  return 0;
}

/** The ready tasks, `id<TAB>title` a line (nothing when none is ready); exit 0, or 2 as for graph. */
export async function runNext(options: PlanFileOptions<NextFormat>, io: Io): Promise<number> {
  const analyzed = await analyzeFile(options, io);
  if (!analyzed) return 2;
  const { ready } = analyzed.analysis.graph!;
  if (options.format === 'json') {
    io.out(
      JSON.stringify(
        ready.map((n) => ({ id: n.key, title: n.title, line: n.line })),
        null,
        2,
      ) + '\n',
    );
  } else {
    io.out(ready.map((n) => `${n.key}\t${n.title}\n`).join(''));
  }
  return 0;
}

/** Waves, then the critical path, ready, blocked, unestimated and conflicting tasks. */
export function formatGraph(graph: PlanGraph, title: string): string {
  const out: string[] = [];
  const open = graph.nodes.filter((n) => n.state !== 'done').length;
  out.push(
    `${title}: ${graph.nodes.length} tasks (${open} not done), ${graph.waves.length} waves${graph.phaseOrder ? ', phases in order' : ''}`,
  );
  graph.waves.forEach((wave, i) => out.push(`  wave ${i + 1}: ${wave.map(mark).join(', ')}`));
  const cyclic = graph.nodes.filter((n) => n.wave === undefined);
  if (cyclic.length > 0) out.push(`  in or after a dependency cycle: ${cyclic.map((n) => n.key).join(', ')}`);
  if (graph.criticalPath.length > 0) {
    const unknown = graph.criticalPath.filter((n) => n.estimateHours === undefined);
    out.push(
      `critical path: ${graph.criticalPath.map((n) => n.key).join(' → ')} (${hours(graph.criticalPathHours)}${unknown.length > 0 ? `; ${unknown.length} without an estimate, counted as 0h: ${unknown.map((n) => n.key).join(', ')}` : ''})`,
    );
  }
  out.push(graph.ready.length === 0 ? 'ready: none' : 'ready:');
  for (const n of graph.ready) out.push(`  ${n.key}  ${n.title}`);
  if (graph.blocked.length > 0) out.push('blocked:');
  for (const n of graph.blocked) out.push(`  ${n.key}  by ${n.blockedBy.map((b) => b.key).join(', ')}`);
  if (graph.conflicts.length > 0) out.push('parallel conflicts:');
  for (const c of graph.conflicts) {
    out.push(
      `  ${c.tasks[0].key} and ${c.tasks[1].key} both name ${c.file} (${c.reason === 'parallel' ? '[P] in one phase' : `wave ${c.tasks[0].wave}`})`,
    );
  }
  return out.join('\n') + '\n';
}

function mark(node: GraphNode): string {
  return node.state === 'open' ? node.key : `${node.key} (${node.state})`;
}

function hours(h: number): string {
  return `${formatHours(h)} of work left`;
}
