// The task graph at 1,000 tasks: dependencies resolved, graph, waves, ready and
// blocked tasks, critical path and parallel conflicts (what `buildDependencyGraph`
// and `buildPlanGraph` do once per analysis), timed on an already parsed model.
// The named peer, in the same run: the plain analysis of the same file (no parse
// cache: everything `planmark check` does for it, the graph included).
import {
  PlanEngine,
  DEFAULT_CONFIG,
  LineIndex,
  buildDependencyGraph,
  buildPlanGraph,
  planGraphJson,
} from '../server/src/engine';
import type { PlanGraphView } from '../server/src/protocol';
import { layoutGraph } from '../client/src/graph/webview/layout';
import { parsePlan } from '../server/src/engine/parse';
import type { Stats } from './stats';

/** A spec-kit-shaped list: phases of 50 tasks, each naming up to three earlier tasks, with estimates and files. */
export function graphPlan(tasks: number): string {
  const out = ['# Tasks: Graph benchmark', ''];
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const id = (n: number) => `T${String(n).padStart(4, '0')}`;
  for (let t = 1; t <= tasks; t++) {
    if ((t - 1) % 50 === 0) out.push(`## Phase ${(t - 1) / 50 + 1}: Stage ${(t - 1) / 50 + 1}`, '');
    const deps = new Set<string>();
    for (let k = Math.floor(random() * 4); k > 0 && t > 1; k--) deps.add(id(1 + Math.floor(random() * (t - 1))));
    out.push(
      `- [${random() < 0.3 ? 'x' : ' '}] **Task**: ${id(t)} Build part ${t}`,
      `  - **File**: \`src/part${Math.floor(random() * tasks)}.ts\``,
      `  - **Estimate**: ${1 + Math.floor(random() * 8)}h`,
      `  - **Dependencies**: ${deps.size > 0 ? [...deps].join(', ') : 'None'}`,
      '',
    );
  }
  return out.join('\n');
}

export function graphBench(measure: (fn: () => unknown, runs: number, warmup: number, before?: () => void) => Stats) {
  const text = graphPlan(1000);
  const template = '# [FEATURE_NAME] - Implementation Plan\n';
  const result: Record<string, unknown> = {};
  for (const phaseOrder of ['off', 'on'] as const) {
    const config = { ...DEFAULT_CONFIG, phaseOrder, maxFileSize: 4 * 1024 * 1024 };
    const engine = new PlanEngine(template, config);
    const model = parsePlan(text);
    const lines = new LineIndex(text);
    const graph = measure(() => buildPlanGraph(model, buildDependencyGraph(model), lines, config), 50, 10);
    const analysis = measure(() => engine.analyze(text), 10, 2);
    const built = buildPlanGraph(model, buildDependencyGraph(model), lines, config);
    result[`phaseOrder ${phaseOrder}`] = {
      graph,
      analysis,
      tasks: built.nodes.length,
      edges: built.edges.length,
      waves: built.waves.length,
    };
  }
  return result;
}

/**
 * The Plan Graph's layout (dagre, wave columns) as the webview runs it, at 500 and 1,000 tasks,
 * against the plain analysis of the same file: how long a large plan's graph takes to appear
 * beyond the analysis the editor does anyway.
 */
export function graphLayoutBench(measure: (fn: () => unknown, runs: number, warmup: number) => Stats) {
  const result: Record<string, unknown> = {};
  for (const tasks of [500, 1000]) {
    const text = graphPlan(tasks);
    const engine = new PlanEngine('# [FEATURE_NAME] - Implementation Plan\n', {
      ...DEFAULT_CONFIG,
      maxFileSize: 4 * 1024 * 1024,
    });
    const analysis = engine.analyze(text);
    const view: PlanGraphView = { ...planGraphJson(analysis.graph!), phaseOrder: false, phases: [] };
    const laid = layoutGraph(view);
    result[`${tasks} tasks`] = {
      layout: measure(() => layoutGraph(view), 5, 1),
      analysis: measure(() => engine.analyze(text), 5, 1),
      tasks: view.nodes.length,
      drawnEdges: laid.edges.length,
      width: Math.round(laid.width),
      height: Math.round(laid.height),
    };
  }
  return result;
}
