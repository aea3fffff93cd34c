import type { CompletionItem, CompletionList, Position, Range } from 'vscode-languageserver';
import { sectionLevels } from '../engine';
import { sourceAtDepth, type RequiredSection } from '../engine';
import type { TaskBlock } from '../engine';
import {
  allSections,
  modelled,
  profileOf,
  type ModelledDocument,
  type PlanDocument,
  type WorkspaceFiles,
} from './document';
import { FIELD_SNIPPETS } from '../taskBlock';
import { tagItems, taskItems } from './taskCompletion';
import { citationItems, dependencyItems } from './citationCompletion';

// Completion, by what the cursor's line says:
//   `## Ris|`                      → the template's sections missing at that level, with their skeleton
//   `  - **Es|` in a task block    → the fields the block lacks, as snippets
//   `**Dependencies**: T0|`        → the plan's tasks (also `(depends on T0|` and Kiro's `_Depends: |_`)
//   `_Requirements: 1.|` (Kiro)     → requirements.md's acceptance criteria
//   `- [ ] T012 [|` (spec-kit)      → `[P]` and the phase's `[USn]`
//   `**Status**: |`                → the allowed statuses
//   `**File**: src/|`              → files of the workspace
//   `- |` or an empty line         → `task`: a new task in the plan's format (taskCompletion.ts)

// LSP enum values written out (features import types only).
const KIND = { text: 1, field: 5, module: 9, value: 12, enumMember: 20, snippet: 15, file: 17, reference: 18 } as const;
const SNIPPET = 2;
const MAX_FILES = 500;

export const COMPLETION_TRIGGERS = ['#', ' ', '*', ':', ',', '/', '`', '['];

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

  const cited = citationItems(m, before, position);
  if (cited) return list(cited);
  const tags = tagItems(m, before, offset, at(position.character));
  if (tags) return list(tags);

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
  // `[` is a trigger for a task's tags; a checkbox typed by hand (`- [`) is left alone.
  if (listStart && !before.endsWith('[') && 'task'.startsWith(listStart[4].toLowerCase()))
    return list(
      taskItems(m, offset, listStart[1], at(listStart[1].length), lineLength(m, position.line), options.snippets),
    );
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
  const profile = profileOf(m);
  const levels = sectionLevels(m.model, profile.schema.sections);
  const enclosing = allSections(m.model.sections)
    .filter((s) => s.heading.depth < depth && s.start < offset && offset <= s.end)
    .pop();
  const level = enclosing ? levels.find((l) => l.parent === enclosing) : levels[0];
  if (!level) return [];
  // Without a space after the hashes, the item brings its own.
  const edit = range ?? { start: position, end: position };
  const lead = range ? '' : ' ';
  const reference = profile.profile.schemaFrom === 'engine';
  return level.required
    .filter((r) => !level.present.has(r.key) && !r.verbatim)
    .flatMap((r) => {
      const title = headingTitle(r, m, offset);
      return title === undefined ? [] : [{ r, title }];
    })
    .map(({ r, title }, i) => {
      const source = sourceAtDepth(r, depth).trimEnd();
      const skeleton = options.snippets && source ? skeletonOf(r, depth, m, enclosing !== undefined) : '';
      return {
        label: title,
        kind: KIND.module,
        detail: reference
          ? `Template section (${'#'.repeat(r.depth)})`
          : `${r.optional ? 'Optional' : 'Required'} section of ${profile.schemaSource}`,
        documentation: source ? { kind: 'markdown', value: '```markdown\n' + source + '\n```' } : undefined,
        sortText: String(i).padStart(3, '0'),
        filterText: title,
        insertTextFormat: options.snippets ? SNIPPET : 1,
        textEdit: {
          range: edit,
          newText: lead + (options.snippets ? escapeSnippet(title) + (skeleton || '$0') : title),
        },
      };
    });
}

/**
 * The heading to write for a schema section: its title, with a format's "Phase N" numbered after
 * the phases above the cursor. None for a section that stands for many ("User Story k – …").
 */
function headingTitle(r: RequiredSection, m: ModelledDocument, offset: number): string | undefined {
  if (!r.pattern) return r.title;
  if (r.title.includes('…') || !r.pattern.test(r.title)) return undefined;
  if (!/\bPhase N\b/.test(r.title)) return r.title;
  const numbers = m.model.phases.filter((p) => p.start < offset).map((p) => Number.parseInt(p.heading.phase ?? '', 10));
  const next = Math.max(0, ...numbers.filter((n) => !Number.isNaN(n))) + 1;
  return r.title.replace(/\bPhase N\b/, `Phase ${next}`);
}

/** The section's body from the template, re-levelled, its placeholders as tab stops. */
function skeletonOf(r: RequiredSection, depth: number, m: ModelledDocument, nested: boolean): string {
  const source = sourceAtDepth(r, depth).replace(/\r\n?/g, '\n');
  let body = source.slice(source.indexOf('\n') + 1).trimEnd();
  // The `---` closing a subsection's source separates its parent from the next top-level section.
  if (nested) body = body.replace(/\n+(?:-{3,}|\*{3,}|_{3,})$/, '');
  const nl = m.model.text.includes('\r\n') ? '\r\n' : '\n';
  const placeholders = profileOf(m).schema.placeholders;
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
  const { schema, profile } = profileOf(m);
  // The reference format's fields; a format without task fields (spec-kit, Kiro, checklist) gets none.
  if (profile.schemaFrom !== 'engine' && schema.taskFields.length === 0) return [];
  const taskFields = schema.taskFields;
  const keys = [...new Set([...taskFields.map((f) => f.key), ...Object.keys(FIELD_SNIPPETS)])];
  const have = new Set(block.fields.map((f) => f.key));
  return keys
    .filter((k) => !have.has(k))
    .map((key, i) => {
      const label = FIELD_SNIPPETS[key]?.label ?? taskFields.find((f) => f.key === key)?.label ?? key;
      const body = FIELD_SNIPPETS[key]?.body ?? '$1';
      const required = taskFields.some((f) => f.key === key);
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

export { increment } from '../engine';
