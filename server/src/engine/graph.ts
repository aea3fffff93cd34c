import { taskKey, type DependencyGraph } from './dependencies';
import type { DurationOptions } from './estimate';
import type { LineIndex } from './lineIndex';
import type { PlanModel, Section, TaskItem } from './model';
import { taskEstimate } from './taskEstimate';
import { taskFiles, type FileMention } from './taskFiles';

// The plan as a graph of tasks, built once per analysis from the dependencies
// tasks state (dependencies.ts) and, when the setting asks, the order of the
// phases: waves (topological levels), ready and blocked tasks, the critical
// path of the work left, and files that tasks free to run at once both change.
//
// Phase order is kept as one junction per phase boundary (every task of a phase
// → junction → every task of the next), not as an edge per pair of tasks: a
// 1,000-task plan in ten phases stays at a few thousand edges, not a hundred
// thousand. `edges` lists it in the reduced form a reader can follow.

export type NodeState = 'done' | 'open' | 'in-progress' | 'blocked';

export interface GraphNode {
  task: TaskItem;
  /** A name unique in the plan: the task's id (`T012`, `2.1`), else `L` and its line (`L14`). */
  key: string;
  title: string;
  /** 1-based line of the task. */
  line: number;
  state: NodeState;
  estimateHours?: number;
  /** 1-based topological level; undefined for a task in (or after) a dependency cycle. */
  wave?: number;
  /** Marked `[P]`: may run in parallel with the other `[P]` tasks of its phase. */
  parallel: boolean;
  /** Tasks it names as dependencies (directly, or through a section it names). */
  dependsOn: GraphNode[];
  /** The phases it waits for under phase order (usually one; all the stories before spec-kit's Polish). */
  afterPhases: Section[];
  /** What keeps it from starting: its unfinished dependencies, then the unfinished tasks of the phases it waits for. */
  blockedBy: GraphNode[];
}

export interface GraphEdge {
  /** The task that comes first. */
  from: GraphNode;
  to: GraphNode;
  /** Stated by the task, or implied by phase order. */
  kind: 'dependency' | 'phase';
}

export interface ParallelConflict {
  file: string;
  /** In document order, each with where it names the file. */
  tasks: [GraphNode, GraphNode];
  mentions: [FileMention, FileMention];
  /** Both `[P]` in one phase, or both in one wave of a plan that states its dependencies. */
  reason: 'parallel' | 'wave';
}

export interface PlanGraph {
  /** Every task, in document order. */
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** `waves[i]` holds the tasks of wave i + 1, in document order. */
  waves: GraphNode[][];
  /** Open tasks whose dependencies are all done (in-progress ones are already started). */
  ready: GraphNode[];
  /** Unfinished tasks with an unfinished dependency. */
  blocked: GraphNode[];
  /** The longest chain of unfinished work, weighted by estimates (first task first). */
  criticalPath: GraphNode[];
  criticalPathHours: number;
  /** Unfinished tasks without an estimate: they count as 0 hours in the critical path. */
  unestimated: GraphNode[];
  conflicts: ParallelConflict[];
  /** The files each task names (engine/taskFiles.ts), found once per analysis for every reader. */
  taskFiles: Map<TaskItem, FileMention[]>;
  /** Phase order was applied. */
  phaseOrder: boolean;
  /** The plan states a dependency, or orders its phases: without either, "ready" says nothing. */
  hasDependencies: boolean;
  nodeOf(task: TaskItem): GraphNode | undefined;
}

export interface GraphOptions extends DurationOptions {
  phaseOrder: 'auto' | 'on' | 'off';
  /** The plan's profile: `auto` phase order is on for spec-kit task lists. */
  profile?: string;
}

const STORY_PHASE = /\buser[ -]?stor(?:y|ies)\b|\bUS ?\d+\b/i;
const SPEC_KIT_PHASE = /\b(?:setup|foundational|user[ -]?stor(?:y|ies)|polish)\b/i;
const PARALLEL_MARK = /(?:^|\s)\[P\](?=\s|$)/;

