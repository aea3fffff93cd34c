import { lineEnd } from '../lineIndex';
import type { Section, TaskItem } from '../model';
import type { Rule } from './rule';

const COMPLETE_STATUS = /^(?:complete|completed|done|finished)$/i;
// "API docs (Sphinx) - Optional (can be added later)", "Docker image (опционально)".
const OPTIONAL_WORD =
  /(?<![\p{L}\p{N}])(?:optional|опционально|необязательно|optionnel(?:le)?|opcional|facoltativo|optioneel)(?![\p{L}\p{N}])|可选|任意/iu;

export const inconsistentStatus: Rule = {
  id: 'inconsistent-status',
  description:
    'The plan claims what its content contradicts: Status Complete with open tasks, a phase or section marked complete with open tasks, a checked task that still holds a placeholder.',
  defaultSeverity: 'warning',
  check({ model, hasPlaceholder }, report) {
    // An optional task (`- [ ]*`, or one its text calls optional) left open contradicts no claim of completion.
    const open = model.tasks.filter((t) => !t.checked && !t.optional && !OPTIONAL_WORD.test(t.text));
    const status = model.metadata.find((f) => f.key === 'status');
    if (
      status &&
      COMPLETE_STATUS.test(status.value.replace(/[`*_\p{Extended_Pictographic}\uFE0F]/gu, '').trim()) &&
      open.length > 0
    ) {
      report({
        span: status.valueSpan,
        message: `Status says "${status.value}" but ${count(open.length)} still open (first: ${describe(open[0])}).`,
      });
    }
    // A phase or a heading that names a task ("### Task 8.14: … ✅", "#### T012 ✅") claims
    // its tasks are done. Other headings ("✅ Core feature complete") often summarise what
    // is done while follow-ups stay open on purpose, so they are not held to it. Open tasks
    // under a nested heading that claims completion too are reported there, once.
    for (const section of claiming(model.sections)) {
      const nested = claiming(section.children);
      const inside = open.filter((t) => within(t, section) && !nested.some((n) => within(t, n)));
      if (inside.length > 0) {
        report({
          span: section.heading,
          message: `"${section.heading.text}" is marked complete but ${count(inside.length)} still open (first: ${describe(inside[0])}).`,
        });
      }
    }
    for (const task of model.tasks) {
      const line = { start: task.checkbox.start, end: lineEnd(model.text, task.checkbox.end) };
      if (task.checked && hasPlaceholder(line)) {
        report({ span: line, message: 'This task is checked but still holds an unfilled placeholder.' });
      }
    }
  },
};

/** Sections whose heading claims completion, outermost first, at any depth. */
function claiming(sections: readonly Section[]): Section[] {
  return sections.flatMap((s) => (claims(s) ? [s, ...claiming(s.children)] : claiming(s.children)));
}

const TASK_HEADING =
  /^[\p{Extended_Pictographic}\uFE0F\s]*(?:task[\s-]*)?(?:[A-Z]{1,5}-?\d+(?:\.\d+)*|\d+(?:\.\d+)+)(?=$|[\s:.)\]–—-])/iu;

function claims(section: Section): boolean {
  const { heading } = section;
  return heading.claimsComplete && (heading.phase !== undefined || TASK_HEADING.test(heading.text));
}

function within(task: TaskItem, section: Section): boolean {
  return task.start >= section.start && task.start < section.end;
}

function count(n: number): string {
  return n === 1 ? '1 task is' : `${n} tasks are`;
}

function describe(t: TaskItem): string {
  return `"${(t.block?.title ?? t.text).slice(0, 60)}"`;
}
