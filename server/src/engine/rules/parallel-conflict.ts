import { nodeName as name, type GraphNode, type ParallelConflict } from '../graph';
import type { FileMention } from '../taskFiles';
import type { Rule } from './rule';

// Two unfinished tasks free to run at the same time (both `[P]` in one phase, or
// one wave of a plan that states its dependencies) that name the same file: run
// in parallel, they edit it at once. Reported on each task, where it names the
// file, with the other tasks; the fix is a dependency or dropping a `[P]`.

export const parallelConflict: Rule = {
  id: 'parallel-conflict',
  description: 'Two tasks that may run in parallel name the same file.',
  defaultSeverity: 'warning',
  check({ graph }, report) {
    // One finding per task and file, naming every task it collides with there.
    const found = new Map<string, { mention: FileMention; others: GraphNode[]; conflict: ParallelConflict }>();
    for (const c of graph().conflicts) {
      c.tasks.forEach((task, i) => {
        const key = `${task.key}\u0000${c.file}`;
        const entry = found.get(key) ?? found.set(key, { mention: c.mentions[i], others: [], conflict: c }).get(key)!;
        entry.others.push(c.tasks[1 - i]);
      });
    }
    for (const { mention, others, conflict } of found.values()) {
      const names = others.map((o) => name(o)).join(', ');
      const parallel = conflict.reason === 'parallel';
      const one = others.length === 1;
      const where = parallel
        ? `${one ? 'is' : 'are'} also [P] in this ${conflict.tasks[0].task.phase ? 'phase' : 'section'}`
        : `${one ? 'is' : 'are'} in the same wave (${conflict.tasks[0].wave})`;
      report({
        span: mention,
        message: `Tasks that may run in parallel change the same file: ${names} ${where} and name${one ? 's' : ''} ${mention.path} too. Order them with a dependency${parallel ? ' or drop a [P]' : ''}.`,
      });
    }
  },
};
