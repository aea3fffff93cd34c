import { nextFreeId } from '../newTask';
import { leadingToken } from '../taskIds';
import type { TaskItem } from '../model';
import type { Rule } from './rule';

// The task line of a format with task ids (spec-kit: `- [ ] T012 [P] [US1] Description`):
// a task without an id, and a line written like a task (`T012 Description`,
// `- T012 …`) that has no checkbox, so nothing tracks it. Only in plans whose tasks use
// ids at all, and never in code.
// Fixes: a checkbox for a line written as a task (certain: what the line says it is); the
// next free id for a task without one (a quick fix only: fix-all would give several tasks
// the same number).

// A line that starts like a task of the format but has no checkbox: an optional bullet,
// the id (maybe bold), then tags or a word.
const UNCHECKED = /^([ \t]*)(?:[-*+][ \t]+)?(?:\*\*)?(T\d{3,})(?:\*\*)?[ \t]+(?=\[|\p{L})/gmu;

export const taskFormat: Rule = {
  id: 'task-format',
  description:
    'A task of a format with task ids (spec-kit `- [ ] T012 [P] [US1] …`) has no id, or a line written as such a task has no checkbox.',
  defaultSeverity: 'warning',
  check({ model, profile }, report) {
    const grammar = profile.tasks;
    if (!grammar.id || !grammar.idRequired) return;
    const top = model.tasks.filter((t) => !t.parent);
    const withId = top.filter((t) => grammar.id!.test(leadingToken(t.text)));
    // "SKIP: T039 (…)" names its id after a word: not a task without one.
    const namesId = (t: (typeof top)[number]) =>
      t.text.split(/[\s(),:;]+/).some((word) => grammar.id!.test(word.replace(/^\*+|\*+$/g, '')));
    if (withId.length === 0) return;
    const freeId = nextFreeId(model, grammar);
    // A section whose tasks have ids holds the plan's tasks; checklists elsewhere
    // (validation lists, checkpoints) are not held to the task grammar.
    const taskSections = new Set(withId.map((t) => t.section));
    for (const task of top) {
      if (!taskSections.has(task.section) || withId.includes(task) || namesId(task)) continue;
      // A list of its own after a paragraph ("**Improvements completed**:") is a checklist, not tasks.
      const neighbour = nearest(withId, task).find((t) => t.section === task.section && sameList(model.text, t, task));
      if (!neighbour) continue;
      const example = leadingToken(neighbour.text);
      // The id goes where the format writes it: first in the task's text.
      const at = task.checkbox.end + /^[ \t]*/.exec(model.text.slice(task.checkbox.end))![0].length;
      report({
        span: task.checkbox,
        message: `This task has no id, unlike the other tasks here (such as ${example}): give it the next free id.`,
        fixes: freeId
          ? [
              {
                title: `Number it ${freeId}`,
                preferred: true,
                edits: [{ span: { start: at, end: at }, newText: `${freeId} ` }],
              },
            ]
          : undefined,
      });
    }
    UNCHECKED.lastIndex = 0;
    for (let m = UNCHECKED.exec(model.text); m; m = UNCHECKED.exec(model.text)) {
      const start = m.index + m[1].length;
      // Inside a task is its own text (a wrapped line "T021 falhando, T022 …"), not a new task.
      if (top.some((t) => t.start <= start && start < t.end) || inCode(model, start)) continue;
      if (!taskSections.has(sectionAt(model, start))) continue;
      const idStart = m.index + m[0].indexOf(m[2]);
      const bullet = /^[-*+][ \t]+/.exec(model.text.slice(start))?.[0];
      // Four spaces without a bullet could be an indented code block: not certainly a task.
      const certain = bullet !== undefined || m[1].replace(/\t/g, '    ').length < 4;
      const at = start + (bullet?.length ?? 0);
      report({
        span: { start: idStart, end: idStart + m[2].length },
        message: `${m[2]} is written as a task but has no checkbox, so it is not tracked: write "- [ ] ${m[2]} …".`,
        fixes: certain
          ? [
              {
                title: bullet ? 'Add the checkbox "[ ]"' : 'Make it a task: "- [ ] "',
                preferred: true,
                safe: true,
                edits: [{ span: { start: at, end: at }, newText: bullet ? '[ ] ' : '- [ ] ' }],
              },
            ]
          : undefined,
      });
    }
  },
};

function inCode(model: Parameters<Rule['check']>[0]['model'], offset: number): boolean {
  // Brackets record whether they lie in code; fenced blocks are found by their fences.
  const before = model.text.slice(0, offset);
  const fences = before.match(/^ {0,3}(?:```|~~~)/gm);
  return (fences?.length ?? 0) % 2 === 1;
}

function sectionAt(model: Parameters<Rule['check']>[0]['model'], offset: number) {
  let found;
  const visit = (sections: typeof model.sections) => {
    for (const s of sections) {
      if (s.start <= offset && offset < s.end) {
        found = s;
        visit(s.children);
      }
    }
  };
  visit(model.sections);
  return found;
}

/** Are two top-level tasks items of one list: nothing but list items and blank lines between them? */
function sameList(text: string, a: TaskItem, b: TaskItem): boolean {
  const [first, second] = a.start < b.start ? [a, b] : [b, a];
  const between = text
    .slice(first.start, second.start)
    .split(/\r?\n|\r/)
    .slice(1);
  // A line at the list's margin that starts no item ends the list.
  return between.every((line) => !/^\S/.test(line) || /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/.test(line));
}

/** The id'd tasks just before and just after a task, in document order (`withId` is in it). */
function nearest(withId: TaskItem[], task: TaskItem): TaskItem[] {
  const after = withId.findIndex((t) => t.start > task.start);
  const i = after < 0 ? withId.length : after;
  return [withId[i - 1], withId[i]].filter((t): t is TaskItem => t !== undefined);
}
