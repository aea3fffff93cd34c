import type { CompletionItem, CompletionList, Position, Range } from 'vscode-languageserver';
import { sectionLevels } from '../engine';
import { sourceAtDepth, type RequiredSection } from '../engine';
import type { TaskBlock } from '../engine';
import {
  allSections,
  modelled,
  taskName,
  type ModelledDocument,
  type PlanDocument,
  type WorkspaceFiles,
} from './document';
import { FIELD_SNIPPETS, taskBlockSnippet } from '../taskBlock';

// Completion, by what the cursor's line says:
//   `## Ris|`                      → the template's sections missing at that level, with their skeleton
//   `  - **Es|` in a task block    → the fields the block lacks, as snippets
//   `**Dependencies**: T0|`        → the plan's tasks
//   `**Status**: |`                → the allowed statuses
//   `**File**: src/|`              → files of the workspace
//   `- |` or an empty line         → `task`: a whole task block, numbered after its neighbours

// LSP enum values written out (features import types only).
const KIND = { text: 1, field: 5, module: 9, value: 12, enumMember: 20, snippet: 15, file: 17, reference: 18 } as const;
const SNIPPET = 2;
const MAX_FILES = 500;

export const COMPLETION_TRIGGERS = ['#', ' ', '*', ':', ',', '/', '`'];

export interface CompletionOptions {
  snippets: boolean;
}

export async function completion(
  doc: PlanDocument,
  position: Position,
  files: WorkspaceFiles,
  options: CompletionOptions = { snippets: true },
): Promise<CompletionList | null> {
  const m = modelled(doc);
  if (!m) return null;
  const { lines } = doc.analysis;
  const lineStart = lines.lineStart(position.line);
  const offset = lines.offset(position);
  const before = m.model.text.slice(lineStart, offset);
  const at = (character: number, end = position.character): Range => ({
    start: { line: position.line, character },
    end: { line: position.line, character: end },
  });

  const heading = /^(#{2,6})([ \t]*)(.*)$/.exec(before);
  if (heading)
    return list(
      headingItems(
        m,
        offset,
        heading[1].length,
        heading[2] ? at(heading[1].length + heading[2].length, lineLength(m, position.line)) : undefined,
        position,
        options,
      ),
    );

  const field = /^([ \t>]*(?:[*+-]|\d{1,9}[.)])?[ \t]*)(\*\*|__)([^*_:]+?)(?::\2|\2[ \t]*:)[ \t]*(.*)$/.exec(before);
  if (field) return fieldValueItems(m, field[3], field[4], position, files);

  const block = blockAt(m, offset);
  const fieldStart = /^([ \t]*)([*+-][ \t]+)?(\*{0,2}[\p{L} ]*)$/u.exec(before);
  // A field line is indented under the task's bullet; at the bullet's own indentation a new task begins.
  if (
    block &&
    fieldStart &&
    fieldStart[1].length > indentOf(m, block) &&
    (fieldStart[2] || fieldStart[3].startsWith('*'))
  ) {
    return list(
      fieldItems(m, block, fieldStart[2] ? '' : '- ', at(fieldStart[1].length + (fieldStart[2]?.length ?? 0)), options),
    );
  }
  const listStart = /^([ \t]*)(?:([*+-]|\d{1,9}[.)])[ \t]+)?(\[[ xX]?\]?[ \t]*)?([a-z]*)$/i.exec(before);
  if (listStart && 'task'.startsWith(listStart[4].toLowerCase()))
    return list([taskItem(m, offset, listStart[1], at(listStart[1].length), options)]);
  return null;
}

function indentOf(m: ModelledDocument, block: TaskBlock): number {
  const { lines } = m.analysis;
  const start = lines.lineStart(lines.position(block.item.start).line);
  return /^[ \t>]*/.exec(m.model.text.slice(start, block.item.checkbox.start))![0].length;
}

function list(items: CompletionItem[], isIncomplete = false): CompletionList {
  return { isIncomplete, items };
}

function lineLength(m: ModelledDocument, line: number): number {
  return m.analysis.lines.lineEnd(line) - m.analysis.lines.lineStart(line);
}

