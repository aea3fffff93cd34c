import type { Rule } from './rule';

export const malformedCheckbox: Rule = {
  id: 'malformed-checkbox',
  description: 'A line meant as a task is not one: `- []`, `-[ ]`, `- [ x]`, `- [v]`, a bare `[ ] text`.',
  defaultSeverity: 'warning',
  check({ model }, report) {
    for (const m of model.malformedCheckboxes) {
      report({
        span: m,
        message: `"${m.found}" is not a task checkbox, so this task is not tracked; write "${m.replacement.trimEnd()}".`,
        fixes: [
          {
            title: `Change to "${m.replacement.trimEnd()}"`,
            preferred: true,
            // Only the marker changes, into the one it was certainly meant to be.
            safe: true,
            edits: [{ span: m, newText: m.replacement }],
          },
        ],
      });
    }
  },
};
