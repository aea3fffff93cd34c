import type { Field, PlanModel, Section, TaskItem } from './model';

// Dependencies entries name tasks by explicit id (`T001`, `1.2`, `Task 2.1`)
// or by free text ("Schema models" → "Create Prisma schema models"). Free text
// may also name a section ("Service layer" → "#### Service Layer").

export interface DependencyRef {
  task: TaskItem;
  field: Field;
  /** The entry as written. */
  text: string;
  start: number;
  end: number;
  /** Resolved target: a task, a section, or nothing. */
  target?: TaskItem;
  section?: Section;
  /** The entry is an explicit id (its absence is certain, not a guess). */
  explicit: boolean;
}

export interface DependencyGraph {
  refs: DependencyRef[];
  /** Each cycle as tasks in dependency order (each depends on the next, the last on the first). */
  cycles: TaskItem[][];
}

const NONE = /^(?:none|n\/?a|-+|—|–|nothing|no|tbd|\[.*\])\.?$/i;
const EXPLICIT_ID = /^(?:task[\s-]*)?((?:[A-Z]{1,5}-?\d+(?:\.\d+)*)|(?:\d+(?:\.\d+)*))$/i;
const STOP_WORDS = new Set(['the', 'a', 'an', 'and', 'of', 'for', 'to', 'in', 'on', 'all', 'with', 'task', 'tasks']);

export function buildDependencyGraph(model: PlanModel): DependencyGraph {
  const byId = new Map<string, TaskItem>();
  for (const t of model.tasks) if (t.id && !byId.has(t.id)) byId.set(t.id, t);
  const titles = model.tasks.map((t) => ({ task: t, words: wordSet(t.block?.title ?? t.text) }));
  const sections = flatten(model.sections).map((s) => ({ section: s, words: wordSet(s.heading.text) }));
  const refs: DependencyRef[] = [];
  for (const block of model.blocks) {
    for (const field of block.fields) {
      if (field.key !== 'dependency') continue;
      for (const entry of splitEntries(field)) {
        const explicitMatch = EXPLICIT_ID.exec(entry.text.replace(/[`*_]/g, ''));
        const ref: DependencyRef = { task: block.item, field, ...entry, explicit: !!explicitMatch };
        if (explicitMatch) {
          ref.target = byId.get(explicitMatch[1].toUpperCase());
        } else {
          const words = [...wordSet(entry.text)];
          if (words.length === 0) continue;
          const contains = (set: Set<string>) => words.every((w) => set.has(w));
          ref.target = titles.find((t) => t.task !== block.item && contains(t.words))?.task;
          if (!ref.target) ref.section = sections.find((s) => contains(s.words))?.section;
        }
        refs.push(ref);
      }
    }
  }
  return { refs, cycles: findCycles(model.tasks, refs) };
}

function splitEntries(field: Field): Array<{ text: string; start: number; end: number }> {
  const entries: Array<{ text: string; start: number; end: number }> = [];
  const re = /[^,;]+/g;
  for (let m = re.exec(field.value); m; m = re.exec(field.value)) {
    const raw = m[0];
    const text = raw.trim();
    if (!text || NONE.test(text)) continue;
    const start = field.valueSpan.start + m.index + (raw.length - raw.trimStart().length);
    entries.push({ text, start, end: start + text.length });
  }
  return entries;
}

function stem(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

function wordSet(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return new Set(words.filter((w) => !STOP_WORDS.has(w)).map(stem));
}

function flatten(sections: Section[]): Section[] {
  return sections.flatMap((s) => [s, ...flatten(s.children)]);
}

/** Strongly connected components (iterative Tarjan) with more than one task, or a task naming itself. */
function findCycles(tasks: TaskItem[], refs: DependencyRef[]): TaskItem[][] {
  const edges = new Map<TaskItem, TaskItem[]>();
  for (const r of refs) if (r.target) (edges.get(r.task) ?? edges.set(r.task, []).get(r.task)!).push(r.target);
  const index = new Map<TaskItem, number>();
  const low = new Map<TaskItem, number>();
  const onStack = new Set<TaskItem>();
  const stack: TaskItem[] = [];
  const cycles: TaskItem[][] = [];
  let counter = 0;
  for (const root of tasks) {
    if (index.has(root) || !edges.has(root)) continue;
    const work: Array<{ node: TaskItem; next: number }> = [{ node: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const out = edges.get(frame.node) ?? [];
      if (frame.next < out.length) {
        const to = out[frame.next++];
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, next: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(to)!));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: TaskItem[] = [];
        let t: TaskItem;
        do {
          t = stack.pop()!;
          onStack.delete(t);
          component.push(t);
        } while (t !== frame.node);
        const selfLoop = component.length === 1 && (edges.get(t) ?? []).includes(t);
        if (component.length > 1 || selfLoop) cycles.push(cycleThrough(component, edges));
      }
    }
  }
  return cycles;
}

/** A cycle along the dependency edges, from the component's first task back to it (breadth-first, so shortest). */
function cycleThrough(component: TaskItem[], edges: Map<TaskItem, TaskItem[]>): TaskItem[] {
  const members = new Set(component);
  const first = component.reduce((a, b) => (b.start < a.start ? b : a));
  const from = new Map<TaskItem, TaskItem>();
  const queue = [first];
  for (let i = 0; i < queue.length; i++) {
    for (const next of edges.get(queue[i]) ?? []) {
      if (!members.has(next)) continue;
      if (next === first) {
        const path = [queue[i]];
        while (path[0] !== first) path.unshift(from.get(path[0])!);
        return path;
      }
      if (!from.has(next)) {
        from.set(next, queue[i]);
        queue.push(next);
      }
    }
  }
  return [first];
}