/** Missing template sections at the heading's level: top-level ones, or those of the enclosing section. */
function headingItems(
  m: ModelledDocument,
  offset: number,
  depth: number,
  range: Range | undefined,
  position: Position,
  options: CompletionOptions,
): CompletionItem[] {
  const levels = sectionLevels(m.model, m.engine.template.sections);
  const enclosing = allSections(m.model.sections)
    .filter((s) => s.heading.depth < depth && s.start < offset && offset <= s.end)
    .pop();
  const level = enclosing ? levels.find((l) => l.parent === enclosing) : levels[0];
  if (!level) return [];
  // Without a space after the hashes, the item brings its own.
  const edit = range ?? { start: position, end: position };
  const lead = range ? '' : ' ';
  return level.required
    .filter((r) => !level.present.has(r.key))
    .map((r, i) => {
      const skeleton = options.snippets ? skeletonOf(r, depth, m, enclosing !== undefined) : '';
      return {
        label: r.title,
        kind: KIND.module,
        detail: `Template section (${'#'.repeat(r.depth)})`,
        documentation: { kind: 'markdown', value: '```markdown\n' + sourceAtDepth(r, depth).trimEnd() + '\n```' },
        sortText: String(i).padStart(3, '0'),
        filterText: r.title,
        insertTextFormat: options.snippets ? SNIPPET : 1,
        textEdit: { range: edit, newText: lead + (options.snippets ? escapeSnippet(r.title) + skeleton : r.title) },
      };
    });
}

/** The section's body from the template, re-levelled, its placeholders as tab stops. */
function skeletonOf(r: RequiredSection, depth: number, m: ModelledDocument, nested: boolean): string {
  const source = sourceAtDepth(r, depth).replace(/\r\n?/g, '\n');
  let body = source.slice(source.indexOf('\n') + 1).trimEnd();
  // The `---` closing a subsection's source separates its parent from the next top-level section.
  if (nested) body = body.replace(/\n+(?:-{3,}|\*{3,}|_{3,})$/, '');
  const nl = m.model.text.includes('\r\n') ? '\r\n' : '\n';
  const placeholders = m.engine.template.placeholders;
  let stop = 0;
  const withStops = escapeSnippet(body).replace(/\[[^\]\n]{1,80}\]/g, (p) =>
    stop < 20 && placeholders.has(p.replace(/\\([\\$}])/g, '$1')) ? `\${${++stop}:${p}}` : p,
  );
  return `$0${nl}${withStops.replace(/\n/g, nl)}${nl}`;
}

function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

/** The task block the offset is in, or whose last line it directly follows. */
function blockAt(m: ModelledDocument, offset: number): TaskBlock | undefined {
  const { lines } = m.analysis;
  const line = lines.position(offset).line;
  let found: TaskBlock | undefined;
  for (const b of m.model.blocks) {
    const endLine = lines.position(b.item.end).line;
    if (b.item.start <= offset && (offset <= b.item.end || line === endLine + 1)) found = b;
  }
  return found;
}

function fieldItems(
  m: ModelledDocument,
  block: TaskBlock,
  bullet: string,
  range: Range,
  options: CompletionOptions,
): CompletionItem[] {
  const keys = [...new Set([...m.engine.template.taskFields.map((f) => f.key), ...Object.keys(FIELD_SNIPPETS)])];
  const have = new Set(block.fields.map((f) => f.key));
  return keys
    .filter((k) => !have.has(k))
    .map((key, i) => {
      const label = FIELD_SNIPPETS[key]?.label ?? m.engine.template.taskFields.find((f) => f.key === key)?.label ?? key;
      const body = FIELD_SNIPPETS[key]?.body ?? '$1';
      const required = m.engine.template.taskFields.some((f) => f.key === key);
      return {
        label: `**${label}**:`,
        kind: KIND.field,
        detail: required ? 'Task field (the template requires it)' : 'Task field',
        sortText: `${required ? 0 : 1}${i}`,
        filterText: `**${label}**`,
        insertTextFormat: options.snippets ? SNIPPET : 1,
        textEdit: { range, newText: `${bullet}**${label}**: ${options.snippets ? body : ''}` },
      };
    });
}