export function buildPlanGraph(
  model: PlanModel,
  deps: DependencyGraph,
  lines: LineIndex,
  options: GraphOptions,
): PlanGraph {
  const tasks = model.tasks;
  const n = tasks.length;
  const index = new Map<TaskItem, number>();
  tasks.forEach((t, i) => index.set(t, i));
  const nodes = tasks.map((task) => newNode(task, model.text, lines, options));
  uniqueKeys(nodes);

  // Stated dependencies, deduplicated; a section names every task in it.
  const prereqs: number[][] = tasks.map(() => []);
  const seen = new Set<number>();
  const addEdge = (from: number, to: number) => {
    if (seen.has(from * n + to)) return;
    seen.add(from * n + to);
    prereqs[to].push(from);
  };
  for (const ref of deps.refs) {
    const to = index.get(ref.task)!;
    if (ref.target) addEdge(index.get(ref.target)!, to);
    else if (ref.section && !(ref.task.start >= ref.section.start && ref.task.start < ref.section.end)) {
      for (let i = 0; i < n; i++)
        if (tasks[i].start >= ref.section.start && tasks[i].start < ref.section.end) addEdge(i, to);
    }
  }
  const explicitCount = seen.size;

  // Phase order: stages of phases, each waiting for the stage before it.
  const phaseOrder =
    options.phaseOrder === 'on' ||
    (options.phaseOrder === 'auto' && (options.profile === 'spec-kit-tasks' || looksLikeSpecKit(model, nodes)));
  const stages = phaseOrder ? phaseStages(model, tasks, index) : [];
  const junctions = Math.max(0, stages.length - 1);
  const total = n + junctions;
  const out: number[][] = Array.from({ length: total }, () => []);
  const indegree = new Int32Array(total);
  for (let to = 0; to < n; to++)
    for (const from of prereqs[to]) {
      out[from].push(to);
      indegree[to]++;
    }
  for (let k = 1; k < stages.length; k++) {
    const j = n + k - 1;
    for (const from of stages[k - 1].tasks) {
      out[from].push(j);
      indegree[j]++;
    }
    for (const to of stages[k].tasks) {
      out[j].push(to);
      indegree[to]++;
      nodes[to].afterPhases = stages[k - 1].phases;
    }
  }

  // Waves (Kahn): a task is one level after its latest prerequisite; a junction adds no level.
  const order: number[] = [];
  const base = new Int32Array(total);
  const queue: number[] = [];
  for (let v = 0; v < total; v++) if (indegree[v] === 0) queue.push(v);
  for (let head = 0; head < queue.length; head++) {
    const u = queue[head];
    order.push(u);
    const level = u < n ? base[u] + 1 : base[u];
    if (u < n) nodes[u].wave = level;
    for (const v of out[u]) {
      if (level > base[v]) base[v] = level;
      if (--indegree[v] === 0) queue.push(v);
    }
  }
  const waves: GraphNode[][] = [];
  for (const node of nodes) if (node.wave !== undefined) (waves[node.wave - 1] ??= []).push(node);

  // States, blocked and ready. The unfinished tasks of a stage are listed once and shared.
  const unfinished = stages.map((s) => s.tasks.filter((t) => nodes[t].state !== 'done').map((t) => nodes[t]));
  const stageOf = new Int32Array(n).fill(-1);
  stages.forEach((s, k) => s.tasks.forEach((t) => (stageOf[t] = k)));
  for (let i = 0; i < n; i++) {
    const node = nodes[i];
    node.dependsOn = prereqs[i].map((p) => nodes[p]);
    const stated = node.dependsOn.filter((d) => d.state !== 'done');
    const phase = stageOf[i] > 0 ? unfinished[stageOf[i] - 1] : [];
    if (stated.length === 0) node.blockedBy = phase;
    else if (phase.length === 0) node.blockedBy = stated;
    else node.blockedBy = [...stated, ...phase.filter((p) => !stated.includes(p))];
    if (node.state === 'open' && node.blockedBy.length > 0) node.state = 'blocked';
  }
  const blocked = nodes.filter((node) => node.state !== 'done' && node.blockedBy.length > 0);
  const ready = nodes.filter((node) => node.state === 'open');

  const { path, hours } = criticalPath(nodes, order, out, n);
  let edges: GraphEdge[] | undefined;
  const files = taskFiles(model);
  return {
    nodes,
    // Listed on first use: only output (JSON, diagrams, the graph view) needs them.
    get edges() {
      return (edges ??= listEdges(nodes, prereqs, stages));
    },
    waves,
    ready,
    blocked,
    criticalPath: path,
    criticalPathHours: hours,
    unestimated: nodes.filter((node) => node.state !== 'done' && node.estimateHours === undefined),
    conflicts: parallelConflicts(files, nodes, index, explicitCount > 0),
    taskFiles: files,
    phaseOrder: stages.length > 1,
    hasDependencies: explicitCount > 0 || stages.length > 1,
    nodeOf: (task) => {
      const i = index.get(task);
      return i === undefined ? undefined : nodes[i];
    },
  };
}

