import { checkboxPrefix } from '../checkboxes';
import type { MalformedCheckbox } from '../model';
import type { Rule } from './rule';

export const malformedCheckbox: Rule = {
  id: 'malformed-checkbox',
  description:
    'A line meant as a task is not one (`- []`, `-[ ]`, `- [ x]`, a bare `[ ] text`, a checkbox in a heading or after text such as `001: - [ ]`), or a task has a marker planmark does not know (`- [~]`, `- [v]`), which counts as not done.',
  defaultSeverity: 'warning',
  check({ model }, report) {
    for (const m of model.malformedCheckboxes) {
      // `[ ] text` over a `---` line is a setext heading: the fix turns a heading into a task,
      // likely what the author meant, but not certainly, so it is left to them.
      const inHeading = model.headings.some((h) => h.start <= m.start && m.end <= h.end);
      const write = m.replacement?.trimEnd();
      report({
        span: m,
        message: message(m, write),
        fixes: write
          ? [
              {
                title: `Change to "${write}"`,
                preferred: true,
                // A syntax slip, or a done mark (`[v]`, `[✓]`), has one certain meaning; turning
                // an unknown marker into `[ ]` (`[~]` blocked?) drops what the author meant.
                safe: !inHeading && (!m.tracked || write.endsWith('[x]') || write.endsWith('[X]')),
                edits: [{ span: m, newText: m.replacement! }],
              },
            ]
          : undefined,
      });
    }
  },
};

function message(m: MalformedCheckbox, write: string | undefined): string {
  if (m.placement === 'heading')
    return `A checkbox in a heading makes no task, so this task is not tracked: write it as a list item, "${m.asTask}", under a heading.`;
  if (m.placement === 'after-text')
    return `A checkbox after "${checkboxPrefix(m.found)}" makes no task, so this task is not tracked: start the line with the checkbox, "${m.asTask}".`;
  if (!m.tracked) return `"${m.found}" is not a task checkbox, so this task is not tracked; write "${write}".`;
  const known = '"[ ]" open, "[-]" in progress, "[x]" done';
  return write
    ? `"${m.found}" is not a task state planmark knows, so this task counts as not done; write "${write}" (${known}).`
    : `"${m.found}" is not a task state planmark knows, so this task counts as not done; use ${known}.`;
}
