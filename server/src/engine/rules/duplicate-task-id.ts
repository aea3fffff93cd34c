import { lineOf, taskIdOf } from '../taskIds';
import type { Rule } from './rule';

// Two tasks with one id: references (`depends on T012`, a Kiro task run, a
// commit message) can no longer say which task they mean. The id is read as
// the plan's format writes it (see taskIds.ts); a plan of no format counts only
// ids that are unmistakably ids.

export const duplicateTaskId: Rule = {
  id: 'duplicate-task-id',
  description: 'Two tasks have the same id (`T012`, `2.1`).',
  defaultSeverity: 'warning',
  check({ model, profile }, report) {
    const first = new Map<string, number>();
    for (const task of model.tasks) {
      const id = taskIdOf(task, profile.tasks);
      if (!id) continue;
      const earlier = first.get(id);
      if (earlier === undefined) {
        first.set(id, task.start);
        continue;
      }
      const start = model.text.indexOf(id, task.checkbox.end);
      report({
        span: { start, end: start + id.length },
        message: `Task id ${id} is already used on line ${lineOf(model.text, earlier)}: give each task its own id.`,
      });
    }
  },
};
