import { formatHours, type GraphNode, type NodeState, type PlanGraph, type Section } from '../engine';

// The task graph as diagram source that renders as it is: a Mermaid
// `flowchart` (GitHub, GitLab and most Markdown previews draw it) and Graphviz
// DOT. Phases are boxes (subgraphs / clusters); phase order is one dashed edge
// from a phase to the next, not an edge per pair of tasks; the critical path is
// drawn thick; a task's state is its fill colour.

const FILL: Record<NodeState, string> = {
  done: '#d3f9d8',
  open: '#ffffff',
  'in-progress': '#fff3bf',
  blocked: '#ffe3e3',
};
const CRITICAL = '#d9480f';

interface Layout {
  /** Phases in document order, each with its tasks. */
  groups: Array<{ phase: Section; nodes: GraphNode[] }>;
  /** Tasks outside any phase. */
  loose: GraphNode[];
  /** Phase order: [earlier phase, later phase]. */
  phaseEdges: Array<[Section, Section]>;
  /** Stated edges, with whether both ends are consecutive on the critical path. */
  edges: Array<{ from: GraphNode; to: GraphNode; critical: boolean }>;
  critical: Set<GraphNode>;
}

function layout(graph: PlanGraph): Layout {
  const groups = new Map<Section, GraphNode[]>();
  const loose: GraphNode[] = [];
  for (const node of graph.nodes) {
    const phase = node.task.phase;
    if (phase) (groups.get(phase) ?? groups.set(phase, []).get(phase)!).push(node);
    else loose.push(node);
  }
  const phaseEdges = new Map<string, [Section, Section]>();
  const phaseIndex = new Map([...groups.keys()].map((p, i) => [p, i]));
  for (const node of graph.nodes) {
    const phase = node.task.phase;
    if (!phase) continue;
    for (const before of node.afterPhases)
      phaseEdges.set(`${phaseIndex.get(before)}>${phaseIndex.get(phase)}`, [before, phase]);
  }
  const next = new Map<GraphNode, GraphNode>();
  graph.criticalPath.forEach((node, i) => i > 0 && next.set(graph.criticalPath[i - 1], node));
  return {
    groups: [...groups].map(([phase, nodes]) => ({ phase, nodes })),
    loose,
    phaseEdges: [...phaseEdges.values()],
    edges: graph.edges
      .filter((e) => e.kind === 'dependency')
      .map((e) => ({ from: e.from, to: e.to, critical: next.get(e.from) === e.to })),
    critical: new Set(graph.criticalPath),
  };
}

function label(node: GraphNode): string[] {
  const title = node.title.length > 60 ? `${node.title.slice(0, 59)}…` : node.title;
  const lines = [node.task.id || !node.key.startsWith('L') ? `${node.key.replace(/@L\d+$/, '')} · ${title}` : title];
  const details = [node.estimateHours !== undefined ? formatHours(node.estimateHours) : '', stateWord(node)];
  const detail = details.filter(Boolean).join(' · ');
  if (detail) lines.push(detail);
  return lines;
}

function stateWord(node: GraphNode): string {
  return node.state === 'open' ? '' : node.state;
}

