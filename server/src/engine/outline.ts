import type { DurationOptions } from './estimate';
import type { PlanGraph } from './graph';
import type { LineIndex, Range } from './lineIndex';
import type { PlanModel, Section, TaskItem, TaskState } from './model';
import { taskEstimate } from './taskEstimate';
import { taskFiles } from './taskFiles';

// The outline is what the sidebar, the status bar and `planmark outline` show:
// sections that hold tasks (phases first among them), their tasks, progress
// and estimate totals in hours.

/**
 * Progress counts required tasks: `done` of `total`. Optional tasks (`- [ ]*`)
 * are counted apart and carry no estimate into the totals.
 */
export interface Progress {
  done: number;
  total: number;
  /** Required tasks in progress (`[-]`, `[/]`), among the not done. */
  inProgress: number;
  optionalDone: number;
  optionalTotal: number;
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
  /** Done: the state is `done`. */
  checked: boolean;
  state: TaskState;
  /** `- [ ]*`: not counted in the plan's progress. */
  optional?: true;
  range: Range;
  /** The `[ ]` marker, which is all a toggle edits. */
  checkboxRange: Range;
  estimateHours?: number;
  /** Task-block fields, label → value. */
  fields?: Record<string, string>;
  /** The files the task says it changes (its File field, paths in its title or first line), as written. */
  files?: string[];
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
  for (const task of model.tasks) {
    const hours = taskEstimate(task, model.text, durations);
    if (hours !== undefined) hoursOf.set(task, hours);
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

  const files = graph?.taskFiles ?? taskFiles(model);
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
    state: t.state,
    ...(t.optional ? { optional: true as const } : {}),
    range: lines.range(t),
    checkboxRange: lines.range(t.checkbox),
    estimateHours: hoursOf.get(t),
    fields: t.block ? Object.fromEntries(t.block.fields.map((f) => [f.label, f.value])) : undefined,
    // Files only: "Open Task's File" opens a file, not a folder the task works in.
    ...(files.get(t)?.some((f) => !f.folder)
      ? {
          files: files
            .get(t)!
            .filter((f) => !f.folder)
            .map((f) => f.path),
        }
      : {}),
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
  const required = t.optional ? 0 : 1;
  const estimate = required * (t.estimateHours ?? 0);
  const own: Progress = {
    done: t.checked ? required : 0,
    total: required,
    inProgress: t.state === 'in-progress' ? required : 0,
    optionalDone: t.checked ? 1 - required : 0,
    optionalTotal: 1 - required,
    estimateHours: estimate,
    remainingHours: t.checked ? 0 : estimate,
    unestimated: !t.checked && !t.optional && t.estimateHours === undefined ? 1 : 0,
  };
  const children = t.children.flatMap(progressOfTask);
  if (t.estimateHours !== undefined) for (const c of children) c.estimateHours = c.remainingHours = c.unestimated = 0;
  return [own, ...children];
}

/** Progress of nothing: no tasks, no hours. */
export function noProgress(): Progress {
  return {
    done: 0,
    total: 0,
    inProgress: 0,
    optionalDone: 0,
    optionalTotal: 0,
    estimateHours: 0,
    remainingHours: 0,
    unestimated: 0,
  };
}

function sum(parts: Progress[]): Progress {
  const total = noProgress();
  for (const p of parts) {
    total.done += p.done;
    total.total += p.total;
    total.inProgress += p.inProgress;
    total.optionalDone += p.optionalDone;
    total.optionalTotal += p.optionalTotal;
    total.estimateHours += p.estimateHours;
    total.remainingHours += p.remainingHours;
    total.unestimated += p.unestimated;
  }
  return total;
}

/** The marker the outline's text form shows for a task: `[x]`, `[ ]`, `[-]`, `[?]`, with `*` when optional. */
export function taskMarkerText(t: Pick<OutlineTask, 'state' | 'optional'>): string {
  const mark = { done: 'x', open: ' ', 'in-progress': '-', unknown: '?' }[t.state];
  return `[${mark}]${t.optional ? '*' : ''}`;
}
