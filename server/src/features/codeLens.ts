import type { CodeLens } from 'vscode-languageserver';
import { formatHours, progressExtras } from '../engine';
import { modelled, outlineSection, type PlanDocument } from './document';

// A lens above each phase heading: `3/12 done · 24h estimated · 9h left`.
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
  return lenses;
}
