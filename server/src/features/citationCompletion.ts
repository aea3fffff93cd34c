import type { CompletionItem, Position, Range } from 'vscode-languageserver';
import { parseRequirements, requirementNumbers, taskKey, type TaskItem } from '../engine';
import { taskName, type ModelledDocument } from './document';

// Completion of what a task line cites, where the format writes it without a bold field:
// spec-kit's inline `(depends on T012, T0|`, Kiro's `_Depends: 1.|_` → the plan's task ids;
// Kiro's `_Requirements: 1.1, |_` → the acceptance criteria of the requirements.md beside
// the plan (with what each says). Only on a task's lines: "depends on" in prose is prose.

const KIND_VALUE = 12;
const KIND_REFERENCE = 18;

// After the keyword, the entries already written (separated by `,`, `and`, `&`) and the one being typed.
const INLINE_DEPENDS = /\bdepends?[ \t]+on:?[ \t]+(?:[\w.-]+[ \t]*(?:,|\band\b|&)[ \t]*)*([\w.-]*)$/i;
const KIRO_LINE =
  /^[ \t>]*[-*+][ \t]+[_*]{1,2}(requirements?|depends(?:[ \t]+on)?|dependencies)[ \t]*:[ \t]*([^_*\r\n]*)$/i;

export function citationItems(m: ModelledDocument, before: string, position: Position): CompletionItem[] | undefined {
  const offset = m.analysis.lines.offset(position);
  const task = innermostTask(m.model.tasks, offset);
  if (!task) return undefined;
  const kiro = KIRO_LINE.exec(before);
  if (kiro) {
    const typed = /[\w.]*$/.exec(kiro[2])![0];
    const range = typedRange(position, typed);
    if (/^req/i.test(kiro[1])) return requirementItems(m, kiro[2], range);
    return dependencyItems(m, position, range, true);
  }
  const inline = INLINE_DEPENDS.exec(before);
  if (inline) return dependencyItems(m, position, typedRange(position, inline[1]), true);
  return undefined;
}

function typedRange(position: Position, typed: string): Range {
  return { start: { line: position.line, character: position.character - typed.length }, end: position };
}

/** The deepest task whose item holds the offset. */
function innermostTask(tasks: readonly TaskItem[], offset: number): TaskItem | undefined {
  return tasks.filter((t) => t.start <= offset && offset <= t.end).pop();
}

/** The plan's tasks to depend on: by id; in a reference plan also id-less task blocks, by title. */
export function dependencyItems(
  m: ModelledDocument,
  position: Position,
  range: Range,
  idsOnly = false,
): CompletionItem[] {
  const offset = m.analysis.lines.offset(position);
  const own = innermostTask(m.model.tasks, offset);
  return m.model.tasks
    .filter((t) => t !== own && (taskKey(t) || (!idsOnly && t.block)))
    .map((t, i) => {
      const id = taskKey(t);
      const name = taskName(t);
      return {
        label: id ?? name,
        kind: KIND_REFERENCE,
        detail: id ? name : undefined,
        labelDetails: t.phase ? { description: t.phase.heading.text } : undefined,
        sortText: String(i).padStart(5, '0'),
        filterText: `${id ?? ''} ${name}`,
        textEdit: { range, newText: id ?? name },
      };
    });
}

/** requirements.md's criteria (`2.1`), those the line cites already left out; none without the file. */
function requirementItems(m: ModelledDocument, written: string, range: Range): CompletionItem[] {
  const file = m.analysis.facts?.siblings?.['requirements.md'];
  if (file === undefined) return [];
  const { texts } = parseRequirements(file);
  // Those written before the entry being typed.
  const cited = new Set(written.split(/[\s,，、;]+/).slice(0, -1));
  return [...new Set(requirementNumbers(file))]
    .filter((n) => !cited.has(n))
    .map((n, i) => ({
      label: n,
      kind: KIND_VALUE,
      detail: texts.get(n),
      sortText: String(i).padStart(5, '0'),
      textEdit: { range, newText: n },
    }));
}