function newNode(task: TaskItem, text: string, lines: LineIndex, durations: DurationOptions): GraphNode {
  const state = (task as { state?: string }).state;
  return {
    task,
    key: taskKey(task) ?? '',
    title: title(task),
    line: lines.position(task.checkbox.start).line + 1,
    state: task.checked ? 'done' : state === 'in-progress' ? 'in-progress' : 'open',
    estimateHours: taskEstimate(task, text, durations),
    parallel: PARALLEL_MARK.test(task.text),
    dependsOn: [],
    afterPhases: [],
    blockedBy: [],
  };
}

/** How messages name a task: its id (`T012`, `2`), else its title, quoted and shortened. */
export function nodeName(node: GraphNode, max = 40): string {
  if (!/^L\d+$/.test(node.key)) return node.key.replace(/@L\d+$/, '');
  return `"${node.title.length > max ? `${node.title.slice(0, max - 1)}…` : node.title}"`;
}

/** The task's title without its leading id, which `key` carries. */
function title(task: TaskItem): string {
  const text = task.block?.title || task.text || '(untitled task)';
  const key = taskKey(task);
  if (!key) return text;
  const rest = text.replace(/^\*{0,2}(?:task[\s-]*)?/i, '');
  return rest.toUpperCase().startsWith(key) ? rest.slice(key.length).replace(/^[\s.:)*_—–-]+/, '') || text : text;
}

/** The first task with an id keeps it; a repeated id and a task without one are named by line. */
function uniqueKeys(nodes: GraphNode[]): void {
  const used = new Set<string>();
  for (const node of nodes) {
    if (node.key && !used.has(node.key)) used.add(node.key);
    else node.key = node.key ? `${node.key}@L${node.line}` : `L${node.line}`;
  }
}

/** spec-kit's tasks.md by its content (when no profile says so): T001-style ids with its phase names or `[P]` marks. */
function looksLikeSpecKit(model: PlanModel, nodes: GraphNode[]): boolean {
  if (!model.tasks.some((t) => t.id !== undefined && /^T\d{3}$/.test(t.id))) return false;
  return model.phases.some((p) => SPEC_KIT_PHASE.test(p.heading.text)) || nodes.some((node) => node.parallel);
}

interface Stage {
  phases: Section[];
  tasks: number[];
  taskSet: Set<number>;
}

/** Phases in document order; consecutive user-story phases form one stage and run side by side. */
function phaseStages(model: PlanModel, tasks: TaskItem[], index: Map<TaskItem, number>): Stage[] {
  const byPhase = new Map<Section, number[]>();
  for (const t of tasks)
    if (t.phase) (byPhase.get(t.phase) ?? byPhase.set(t.phase, []).get(t.phase)!).push(index.get(t)!);
  const stages: Stage[] = [];
  let storyStage: Stage | undefined;
  for (const phase of model.phases) {
    const members = byPhase.get(phase);
    if (!members) continue;
    const story = STORY_PHASE.test(phase.heading.text);
    if (story && storyStage) {
      storyStage.phases.push(phase);
      storyStage.tasks.push(...members);
      continue;
    }
    const stage: Stage = { phases: [phase], tasks: [...members], taskSet: new Set() };
    stages.push(stage);
    storyStage = story ? stage : undefined;
  }
  for (const s of stages) s.taskSet = new Set(s.tasks);
  return stages;
}

/**
 * The longest chain of unfinished work: most hours, then most tasks. Finished
 * tasks weigh nothing and are left out of the path, but still order the tasks
 * around them. Junctions pass the best chain through.
 */