async function fieldValueItems(
  m: ModelledDocument,
  label: string,
  value: string,
  position: Position,
  files: WorkspaceFiles,
): Promise<CompletionList | null> {
  const key = label.trim().toLowerCase();
  // The entry being typed: after the last comma or semicolon, inside backticks if opened.
  const entryStart = Math.max(value.lastIndexOf(','), value.lastIndexOf(';')) + 1;
  const lead = /^[ \t]*`?/.exec(value.slice(entryStart))![0].length;
  const typed = value.slice(entryStart + lead);
  const range: Range = { start: { line: position.line, character: position.character - typed.length }, end: position };
  if (/^dependenc(?:y|ies)$|^depends on$/.test(key)) return list(dependencyItems(m, position, range));
  if (key === 'status') {
    const whole: Range = {
      start: { line: position.line, character: position.character - value.length },
      end: { line: position.line, character: lineLength(m, position.line) },
    };
    return list(
      m.engine.config.statuses.map((s, i) => ({
        label: s,
        kind: KIND.enumMember,
        sortText: String(i).padStart(3, '0'),
        textEdit: { range: whole, newText: s },
      })),
    );
  }
  if (/^(?:files?|tests?)$/.test(key)) {
    const all = await files.list(m.uri);
    const needle = typed.toLowerCase();
    const matching = all.filter((p) => p.toLowerCase().includes(needle));
    return list(
      matching.slice(0, MAX_FILES).map((p) => ({ label: p, kind: KIND.file, textEdit: { range, newText: p } })),
      matching.length > MAX_FILES,
    );
  }
  return null;
}

function dependencyItems(m: ModelledDocument, position: Position, range: Range): CompletionItem[] {
  const { lines } = m.analysis;
  const own = m.model.blocks.find(
    (b) => lines.position(b.item.start).line <= position.line && position.line <= lines.position(b.item.end).line,
  );
  return m.model.tasks
    .filter((t) => t !== own?.item && (t.block || t.id))
    .map((t, i) => {
      const name = taskName(t);
      return {
        label: t.id ?? name,
        kind: KIND.reference,
        detail: t.id ? name : undefined,
        labelDetails: t.phase ? { description: t.phase.heading.text } : undefined,
        sortText: String(i).padStart(5, '0'),
        filterText: `${t.id ?? ''} ${name}`,
        textEdit: { range, newText: t.id ?? name },
      };
    });
}

/** A whole task block; its id follows the previous task's (T0004 → T0005, 2.3 → 2.4). */
function taskItem(
  m: ModelledDocument,
  offset: number,
  indent: string,
  range: Range,
  options: CompletionOptions,
): CompletionItem {
  const id = nextId(m, offset);
  const nl = m.model.text.includes('\r\n') ? '\r\n' : '\n';
  const body = taskBlockSnippet(id)
    .map((line, i) => (i === 0 ? line : indent + line))
    .join(nl);
  const plain = body.replace(/\$\{\d:([^}]*)\}/g, '$1').replace(/\$\d/g, '');
  return {
    label: 'task',
    kind: KIND.snippet,
    detail: id ? `Task block ${id}` : 'Task block',
    documentation: { kind: 'markdown', value: '```markdown\n' + plain.replace(/\r\n/g, '\n') + '\n```' },
    insertTextFormat: options.snippets ? SNIPPET : 1,
    textEdit: {
      range: { start: range.start, end: { line: range.start.line, character: lineLength(m, range.start.line) } },
      newText: options.snippets ? body + '$0' : plain,
    },
  };
}

/** The id after the nearest earlier task that has one (a plan whose tasks carry no ids gets none). */
function nextId(m: ModelledDocument, offset: number): string | undefined {
  const previous = m.model.tasks.filter((t) => t.id && t.start < offset).pop();
  return previous ? increment(previous.id!) : undefined;
}

/** T0004 → T0005, 2.3 → 2.4, TASK-009 → TASK-010 (width kept). */
export function increment(id: string): string {
  const m = /^(.*?)(\d+)$/.exec(id);
  if (!m) return id;
  const n = String(Number(m[2]) + 1).padStart(m[2].length, '0');
  return m[1] + n;
}
