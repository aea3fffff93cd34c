import { fieldsIn } from './fields';
import type { Field, PlanModel, Section, Span, TaskItem } from './model';

// Where tasks say what they wait for, in every form plans use:
// - a `**Dependencies**:` field (a task block's, or a detail bullet's), whose
//   entries name tasks by explicit id (`T001`, `1.2`, `Task 2.1`) or by free text
//   ("Schema models" → "Create Prisma schema models"); free text may also name a
//   section ("Service layer" → "#### Service Layer");
// - Kiro's detail line `_Depends: 1.1, 1.2_` (ids or titles, as a field);
// - spec-kit's inline `(depends on T012, T013)` / `Depends on T012` (ids only:
//   free prose after "depends on" is not a reference).

export interface DependencyRef {
  task: TaskItem;
  /** The field the entry is in; none for a Kiro `_Depends:_` line or an inline `depends on`. */
  field?: Field;
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
/** Field labels (as keys, see fields.ts) that list what a task waits for. */
const DEPENDENCY_KEYS = new Set(['dependency', 'depend', 'depends on', 'depend on', 'prerequisite', 'blocked by']);
/** Kiro's `_Depends: 1.1, 1.2_` (or `*Depends on: …*`) on a detail line. */
const KIRO_DEPENDS =
  /(?<![\p{L}\p{N}])([_*]{1,2})(?:depends(?: on)?|dependencies|blocked by)[ \t]*:[ \t]*([^\r\n]+?)[ \t]*\1(?![\p{L}\p{N}])/giu;
// Upper-case letters only: "depends on OAuth2" names no task.
const ID_TOKEN = String.raw`(?:[Tt]ask[ \t-]*)?(?:[A-Z]{1,5}-?\d+(?:\.\d+)*|\d+(?:\.\d+)*)`;
/** spec-kit's `(depends on T012, T013)`, `Depends on T012 and T013`: a list of ids that ends the clause. */
const INLINE_DEPENDS = new RegExp(
  String.raw`\b[Dd]epends?[ \t]+on:?[ \t]+(${ID_TOKEN}(?:[ \t]*(?:,|and|&|\/)?[ \t]*${ID_TOKEN})*)(?=[ \t]*(?:[).;:_*\]]|[ \t][—–-][ \t]|$))`,
  'gmu',
);
const ID_IN_LIST = new RegExp(ID_TOKEN, 'g');

export function buildDependencyGraph(model: PlanModel): DependencyGraph {
  const byId = new Map<string, TaskItem>();
  for (const t of model.tasks) {
    const id = taskKey(t);
    if (id && !byId.has(id)) byId.set(id, t);
  }
  const prefixes = new Set([...byId.keys()].map(idPrefix));
  const titles = model.tasks.map((t) => ({ task: t, words: wordSet(t.block?.title ?? t.text) }));
  const sections = flatten(model.sections).map((s) => ({ section: s, words: wordSet(s.heading.text) }));
  const refs: DependencyRef[] = [];
  const entry = (task: TaskItem, field: Field | undefined, e: Span & { text: string }) => {
    const explicitMatch = EXPLICIT_ID.exec(e.text.replace(/[`*_]/g, ''));
    const ref: DependencyRef = { task, field, text: e.text, start: e.start, end: e.end, explicit: !!explicitMatch };
    if (explicitMatch) {
      // `TASK-001` may be an id as a whole, or the word "task" and 001 (`Task-2`): the plan's ids decide.
      const whole = e.text.replace(/[`*_]/g, '').trim().toUpperCase();
      ref.target = byId.get(whole) ?? byId.get(explicitMatch[1].toUpperCase());
    } else {
      const words = [...wordSet(e.text)];
      if (words.length === 0) return;
      const contains = (set: Set<string>) => words.every((w) => set.has(w));
      ref.target = titles.find((t) => t.task !== task && contains(t.words))?.task;
      if (!ref.target) ref.section = sections.find((s) => contains(s.words))?.section;
    }
    refs.push(ref);
  };
  const children = new Map<TaskItem, TaskItem[]>();
  for (const t of model.tasks)
    if (t.parent) (children.get(t.parent) ?? children.set(t.parent, []).get(t.parent)!).push(t);
  for (const task of model.tasks) {
    const own = ownSpans(task, children.get(task) ?? []);
    // A block's fields are read by the parser; a plain task's detail bullets are read here.
    const fields = task.block ? task.block.fields : own.flatMap((s) => fieldsIn(model.text, s));
    const taken: Span[] = [];
    for (const field of fields) {
      if (!DEPENDENCY_KEYS.has(field.key)) continue;
      taken.push(field);
      for (const e of splitEntries(field.value, field.valueSpan.start)) entry(task, field, e);
    }
    for (const span of own) {
      const text = model.text.slice(span.start, span.end);
      for (const m of text.matchAll(KIRO_DEPENDS)) {
        const valueStart = span.start + m.index + m[0].indexOf(m[2], m[1].length);
        if (overlaps(taken, valueStart)) continue;
        for (const e of splitEntries(m[2], valueStart)) entry(task, undefined, e);
      }
      for (const m of text.matchAll(INLINE_DEPENDS)) {
        const listStart = span.start + m.index + m[0].length - m[1].length;
        if (overlaps(taken, listStart)) continue;
        for (const id of m[1].matchAll(ID_IN_LIST)) {
          // In prose an unknown id is kept only when it looks like the plan's own ids: `T099`, not `S3`.
          if (!byId.has(normalId(id[0])) && !prefixes.has(idPrefix(id[0]))) continue;
          const start = listStart + id.index;
          entry(task, undefined, { text: id[0], start, end: start + id[0].length });
        }
      }
    }
  }
  return { refs, cycles: findCycles(model.tasks, refs) };
}

/**
 * The id other tasks name a task by: its explicit id (`T001`, `1.2`), else the
 * number of a Kiro-style top-level task (`- [ ] 2. Build the API` → `2`).
 */
export function taskKey(task: TaskItem): string | undefined {
  return task.id ?? /^(\d+)\.(?=\s)/.exec(task.text)?.[1];
}

function normalId(text: string): string {
  return text.replace(/^task[ \t-]*/i, '').toUpperCase();
}

/** `T012` → `T`, `TASK-3` → `TASK-`, `2.1` → `` (a bare number). */
function idPrefix(text: string): string {
  return /^[A-Z]*-?/.exec(normalId(text))![0];
}

/** A task's own text: its item without the subtasks nested in it (whose dependencies are theirs). */
function ownSpans(task: TaskItem, subtasks: TaskItem[]): Span[] {
  const spans: Span[] = [];
  let start = task.start;
  for (const sub of subtasks) {
    if (sub.start > start) spans.push({ start, end: sub.start });
    start = Math.max(start, sub.end);
  }
  if (task.end > start) spans.push({ start, end: task.end });
  return spans;
}

function overlaps(spans: Span[], offset: number): boolean {
  return spans.some((s) => offset >= s.start && offset <= s.end);
}

function splitEntries(value: string, offset: number): Array<{ text: string; start: number; end: number }> {
  const entries: Array<{ text: string; start: number; end: number }> = [];
  const re = /[^,;]+/g;
  for (let m = re.exec(value); m; m = re.exec(value)) {
    const raw = m[0];
    const text = raw.trim();
    if (!text || NONE.test(text)) continue;
    const start = offset + m.index + (raw.length - raw.trimStart().length);
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