function criticalPath(
  nodes: GraphNode[],
  order: number[],
  out: number[][],
  n: number,
): { path: GraphNode[]; hours: number } {
  const total = out.length;
  const hours = new Float64Array(total);
  const count = new Int32Array(total);
  const prev = new Int32Array(total).fill(-1);
  const bestIn = new Int32Array(total).fill(-1);
  const better = (a: number, b: number) =>
    b < 0 || hours[a] > hours[b] + 1e-9 || (Math.abs(hours[a] - hours[b]) <= 1e-9 && count[a] > count[b]);
  let end = -1;
  for (const u of order) {
    const p = bestIn[u];
    prev[u] = p;
    hours[u] = p >= 0 ? hours[p] : 0;
    count[u] = p >= 0 ? count[p] : 0;
    if (u < n && nodes[u].state !== 'done') {
      hours[u] += nodes[u].estimateHours ?? 0;
      count[u] += 1;
      if (better(u, end)) end = u;
    }
    for (const v of out[u]) if (better(u, bestIn[v])) bestIn[v] = u;
  }
  const path: GraphNode[] = [];
  for (let u = end; u >= 0; u = prev[u]) if (u < n && nodes[u].state !== 'done') path.unshift(nodes[u]);
  return { path, hours: end >= 0 ? hours[end] : 0 };
}

/**
 * Stated edges, then phase order in reduced form: from each task of a stage that
 * no task of its stage depends on, to each task of the next stage that depends
 * on no task of its own stage. Every ordering the junctions imply follows.
 */
function listEdges(nodes: GraphNode[], prereqs: number[][], stages: Stage[]): GraphEdge[] {
  const edges: GraphEdge[] = [];
  const n = nodes.length;
  const stated = new Set<number>();
  prereqs.forEach((list, to) => {
    for (const from of list) {
      stated.add(from * n + to);
      edges.push({ from: nodes[from], to: nodes[to], kind: 'dependency' });
    }
  });
  for (let k = 1; k < stages.length; k++) {
    const before = stages[k - 1];
    const hasDependentInStage = new Set<number>();
    for (const to of before.tasks)
      for (const from of prereqs[to]) if (before.taskSet.has(from)) hasDependentInStage.add(from);
    const sinks = before.tasks.filter((t) => !hasDependentInStage.has(t));
    const sources = stages[k].tasks.filter((t) => !prereqs[t].some((p) => stages[k].taskSet.has(p)));
    for (const from of sinks)
      for (const to of sources) {
        if (!stated.has(from * n + to)) edges.push({ from: nodes[from], to: nodes[to], kind: 'phase' });
      }
  }
  return edges;
}

/**
 * Unfinished tasks that may run at once and name the same file: both `[P]` in one
 * phase, or (in a plan that states dependencies and uses no `[P]` marks, where
 * only the graph says what runs together) both in one wave. A task and its own
 * subtask never conflict.
 */
function parallelConflicts(
  files: Map<TaskItem, FileMention[]>,
  nodes: GraphNode[],
  index: Map<TaskItem, number>,
  statesDependencies: boolean,
): ParallelConflict[] {
  const byWave = statesDependencies && !nodes.some((node) => node.parallel);
  const byFile = new Map<string, Array<{ node: GraphNode; mention: FileMention }>>();
  for (const [task, mentions] of files) {
    const node = nodes[index.get(task)!];
    if (node.state === 'done') continue;
    // Two tasks in one folder do not collide: only files do.
    for (const mention of mentions.filter((m) => !m.folder)) {
      (byFile.get(mention.path) ?? byFile.set(mention.path, []).get(mention.path)!).push({ node, mention });
    }
  }
  const conflicts: ParallelConflict[] = [];
  for (const [file, list] of byFile) {
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i];
        const b = list[j];
        if (related(a.node.task, b.node.task)) continue;
        let reason: ParallelConflict['reason'] | undefined;
        // Tasks of different waves are ordered by a dependency, whatever their marks say.
        if (a.node.wave === undefined || a.node.wave !== b.node.wave) continue;
        if (a.node.parallel && b.node.parallel && groupOf(a.node.task) === groupOf(b.node.task)) reason = 'parallel';
        else if (byWave) reason = 'wave';
        if (reason) conflicts.push({ file, tasks: [a.node, b.node], mentions: [a.mention, b.mention], reason });
      }
  }
  return conflicts;
}

function groupOf(task: TaskItem): Section | undefined {
  return task.phase ?? task.section;
}

function related(a: TaskItem, b: TaskItem): boolean {
  for (let p = a.parent; p; p = p.parent) if (p === b) return true;
  for (let p = b.parent; p; p = p.parent) if (p === a) return true;
  return false;
}
