import type { Rule } from './rule';

export const malformedCheckbox: Rule = {
  id: 'malformed-checkbox',
  description: 'A line meant as a task is not one: `- []`, `-[ ]`, `- [ x]`, `- [v]`, a bare `[ ] text`.',
  defaultSeverity: 'warning',
  check({ model }, report) {
    for (const m of model.malformedCheckboxes) {
      // `[ ] text` over a `---` line is a setext heading: the fix turns a heading into a task,
      // likely what the author meant, but not certainly, so it is left to them.
      const inHeading = model.headings.some((h) => h.start <= m.start && m.end <= h.end);
      report({
        span: m,
        message: `"${m.found}" is not a task checkbox, so this task is not tracked; write "${m.replacement.trimEnd()}".`,
        fixes: [
          {
            title: `Change to "${m.replacement.trimEnd()}"`,
            preferred: true,
            // Only the marker changes, into the one it was certainly meant to be.
            safe: !inHeading,
            edits: [{ span: m, newText: m.replacement }],
          },
        ],
      });
    }
  },
};
