import type { Analysis, OutlineSection, PlanEngine } from '../engine';
import type { DependencyGraph } from '../engine';
import type { PlanModel, ResolvedProfile, Section, Span, TaskItem, TaskState } from '../engine';

// What every editor feature works on: one analysed version of one plan
// document and the engine (template, settings) it was analysed with. Features
// are pure functions of this and the request; none parses again, none touches
// the connection or the disk.

export interface PlanDocument {
  uri: string;
  analysis: Analysis;
  engine: PlanEngine;
}

/** A plan document that was validated (not skipped): its model is there. */
export interface ModelledDocument extends PlanDocument {
  model: PlanModel;
}

export function modelled(doc: PlanDocument): ModelledDocument | undefined {
  return doc.analysis.model ? { ...doc, model: doc.analysis.model } : undefined;
}

/** The plan's profile made concrete (schema, task grammar); an analysis without one reads as the reference. */
export function profileOf(doc: PlanDocument): ResolvedProfile {
  return doc.analysis.resolvedProfile ?? doc.engine.resolveProfile({ id: 'reference', reason: '' });
}

/**
 * The files of the workspace a document belongs to, as the server sees them on
 * disk. Paths are relative to the workspace folder, with forward slashes. A
 * virtual workspace (or a document outside any folder) has none.
 */
export interface WorkspaceFiles {
  /** Every file of the document's folder (bounded), for path completion. */
  list(documentUri: string): Promise<readonly string[]>;
  /** The uri of an existing file named by `path` (relative to the folder, or to the document's own directory). */
  resolve(documentUri: string, path: string): string | undefined;
}

export const NO_FILES: WorkspaceFiles = { list: async () => [], resolve: () => undefined };

export function within(span: Span, offset: number): boolean {
  return offset >= span.start && offset <= span.end;
}

/** Every section, depth first, in document order. */
export function allSections(sections: readonly Section[]): Section[] {
  return sections.flatMap((s) => [s, ...allSections(s.children)]);
}

/** The span of the task's first line, from its bullet's checkbox to the line end. */
export function taskLine(doc: ModelledDocument, task: TaskItem): Span {
  const { lines } = doc.analysis;
  const line = lines.position(task.checkbox.start).line;
  return { start: task.checkbox.start, end: lines.lineEnd(line) };
}

/** The task whose first line holds the offset. */
export function taskAt(doc: ModelledDocument, offset: number): TaskItem | undefined {
  return doc.model.tasks.find((t) => {
    const line = taskLine(doc, t);
    return offset >= doc.analysis.lines.lineStart(doc.analysis.lines.position(line.start).line) && offset <= line.end;
  });
}

/** Where a task's id is written on its first line (`T001`, `2.1` in `**Task 2.1**:`), if it has one. */
export function idSpan(doc: ModelledDocument, task: TaskItem): Span | undefined {
  if (!task.id) return undefined;
  const line = taskLine(doc, task);
  return findId(doc.model.text, line, task.id);
}

/** First occurrence of `id` in the span, as a whole token, ignoring case. */
export function findId(text: string, span: Span, id: string): Span | undefined {
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`(?<![\\p{L}\\p{N}.-])${escaped}(?![\\p{L}\\p{N}]|\\.\\d)`, 'iu').exec(
    text.slice(span.start, span.end),
  );
  return m ? { start: span.start + m.index, end: span.start + m.index + m[0].length } : undefined;
}

/** "Phase 2: Build › 2.1 Backend", the headings enclosing a section. */
export function headingPath(section: Section | undefined): string {
  const names: string[] = [];
  for (let s = section; s; s = s.parent) names.unshift(s.heading.text);
  return names.join(' › ');
}

/** A task's name as lists show it: its block title (which starts with its id), else its first line. */
export function taskName(task: TaskItem): string {
  return task.block?.title || task.text || '(untitled task)';
}

/**
 * The engine's outline entry for a section: its tasks' progress and estimate
 * totals, subsections included. None when the section holds no task.
 */
export function outlineSection(doc: ModelledDocument, section: Section): OutlineSection | undefined {
  const line = doc.analysis.lines.position(section.heading.start).line;
  const find = (sections: readonly OutlineSection[]): OutlineSection | undefined => {
    for (const s of sections) {
      if (s.headingRange.start.line === line) return s;
      const found = find(s.children);
      if (found) return found;
    }
    return undefined;
  };
  return find(doc.analysis.outline.sections);
}

/** The plan's resolved dependencies, computed once per analysis (with the model). */
export function dependencies(doc: ModelledDocument): DependencyGraph {
  return doc.analysis.dependencies!;
}

/** The box a task's state shows as in hovers and symbols (one look for both). */
export const STATE_ICON: Record<TaskState, string> = { done: '☑', open: '☐', 'in-progress': '◐', unknown: '☒' };
