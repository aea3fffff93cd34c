import type { CompletionItem, Range } from 'vscode-languageserver';
import { newTask, storyLabelsAt, type NewTask } from '../engine';
import { profileOf, type ModelledDocument } from './document';
import { taskBlockSnippet } from '../taskBlock';

// The `task` completion in the plan's own format (see engine/newTask.ts for what the
// format asks for at the cursor):
//   spec-kit   `- [ ] T013 [US2] ` and `- [ ] T013 [P] [US2] `: two entries rather than a
//              snippet choice, because a choice cannot be empty in VS Code and a
//              pre-selected `[P]` placeholder is typed over by the description
//   Kiro       `- [ ] 4. ` (`- [ ] 2.4 ` indented under task 2), with a
//              `_Requirements: …_` line offering requirements.md's numbers when known
//   checklist  `- [ ] `, numbered on from the task before when the plan numbers tasks
//   reference  the template's `**Task**:` block
// The cursor ends where the description goes: nothing is filled in for the author.

const KIND_SNIPPET = 15;
const SNIPPET = 2;
const PLAIN = 1;
/** More numbers than this make a choice list nobody scrolls; the author types them (completion helps). */
const MAX_CHOICES = 60;

export function taskItems(
  m: ModelledDocument,
  offset: number,
  indent: string,
  range: Range,
  lineEnd: number,
  snippets: boolean,
): CompletionItem[] {
  const columns = indent.replace(/\t/g, '    ').length;
  const task = newTask(m.model, profileOf(m), m.analysis.facts ?? {}, offset, columns);
  const nl = m.model.text.includes('\r\n') ? '\r\n' : '\n';
  const whole: Range = { start: range.start, end: { line: range.start.line, character: lineEnd } };
  return forms(task, indent, nl).map((f, i) => ({
    label: f.label,
    kind: KIND_SNIPPET,
    detail: f.detail,
    documentation: { kind: 'markdown', value: '```markdown\n' + (f.shown ?? f.plain).replace(/\r\n/g, '\n') + '\n```' },
    sortText: `task${i}`,
    filterText: 'task',
    insertTextFormat: snippets ? SNIPPET : PLAIN,
    textEdit: { range: whole, newText: snippets ? f.body : f.plain },
  }));
}

// A task line of a format with markers and labels, after its id: `- [ ] T012 [P] [`.
const TAGS = /^[ \t>]*[-*+][ \t]+\[[^\]\n]?\][ \t]+(?:\*\*)?(\S+?)(?:\*\*)?((?:[ \t]+\[[^\]\n]*\])*)[ \t]+\[([\w]*)$/;

/**
 * After `[` behind a task's id (spec-kit `- [ ] T012 [`): the format's markers (`[P]`) not written
 * yet, and the story labels of the phase (`[US2]`), in the order the format writes them.
 */
export function tagItems(
  m: ModelledDocument,
  before: string,
  offset: number,
  range: Range,
): CompletionItem[] | undefined {
  const grammar = profileOf(m).tasks;
  const tags = TAGS.exec(before);
  if (!tags || !grammar.id?.test(tags[1]) || (grammar.markers.length === 0 && !grammar.label)) return undefined;
  const written = [...tags[2].matchAll(/\[([^\]\n]*)\]/g)].map((t) => t[1]);
  // Markers come before the label: none once a label is written.
  const labelled = written.some((t) => grammar.label?.test(t));
  const markers = labelled ? [] : grammar.markers.filter((k) => !written.includes(k));
  const labels = grammar.label && !labelled ? storyLabelsAt(m.model, offset) : [];
  const start = { line: range.start.line, character: range.start.character - tags[3].length - 1 };
  return [
    ...markers.map((k) => ({
      tag: k,
      detail: k === 'P' ? 'Parallel: no dependency on an unfinished task, touches other files' : 'Marker',
    })),
    ...labels.map((l) => ({ tag: l, detail: 'The user story of this phase' })),
  ].map(({ tag, detail }, i) => ({
    label: `[${tag}]`,
    kind: 12,
    detail,
    sortText: String(i).padStart(3, '0'),
    textEdit: { range: { start, end: range.end }, newText: `[${tag}]` },
  }));
}

