import { leadingToken } from '../taskIds';
import type { Rule } from './rule';

// Numbered tasks (Kiro: `- [ ] 2. Title` with sub-tasks `- [ ] 2.1 …` indented
// under it) say where they belong by their number: a sub-task `2.1` nested under
// task 3 is misplaced or misnumbered. A deeper number under its ancestor (`9.1.1`
// written beside `9.1` under task 9) is not. Duplicate numbers are duplicate-task-id's.

const NUMBER = /^\d+(?:\.\d+)*$/;

export const taskNumbering: Rule = {
  id: 'task-numbering',
  description: 'A numbered sub-task (`2.1`) is nested under a task with another number.',
  defaultSeverity: 'warning',
  check({ model }, report) {
    for (const task of model.tasks) {
      const own = leadingToken(task.text);
      const parent = task.parent && leadingToken(task.parent.text);
      if (!parent || !NUMBER.test(own) || !NUMBER.test(parent) || !own.includes('.')) continue;
      const prefix = own.slice(0, own.lastIndexOf('.'));
      // `9.1.1` beside `9.1` under task 9: a follow-up inserted without renumbering, still task 9's.
      if (prefix === parent || own.startsWith(`${parent}.`)) continue;
      const start = model.text.indexOf(own, task.checkbox.end);
      report({
        span: { start, end: start + own.length },
        message: `Sub-task ${own} is nested under task ${parent}: renumber it ${parent}.n or move it under task ${prefix}.`,
      });
    }
  },
};
