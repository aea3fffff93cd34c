import type { CodeLens } from 'vscode-languageserver';
import { formatHours, modelled, type PlanDocument } from './document';
import { progress } from './hover';

// A lens above each phase heading: `3/12 done · 24h estimated · 9h left`.
// Display only: the command has no id, so clicking does nothing.

export function codeLenses(doc: PlanDocument): CodeLens[] {
  const m = modelled(doc);
  if (!m || !doc.engine.config.codeLens) return [];
  const lenses: CodeLens[] = [];
  for (const phase of m.model.phases) {
    const tasks = m.model.tasks.filter((t) => t.start >= phase.start && t.start < phase.end);
    if (tasks.length === 0) continue;
    const p = progress(m, tasks);
    const title = [`${p.done}/${p.total} done`, ...(p.estimate > 0 ? [`${formatHours(p.estimate)} estimated`, `${formatHours(p.remaining)} left`] : [])].join(' · ');
    lenses.push({ range: m.analysis.lines.range(phase.heading), command: { title, command: '' } });
  }
  return lenses;
}
