import type { CodeLens } from 'vscode-languageserver';
import { formatHours, progressExtras } from '../engine';
import { modelled, outlineSection, taskLine, type ModelledDocument, type PlanDocument } from './document';

// A lens above each phase heading: `3/12 done · 24h estimated · 9h left`. In a Kiro task
// list, whose top-level tasks group the work as phases do elsewhere, a lens above each task
// with sub-tasks: `1/3 sub-tasks done · optional 0/1`.
// Display only: the command has no id, so clicking does nothing.

export function codeLenses(doc: PlanDocument): CodeLens[] {
  const m = modelled(doc);
  if (!m || !doc.engine.config.codeLens) return [];
  const lenses: CodeLens[] = [];
  for (const phase of m.model.phases) {
    const p = outlineSection(m, phase);
    if (!p) continue;
    const title = [
      `${p.done}/${p.total} done`,
      ...progressExtras(p),
      ...(p.estimateHours > 0
        ? [`${formatHours(p.estimateHours)} estimated`, `${formatHours(p.remainingHours)} left`]
        : []),
    ].join(' · ');
    lenses.push({ range: m.analysis.lines.range(phase.heading), command: { title, command: '' } });
  }
  if (m.analysis.profile?.id === 'kiro-tasks') lenses.push(...subtaskLenses(m));
  return lenses;
}

function subtaskLenses(m: ModelledDocument): CodeLens[] {
  const lenses: CodeLens[] = [];
  for (const task of m.model.tasks) {
    if (task.parent) continue;
    const subtasks = m.model.tasks.filter((t) => t.parent === task);
    if (subtasks.length === 0) continue;
    const required = subtasks.filter((t) => !t.optional);
    const optional = subtasks.filter((t) => t.optional);
    const title = [
      `${required.filter((t) => t.checked).length}/${required.length} sub-tasks done`,
      ...progressExtras({
        inProgress: subtasks.filter((t) => t.state === 'in-progress').length,
        optionalDone: optional.filter((t) => t.checked).length,
        optionalTotal: optional.length,
      }),
    ].join(' · ');
    lenses.push({ range: m.analysis.lines.range(taskLine(m, task)), command: { title, command: '' } });
  }
  return lenses;
}