/** Mermaid `flowchart LR`. Ids are generated (`t0`, `p0`): task ids such as `1.2` are not valid Mermaid ids. */
export function toMermaid(graph: PlanGraph, title?: string): string {
  const { groups, loose, phaseEdges, edges, critical } = layout(graph);
  const id = new Map(graph.nodes.map((node, i) => [node, `t${i}`]));
  const phaseId = new Map(groups.map((g, i) => [g.phase, `p${i}`]));
  const out = ['flowchart LR'];
  if (title) out.push(`  %% ${title.replace(/[\r\n]+/g, ' ')}`);
  const node = (n: GraphNode, indent: string) =>
    out.push(`${indent}${id.get(n)}["${label(n).map(mermaidText).join('<br/>')}"]`);
  for (const g of groups) {
    out.push(`  subgraph ${phaseId.get(g.phase)}["${mermaidText(g.phase.heading.text)}"]`);
    for (const n of g.nodes) node(n, '    ');
    out.push('  end');
  }
  for (const n of loose) node(n, '  ');
  const criticalLinks: number[] = [];
  edges.forEach((e, i) => {
    out.push(`  ${id.get(e.from)} --> ${id.get(e.to)}`);
    if (e.critical) criticalLinks.push(i);
  });
  for (const [before, after] of phaseEdges) out.push(`  ${phaseId.get(before)} -.-> ${phaseId.get(after)}`);
  for (const [state, fill] of Object.entries(FILL))
    out.push(`  classDef ${className(state)} fill:${fill},stroke:#868e96,color:#212529`);
  out.push(`  classDef critical stroke:${CRITICAL},stroke-width:3px`);
  for (const state of Object.keys(FILL)) {
    const members = graph.nodes.filter((n) => n.state === state).map((n) => id.get(n));
    if (members.length > 0) out.push(`  class ${members.join(',')} ${className(state)}`);
  }
  if (critical.size > 0) out.push(`  class ${[...critical].map((n) => id.get(n)).join(',')} critical`);
  if (criticalLinks.length > 0) out.push(`  linkStyle ${criticalLinks.join(',')} stroke:${CRITICAL},stroke-width:3px`);
  return out.join('\n') + '\n';
}

function className(state: string): string {
  return state.replace(/-/g, '');
}

/** Text inside a quoted Mermaid label: its own entity codes for what would end or change the label. */
function mermaidText(text: string): string {
  return text
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/`/g, '#96;')
    .replace(/[\r\n]+/g, ' ');
}

/** Graphviz DOT, left to right; phases are clusters joined by dashed edges (`compound=true`). */
export function toDot(graph: PlanGraph, title?: string): string {
  const { groups, loose, phaseEdges, edges, critical } = layout(graph);
  const id = new Map(graph.nodes.map((node, i) => [node, `t${i}`]));
  const cluster = new Map(groups.map((g, i) => [g.phase, { name: `cluster_${i}`, first: g.nodes[0] }]));
  const out = ['digraph plan {', '  rankdir=LR;', '  compound=true;', '  newrank=true;'];
  if (title) out.push(`  label=${dotString(title)};`, '  labelloc=t;');
  out.push('  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=10];');
  out.push('  edge [color="#868e96"];');
  const node = (n: GraphNode, indent: string) => {
    const attrs = [`label=${dotString(label(n).join('\n'))}`, `fillcolor="${FILL[n.state]}"`];
    if (critical.has(n)) attrs.push(`color="${CRITICAL}"`, 'penwidth=3');
    out.push(`${indent}${id.get(n)} [${attrs.join(', ')}];`);
  };
  for (const g of groups) {
    out.push(
      `  subgraph ${cluster.get(g.phase)!.name} {`,
      `    label=${dotString(g.phase.heading.text)};`,
      '    style=rounded;',
    );
    for (const n of g.nodes) node(n, '    ');
    out.push('  }');
  }
  for (const n of loose) node(n, '  ');
  for (const e of edges) {
    out.push(`  ${id.get(e.from)} -> ${id.get(e.to)}${e.critical ? ` [color="${CRITICAL}", penwidth=3]` : ''};`);
  }
  for (const [before, after] of phaseEdges) {
    const a = cluster.get(before)!;
    const b = cluster.get(after)!;
    out.push(`  ${id.get(a.first)} -> ${id.get(b.first)} [ltail=${a.name}, lhead=${b.name}, style=dashed];`);
  }
  out.push('}');
  return out.join('\n') + '\n';
}

/** A DOT double-quoted string; line breaks become `\n` (centred lines). */
function dotString(text: string): string {
  return `"${text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\r?\n|\r/g, '\\n')}"`;
}
