import { parseEstimate, type DurationOptions } from './estimate';
import type { PlanGraph } from './graph';
import type { LineIndex, Range } from './lineIndex';
import type { PlanModel, Section, TaskItem } from './model';

// The outline is what the sidebar, the status bar and `planmark outline` show:
// sections that hold tasks (phases first among them), their tasks, progress
// and estimate totals in hours.

export interface Progress {
  done: number;
  total: number;
  /** Sum of the tasks' estimates, in hours. */
  estimateHours: number;
  /** Sum of the open tasks' estimates, in hours. */
  remainingHours: number;
  /** Open tasks without an estimate (nor one on a parent task covering them): work `remainingHours` does not count. */
  unestimated: number;
}

export interface OutlineTask {
  text: string;
  id?: string;
  checked: boolean;
  range: Range;
  /** The `[ ]` marker, which is all a toggle edits. */
  checkboxRange: Range;
  estimateHours?: number;
  /** Task-block fields, label → value. */
  fields?: Record<string, string>;
  /**
   * In a plan that states dependencies (or orders its phases), for a task not done:
   * `ready` (every dependency done, not started) or `blocked` with the tasks it waits for.
   */
  readiness?: 'ready' | 'blocked';
  /** Names (ids, else `L<line>`) of the unfinished tasks a blocked task waits for. */
  blockedBy?: string[];
  children: OutlineTask[];
}

export interface OutlineSection extends Progress {
  title: string;
  /** Phase number, when the heading names one. */
  phase?: string;
  depth: number;
  range: Range;
  /** Range of the heading line. */
  headingRange: Range;
  tasks: OutlineTask[];
  children: OutlineSection[];
}

export interface Outline extends Progress {
  title?: string;
  /** The profile the plan was checked with and why (the status bar's tooltip shows it). */
  profile?: { id: string; title: string; reason: string; schemaSource: string };
  /** 0–100, rounded down so that 100 means really done. */
  percent: number;
  sections: OutlineSection[];
}

export function buildOutline(
  model: PlanModel,
  lines: LineIndex,
  durations: DurationOptions,
  graph?: PlanGraph,
): Outline {
  const hoursOf = new Map<TaskItem, number>();
  for (const block of model.blocks) {
    const estimate = block.fields.find((f) => f.key === 'estimate');
    const hours = estimate ? parseEstimate(estimate.value, durations) : undefined;
    if (hours !== undefined) hoursOf.set(block.item, hours);
  }
  const tasksBySection = new Map<Section | undefined, TaskItem[]>();
  for (const t of model.tasks) {
    if (t.parent) continue;
    const list = tasksBySection.get(t.section) ?? tasksBySection.set(t.section, []).get(t.section)!;
    list.push(t);
  }
  const childrenOf = new Map<TaskItem, TaskItem[]>();
  for (const t of model.tasks) {
    if (t.parent) (childrenOf.get(t.parent) ?? childrenOf.set(t.parent, []).get(t.parent)!).push(t);
  }

  const readiness = (t: TaskItem): Pick<OutlineTask, 'readiness' | 'blockedBy'> => {
    const node = graph?.hasDependencies ? graph.nodeOf(t) : undefined;
    if (!node || node.state === 'done') return {};
    if (node.blockedBy.length > 0) return { readiness: 'blocked', blockedBy: node.blockedBy.map((b) => b.key) };
    return node.state === 'open' ? { readiness: 'ready' } : {};
  };

  const toTask = (t: TaskItem): OutlineTask => ({
    text: t.block?.title ?? t.text,
    id: t.id,
    checked: t.checked,
    range: lines.range(t),
    checkboxRange: lines.range(t.checkbox),
    estimateHours: hoursOf.get(t),
    fields: t.block ? Object.fromEntries(t.block.fields.map((f) => [f.label, f.value])) : undefined,
    ...readiness(t),
    children: (childrenOf.get(t) ?? []).map(toTask),
  });

  const toSection = (s: Section): OutlineSection | undefined => {
    const children = s.children.map(toSection).filter((c): c is OutlineSection => c !== undefined);
    const tasks = (tasksBySection.get(s) ?? []).map(toTask);
    if (tasks.length === 0 && children.length === 0) return undefined;
    return {
      title: s.heading.text,
      phase: s.heading.phase,
      depth: s.heading.depth,
      range: lines.range(s),
      headingRange: lines.range(s.heading),
      tasks,
      children,
      ...sum([...tasks.flatMap(progressOfTask), ...children]),
    };
  };

  const sections = model.sections.map(toSection).filter((c): c is OutlineSection => c !== undefined);
  // Tasks before the first heading still count, under an untitled group.
  const loose = (tasksBySection.get(undefined) ?? []).map(toTask);
  if (loose.length > 0) {
    const start = lines.range(model.tasks[0]);
    sections.unshift({
      title: model.title?.text ?? '(no heading)',
      depth: 1,
      range: start,
      headingRange: model.title ? lines.range(model.title) : start,
      tasks: loose,
      children: [],
      ...sum(loose.flatMap(progressOfTask)),
    });
  }
  const total = sum(sections);
  return {
    title: model.title?.text,
    percent: total.total === 0 ? 0 : Math.floor((100 * total.done) / total.total),
    sections,
    ...total,
  };
}

/** A task and its subtasks each count once; an estimate on a parent covers its subtasks. */
function progressOfTask(t: OutlineTask): Progress[] {
  const own: Progress = {
    done: t.checked ? 1 : 0,
    total: 1,
    estimateHours: t.estimateHours ?? 0,
    remainingHours: t.checked ? 0 : (t.estimateHours ?? 0),
    unestimated: !t.checked && t.estimateHours === undefined ? 1 : 0,
  };
  const children = t.children.flatMap(progressOfTask);
  if (t.estimateHours !== undefined) for (const c of children) c.estimateHours = c.remainingHours = c.unestimated = 0;
  return [own, ...children];
}

function sum(parts: Progress[]): Progress {
  const total: Progress = { done: 0, total: 0, estimateHours: 0, remainingHours: 0, unestimated: 0 };
  for (const p of parts) {
    total.done += p.done;
    total.total += p.total;
    total.estimateHours += p.estimateHours;
    total.remainingHours += p.remainingHours;
    total.unestimated += p.unestimated;
  }
  return total;
}
