import type { DocumentSymbol, SymbolInformation } from 'vscode-languageserver';
import type { Section, TaskItem } from '../engine';
import { idSpan, modelled, STATE_ICON, taskLine, taskName, type ModelledDocument, type PlanDocument } from './document';
import { formatHours, taskEstimate } from '../engine';

// Document symbols: sections (phases first among them) → subsections → task
// blocks, the checked state and estimate in `detail`. Workspace symbols: the
// tasks of every plan, matched against the query.

const KIND = { module: 2, namespace: 3, string: 15, event: 24 } as const;

export function documentSymbols(doc: PlanDocument): DocumentSymbol[] {
  const m = modelled(doc);
  if (!m) return [];
  const tasksBySection = new Map<Section | undefined, TaskItem[]>();
  for (const t of m.model.tasks) {
    if (!t.block) continue;
    (tasksBySection.get(t.section) ?? tasksBySection.set(t.section, []).get(t.section)!).push(t);
  }
  const toSymbol = (s: Section): DocumentSymbol => ({
    name: s.heading.text || '(untitled)',
    kind: s.heading.phase !== undefined ? KIND.module : KIND.namespace,
    range: m.analysis.lines.range(s),
    selectionRange: m.analysis.lines.range(s.heading),
    children: [...(tasksBySection.get(s) ?? []).map((t) => taskSymbol(m, t)), ...s.children.map(toSymbol)].sort(
      byStart,
    ),
  });
  return [...(tasksBySection.get(undefined) ?? []).map((t) => taskSymbol(m, t)), ...m.model.sections.map(toSymbol)];
}

function byStart(a: DocumentSymbol, b: DocumentSymbol): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

function taskSymbol(m: ModelledDocument, t: TaskItem): DocumentSymbol {
  const line = taskLine(m, t);
  const selection =
    t.block && t.block.titleSpan.end > t.block.titleSpan.start ? t.block.titleSpan : (idSpan(m, t) ?? line);
  return {
    name: taskName(t),
    detail: detailOf(m, t),
    kind: KIND.event,
    range: m.analysis.lines.range(t),
    selectionRange: m.analysis.lines.range(selection),
  };
}

function detailOf(m: ModelledDocument, t: TaskItem): string {
  const hours = taskEstimate(t, m.model.text, m.engine.config);
  const state = `${STATE_ICON[t.state]} ${{ done: 'done', open: 'open', 'in-progress': 'in progress', unknown: 'not done' }[t.state]}`;
  return `${state}${t.optional ? ' · optional' : ''}${hours !== undefined ? ` · ${formatHours(hours)}` : ''}`;
}

/** The tasks of one plan as workspace symbols, when their name matches the query (letters in order, any case). */
export function workspaceSymbols(doc: PlanDocument, query: string): SymbolInformation[] {
  const m = modelled(doc);
  if (!m) return [];
  return m.model.tasks
    .filter((t) => t.block && matches(taskName(t), query))
    .map((t) => ({
      name: taskName(t),
      kind: KIND.event,
      location: { uri: doc.uri, range: m.analysis.lines.range(taskLine(m, t)) },
      containerName: t.phase?.heading.text ?? t.section?.heading.text ?? m.model.title?.text,
    }));
}

export function matches(name: string, query: string): boolean {
  const n = name.toLowerCase();
  let i = 0;
  for (const c of query.toLowerCase().replace(/\s+/g, '')) {
    i = n.indexOf(c, i);
    if (i < 0) return false;
    i++;
  }
  return true;
}
