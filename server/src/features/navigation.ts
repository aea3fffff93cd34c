import type { Location, Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { DependencyRef } from '../engine';
import type { TaskItem } from '../engine';
import {
  dependencies,
  findId,
  idSpan,
  modelled,
  taskAt,
  taskLine,
  within,
  type ModelledDocument,
  type PlanDocument,
} from './document';

// Go to definition from a Dependencies entry to the task (or section) it
// names; references of a task (every Dependencies entry naming it); rename of
// a task id and of every entry that names it by that id.

const ID = /^(?:[A-Z]{1,5}-?\d+(?:\.\d+)*|\d+(?:\.\d+)*)$/i;

function refAt(m: ModelledDocument, offset: number): DependencyRef | undefined {
  return dependencies(m).refs.find((r) => within(r, offset));
}

export function definition(doc: PlanDocument, position: Position): Location | null {
  const m = modelled(doc);
  if (!m) return null;
  const ref = refAt(m, m.analysis.lines.offset(position));
  if (ref?.target) return { uri: doc.uri, range: m.analysis.lines.range(taskLine(m, ref.target)) };
  if (ref?.section) return { uri: doc.uri, range: m.analysis.lines.range(ref.section.heading) };
  return null;
}

/** The task at the position: the one whose first line it is on, or the one the Dependencies entry there names. */
function taskOf(m: ModelledDocument, offset: number): TaskItem | undefined {
  return refAt(m, offset)?.target ?? taskAt(m, offset);
}

export function references(doc: PlanDocument, position: Position, includeDeclaration: boolean): Location[] {
  const m = modelled(doc);
  if (!m) return [];
  const task = taskOf(m, m.analysis.lines.offset(position));
  if (!task) return [];
  const at = (span: { start: number; end: number }): Location => ({
    uri: doc.uri,
    range: m.analysis.lines.range(span),
  });
  const refs = dependencies(m)
    .refs.filter((r) => r.target === task)
    .map((r) => at(r));
  return includeDeclaration ? [at(idSpan(m, task) ?? taskLine(m, task)), ...refs] : refs;
}

export function prepareRename(doc: PlanDocument, position: Position): { range: Range; placeholder: string } | null {
  const m = modelled(doc);
  if (!m) return null;
  const found = renameTarget(m, m.analysis.lines.offset(position));
  return found ? { range: m.analysis.lines.range(found.span), placeholder: found.task.id! } : null;
}

/** The task whose id is under the offset, in its own line or in a Dependencies entry naming it by id. */
function renameTarget(m: ModelledDocument, offset: number) {
  const ref = refAt(m, offset);
  if (ref?.target?.id && ref.explicit) {
    const span = findId(m.model.text, ref, ref.target.id);
    if (span && within(span, offset)) return { task: ref.target, span };
  }
  const task = taskAt(m, offset);
  const span = task && idSpan(m, task);
  return task && span && within(span, offset) ? { task, span } : undefined;
}

/** A workspace edit, or an error message to show when the new id cannot be used. */
export function rename(
  doc: PlanDocument,
  position: Position,
  newName: string,
): WorkspaceEdit | { error: string } | null {
  const m = modelled(doc);
  if (!m) return null;
  const found = renameTarget(m, m.analysis.lines.offset(position));
  if (!found) return { error: 'Only a task id (such as T001 or 2.1) can be renamed here.' };
  const id = newName.trim();
  if (!ID.test(id))
    return { error: `"${newName}" is not a task id: use letters and digits such as T001, TASK-7 or 2.1.` };
  if (m.model.tasks.some((t) => t !== found.task && t.id === id.toUpperCase()))
    return { error: `Another task already has the id ${id}.` };
  const edits: TextEdit[] = [{ range: m.analysis.lines.range(idSpan(m, found.task)!), newText: id }];
  for (const ref of dependencies(m).refs) {
    if (ref.target !== found.task || !ref.explicit) continue;
    const span = findId(m.model.text, ref, found.task.id!);
    if (span) edits.push({ range: m.analysis.lines.range(span), newText: id });
  }
  return { changes: { [doc.uri]: edits } };
}
