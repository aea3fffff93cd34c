import type { PlanModel, Section, TaskItem } from './model';
import type { RepoFacts, ResolvedProfile, TaskGrammar } from './profiles/profile';
import { parseRequirements } from './requirements';
import { phaseKind } from './specKitPhases';
import { leadingToken, taskIdOf } from './taskIds';

// A new task as the plan's format writes it at a given place: the id it takes and
// what the format offers there (spec-kit's `[P]` marker and the phase's `[USn]`
// label, Kiro's next number and the requirements it may cite). The editor's `task`
// completion turns this into a snippet. Pure: the model, the profile and the
// repository facts the caller gathered go in; nothing is read from disk.

export type NewTask =
  /**
   * `- [ ] T013 [P]? [US2]? …`: the next free id; `labels`: the phase's story labels (one, or
   * several in a "User Stories 2 & 3" phase), none outside user-story phases.
   */
  | { form: 'spec-kit'; id: string; labels: string[] }
  /** `- [ ] 4. …` or, indented under task 2, `- [ ] 2.4 …`; `requirements`: what requirements.md lets it cite. */
  | { form: 'numbered'; id: string; sub: boolean; requirements: string[] }
  /** `- [ ] …`, numbered on from the task before it when the plan numbers its tasks. */
  | { form: 'checkbox'; id?: string }
  /** The reference template's `**Task**:` block. */
  | { form: 'block'; id?: string };

/**
 * The task to insert at `offset`, on a line indented by `indent` columns (a Kiro
 * sub-task is indented under its parent).
 */
export function newTask(
  model: PlanModel,
  profile: ResolvedProfile,
  facts: RepoFacts,
  offset: number,
  indent: number,
): NewTask {
  switch (profile.profile.id) {
    case 'reference': {
      // As before profiles: the id after the previous task's, as the model reads ids in blocks.
      const previous = model.tasks.filter((t) => t.id && t.start < offset).pop();
      return { form: 'block', id: previous && increment(previous.id!) };
    }
    case 'spec-kit-tasks': {
      const id = nextFreeId(model, profile.tasks);
      if (id) return { form: 'spec-kit', id, labels: storyLabelsAt(model, offset) };
      break;
    }
    case 'kiro-tasks':
      return numbered(model, profile.tasks, facts, offset, indent);
  }
  return { form: 'checkbox', id: followingId(model, profile.tasks, offset) };
}

/** The id after the nearest earlier task that has one, skipping ids the plan already uses. */
function followingId(model: PlanModel, grammar: TaskGrammar, offset: number): string | undefined {
  const ids = model.tasks.map((t) => taskIdOf(t, grammar));
  const previous = ids.filter((id, i) => id && model.tasks[i].start < offset).pop();
  if (!previous) return undefined;
  const taken = new Set(ids.map((id) => id?.toUpperCase()));
  let id = increment(previous);
  for (let i = 0; taken.has(id.toUpperCase()) && i < 10_000; i++) id = increment(id);
  return id;
}

/** T0004 → T0005, 2.3 → 2.4, TASK-009 → TASK-010 (width kept). */
export function increment(id: string): string {
  const m = /^(.*?)(\d+)$/.exec(id);
  if (!m) return id;
  const n = String(Number(m[2]) + 1).padStart(m[2].length, '0');
  return m[1] + n;
}

// A line written as a task but without its checkbox still holds its id (task-format reports it).
const UNCHECKED_ID = /^[ \t]*(?:[-*+][ \t]+)?(?:\*\*)?([A-Za-z]+\d+)/gm;

/**
 * One more than the highest id of the format in the plan (T041 after T040, even when typed in
 * an earlier phase: a lower free number would read as out of order), its digits as wide as
 * the plan writes them. Without any id yet: the first one, if the grammar takes `T001`.
 */
export function nextFreeId(model: PlanModel, grammar: TaskGrammar): string | undefined {
  if (!grammar.id) return undefined;
  const tokens = model.tasks.map((t) => leadingToken(t.text).replace(/^\*\*|\*\*$/g, ''));
  UNCHECKED_ID.lastIndex = 0;
  for (let m = UNCHECKED_ID.exec(model.text); m; m = UNCHECKED_ID.exec(model.text)) tokens.push(m[1]);
  let best: { prefix: string; n: number; width: number } | undefined;
  for (const token of tokens) {
    if (!grammar.id.test(token)) continue;
    const m = /^(\D*)(\d+)/.exec(token);
    if (m && (!best || Number(m[2]) > best.n)) best = { prefix: m[1], n: Number(m[2]), width: m[2].length };
  }
  if (!best) return grammar.id.test('T001') ? 'T001' : undefined;
  return best.prefix + String(best.n + 1).padStart(best.width, '0');
}

/** `US2` inside a "User Story 2" phase (`US2`, `US3` in "User Stories 2 & 3"); none in shared phases (Setup, Foundational, Polish) or elsewhere. */
export function storyLabelsAt(model: PlanModel, offset: number): string[] {
  for (let s = innermostSection(model.sections, offset); s; s = s.parent) {
    const kind = phaseKind(s.heading.text);
    if (kind) return kind.kind === 'story' ? kind.stories.map((n) => `US${n}`) : [];
  }
  return [];
}

function innermostSection(sections: readonly Section[], offset: number): Section | undefined {
  const s = sections.find((s) => s.start <= offset && offset <= s.end);
  return s ? (innermostSection(s.children, offset) ?? s) : undefined;
}

/**
 * Kiro: at the left margin the number after the highest top-level one; indented, a sub-task
 * of the nearest task above with less indentation, numbered after its highest sub-task.
 */
function numbered(model: PlanModel, grammar: TaskGrammar, facts: RepoFacts, offset: number, indent: number): NewTask {
  const requirements = requirementNumbers(facts.siblings?.['requirements.md']);
  const ids = model.tasks.map((t) => taskIdOf(t, grammar) ?? '');
  const parent =
    indent > 0 ? model.tasks.filter((t) => t.start < offset && indentOf(model, t) < indent).pop() : undefined;
  const parentId = parent && taskIdOf(parent, grammar);
  if (parentId) {
    const prefix = `${parentId}.`;
    const subs = ids.filter((id) => id.startsWith(prefix) && !id.slice(prefix.length).includes('.'));
    const n = Math.max(0, ...subs.map((id) => Number(id.slice(prefix.length))));
    return { form: 'numbered', id: `${prefix}${n + 1}`, sub: true, requirements };
  }
  const n = Math.max(0, ...ids.filter(Boolean).map((id) => Number(id.split('.')[0])));
  return { form: 'numbered', id: `${n + 1}`, sub: false, requirements };
}

/** Columns before the task's bullet. */
function indentOf(model: PlanModel, task: TaskItem): number {
  const lineStart = model.text.lastIndexOf('\n', task.checkbox.start - 1) + 1;
  return /^[ \t>]*/.exec(model.text.slice(lineStart, task.checkbox.start))![0].replace(/\t/g, '    ').length;
}

/** Every acceptance criterion (`1.2`), or the requirement itself where it has none readable. */
export function requirementNumbers(text: string | undefined): string[] {
  if (text === undefined) return [];
  const numbers: string[] = [];
  for (const [req, criteria] of parseRequirements(text).byNumber) {
    if (criteria.length === 0) numbers.push(req);
    for (const c of criteria) numbers.push(`${req}.${c}`);
  }
  return numbers;
}