/**
 * The `task` entry for a new line below `line` (with that line's indentation), as a snippet; none
 * in a plan that follows the reference template, whose task block the client inserts itself.
 */
export function newTaskBelow(m: ModelledDocument, line: number): { snippet: string } | null {
  const { lines } = m.analysis;
  if (line < 0 || line >= lines.lineCount) return null;
  const end = lines.lineEnd(line);
  const indent = /^[ \t]*/.exec(m.model.text.slice(lines.lineStart(line), end))![0];
  const task = newTask(m.model, profileOf(m), m.analysis.facts ?? {}, end, indent.replace(/\t/g, '    ').length);
  if (task.form === 'block') return null;
  const nl = m.model.text.includes('\r\n') ? '\r\n' : '\n';
  return { snippet: forms(task, indent, nl)[0].body };
}

interface Form {
  label: string;
  detail: string;
  /** As a snippet, its tab stops in the order the author fills them. */
  body: string;
  /** Without snippet support: no tab stop, and nothing the author did not choose (no cited number). */
  plain: string;
  /** What the item's documentation shows, when more than `plain`. */
  shown?: string;
}

function forms(task: NewTask, indent: string, nl: string): Form[] {
  const line = (label: string, detail: string, text: string): Form => ({
    label,
    detail,
    body: escapeSnippet(text) + '$0',
    plain: text,
  });
  switch (task.form) {
    case 'spec-kit': {
      const [only] = task.labels;
      if (task.labels.length <= 1) {
        const label = only ? ` [${only}]` : '';
        return [
          line('task', `Task ${task.id}${label}`, `- [ ] ${task.id}${label} `),
          line('task [P]', `Parallel task ${task.id} [P]${label}`, `- [ ] ${task.id} [P]${label} `),
        ];
      }
      // A phase of several stories: the author chooses the story; without snippets no label is guessed.
      const choice = `\${1|${task.labels.map((l) => `[${l}]`).join(',')}|}`;
      const stories = task.labels.map((l) => `[${l}]`).join('/');
      const form = (label: string, detail: string, head: string): Form => ({
        label,
        detail,
        body: `${escapeSnippet(head)} ${choice} $0`,
        plain: `${head} `,
        shown: `${head} ${stories} `,
      });
      return [
        form('task', `Task ${task.id} ${stories}`, `- [ ] ${task.id}`),
        form('task [P]', `Parallel task ${task.id} [P] ${stories}`, `- [ ] ${task.id} [P]`),
      ];
    }
    case 'numbered': {
      const text = `- [ ] ${task.id}${task.sub ? '' : '.'} `;
      const cites = task.requirements;
      if (cites.length === 0) return [line('task', `Task ${task.id}`, text)];
      const value = cites.length <= MAX_CHOICES ? `\${2|${cites.join(',')}|}` : '$2';
      const cite = `${nl}${indent}  - _Requirements: `;
      return [
        {
          label: 'task',
          detail: `Task ${task.id}, citing requirements.md`,
          body: `${escapeSnippet(text)}$1${cite}${value}_$0`,
          plain: text,
          shown: `${text}${cite}${cites.slice(0, 3).join(' | ')}${cites.length > 3 ? ' | …' : ''}_`,
        },
      ];
    }
    case 'checkbox':
      return [line('task', task.id ? `Task ${task.id}` : 'Task', `- [ ] ${task.id ? `${task.id} ` : ''}`)];
    case 'block': {
      const body = taskBlockSnippet(task.id)
        .map((l, i) => (i === 0 ? l : indent + l))
        .join(nl);
      const plain = body.replace(/\$\{\d:([^}]*)\}/g, '$1').replace(/\$\d/g, '');
      return [{ label: 'task', detail: task.id ? `Task block ${task.id}` : 'Task block', body: body + '$0', plain }];
    }
  }
}

function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}
