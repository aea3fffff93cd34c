import type { TaskItem } from '../model';
import type { Rule } from './rule';

export const dependencyCycle: Rule = {
  id: 'dependency-cycle',
  description: 'Tasks depend on each other in a cycle, so none of them can start.',
  defaultSeverity: 'error',
  check({ dependencies }, report) {
    for (const cycle of dependencies().cycles) {
      const path = [...cycle, cycle[0]].map(name).join(' → ');
      // Every task of the strongly connected group is reported, naming the cycle found through it.
      for (const task of cycle) {
        report({ span: task.block?.titleSpan ?? task.checkbox, message: `Dependency cycle: ${path}.` });
      }
    }
  },
};

function name(task: TaskItem): string {
  return task.id ?? `"${task.block?.title ?? task.text}"`;
}
