import type { Heading as MdHeading, ListItem, Nodes, Paragraph, Root, RootContent, Table as MdTable } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { bracketCandidates } from './brackets';
import { scanMalformedCheckboxes, scanMisplacedCheckboxes, taskMarker } from './checkboxes';
import { fieldsIn } from './fields';
import { claimsComplete, headingKey, headingKeyBeforeNote, phaseNumber } from './headings';
import { lineEnd } from './lineIndex';
import type { BracketText, Field, FrontMatter, Heading, MalformedCheckbox, Span, Table, TaskState } from './model';

// What one parsed piece of the document says, with offsets relative to the
// piece. Read once per piece and cached with its syntax tree, so that an edit
// costs the reading of one section, not of the whole plan; parse.ts shifts
// these facts into place and links them into the model.

/** A top-level node, in document order: what sections and metadata are built from. */
export type TopLevel =
  | { kind: 'heading'; heading: Heading }
  | { kind: 'content'; start: number }
  | { kind: 'fields'; start: number; fields: Field[] }
  /** A list: its fields are metadata unless the list (joined across pieces, see parse.ts) holds a task. */
  | { kind: 'list'; start: number; marker: string; hasTask: boolean; fields: Field[] }
  | { kind: 'frontMatter'; frontMatter: FrontMatter }
  | { kind: 'other'; start: number };

export interface TaskFacts extends Span {
  state: TaskState;
  optional: boolean;
  checkbox: Span;
  text: string;
  id?: string;
  /** Index of the enclosing task within the same piece. */
  parent?: number;
  block?: { title: string; titleSpan: Span; fields: Field[] };
}

export interface ChunkFacts {
  topLevel: TopLevel[];
  tasks: TaskFacts[];
  tables: Table[];
  brackets: BracketText[];
  malformedCheckboxes: MalformedCheckbox[];
}

// Spans that are not prose: brackets inside them are code, and list-like lines
// inside them are not checkboxes.
const CODE_TYPES = new Set(['code', 'inlineCode', 'html', 'yaml', 'toml', 'math', 'inlineMath']);
// Spans whose brackets are Markdown syntax, not text.
const LINK_TYPES = new Set(['link', 'linkReference', 'image', 'imageReference', 'definition', 'footnoteReference']);

const TASK_ID = /^(?:[A-Z]{1,5}-?\d+(?:\.\d+)*|\d+(?:\.\d+)+)(?=$|[\s:.,;)\]*_—–-])/;
const TASK_PREFIX_ID = /^task[\s-]+(\d+(?:\.\d+)*)\b/i;
const TASK_LABEL = /^task\b[\s-]*(\d+(?:\.\d+)*)?[\s:]*$/i;

// A task marker GFM leaves in the item's text, with Kiro's optional `*`.
const MARKER_IN_TEXT = /^\[[^\]]{1,2}\]\*?[ \t]*/;

interface ItemMarker {
  state: TaskState;
  optional: boolean;
  /** Offset of the marker's `[` in the piece. */
  offset: number;
  /** GFM did not read the marker, so the item's text starts with it. */
  inText: boolean;
}

/** The facts of a piece; `text` is the piece's own text, which `root` was parsed from (the caller caches them). */
export function chunkFacts(text: string, root: Root): ChunkFacts {
  return new ChunkReader(text).read(root);
}

class ChunkReader {
  private readonly codeSpans: Span[] = [];
  private readonly linkSpans: Span[] = [];
  private readonly facts: ChunkFacts = {
    topLevel: [],
    tasks: [],
    tables: [],
    brackets: [],
    malformedCheckboxes: [],
  };

  constructor(private readonly text: string) {}

  read(root: Root): ChunkFacts {
    for (const node of root.children) this.facts.topLevel.push(this.topLevel(node));
    this.walk(root, undefined);
    this.codeSpans.sort((a, b) => a.start - b.start);
    this.linkSpans.sort((a, b) => a.start - b.start);
    this.facts.brackets = bracketCandidates(this.text, this.codeSpans, this.linkSpans);
    const notProse = [...this.codeSpans, ...this.facts.tables].sort((a, b) => a.start - b.start);
    this.facts.malformedCheckboxes = [
      ...scanMalformedCheckboxes(this.text, this.codeSpans),
      ...scanMisplacedCheckboxes(this.text, notProse),
    ].sort((a, b) => a.start - b.start);
    return this.facts;
  }

  private span(node: Nodes): Span {
    return { start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 };
  }

  private topLevel(node: RootContent): TopLevel {
    const { start } = this.span(node);
    if (node.type === 'heading') return { kind: 'heading', heading: this.heading(node) };
    if (node.type === 'thematicBreak' || node.type === 'definition') return { kind: 'other', start };
    if (node.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(node.value)) return { kind: 'other', start };
    // mdast types know `yaml`; remark-frontmatter makes `toml` nodes of the same shape.
    const type = node.type as string;
    if (type === 'yaml' || type === 'toml') {
      const value = (node as { value: string }).value;
      return { kind: 'frontMatter', frontMatter: { ...this.span(node), kind: type, value } };
    }
    if (node.type === 'paragraph' || node.type === 'blockquote')
      return { kind: 'fields', start, fields: fieldsIn(this.text, this.span(node)) };
    if (node.type === 'list') {
      // `1.` and `1)` start different lists, as do `-`, `*` and `+`.
      const marker = node.ordered ? (/^[ \t]*\d+([.)])/.exec(this.text.slice(start))?.[1] ?? '.') : this.text[start];
      return {
        kind: 'list',
        start,
        marker,
        // `[-]`, `[ ]*` and other markers GFM does not read make task items too.
        hasTask: node.children.some((item) => this.marker(item) !== undefined),
        fields: fieldsIn(this.text, this.span(node)),
      };
    }
    return { kind: 'content', start };
  }

  private heading(node: MdHeading): Heading {
    const text = toString(node).trim();
    return {
      ...this.span(node),
      depth: node.depth,
      text,
      key: headingKey(text),
      keyBeforeNote: headingKeyBeforeNote(text),
      phase: phaseNumber(text),
      claimsComplete: claimsComplete(text),
    };
  }

  private walk(node: Nodes, parentTask: number | undefined): void {
    if (CODE_TYPES.has(node.type)) {
      this.codeSpans.push(this.span(node));
      return;
    }
    if (LINK_TYPES.has(node.type)) this.linkSpans.push(this.span(node));
    if (node.type === 'table') this.facts.tables.push(this.table(node));
    let task = parentTask;
    if (node.type === 'listItem') {
      const marker = this.marker(node);
      if (marker) task = this.task(node, marker, parentTask);
    }
    if ('children' in node) for (const child of node.children) this.walk(child, task);
  }

  /**
   * A list item's task marker: GFM's `[ ]` / `[x]`, or one GFM does not read
   * (`[-]`, `[/]`, `[ ]*`, `[~]`), which the item's text then starts with.
   */
  private marker(node: ListItem): ItemMarker | undefined {
    const span = this.span(node);
    const found = taskMarker(this.text.slice(span.start, Math.min(span.end, span.start + 40)));
    if (typeof node.checked === 'boolean') {
      const gfm = { state: node.checked ? 'done' : 'open', optional: false, inText: false } as const;
      return found ? { ...gfm, offset: span.start + found.offset } : { ...gfm, offset: span.start };
    }
    if (!found) return undefined;
    return { state: found.state, optional: found.optional, inText: true, offset: span.start + found.offset };
  }

  private task(node: ListItem, marker: ItemMarker, parent: number | undefined): number {
    const span = this.span(node);
    const first = node.children[0];
    const paragraph = first?.type === 'paragraph' ? first : undefined;
    let firstLine = paragraph ? firstLineOf(toString(paragraph)).trim() : '';
    // GFM leaves a marker it does not know in the text: `[-] 2. Build`.
    if (marker.inText) firstLine = firstLine.replace(MARKER_IN_TEXT, '');
    const task: TaskFacts = {
      ...span,
      state: marker.state,
      optional: marker.optional,
      checkbox: { start: marker.offset, end: this.text.indexOf(']', marker.offset) + 1 },
      text: firstLine,
      parent,
    };
    if (paragraph) task.block = this.block(node, paragraph, marker.inText);
    task.id = taskId(task.block ? task.block.title : firstLine, firstLine);
    this.facts.tasks.push(task);
    return this.facts.tasks.length - 1;
  }

  /** `- [ ] **Task**: title` with its fields on following lines or in a nested list. */
  private block(node: ListItem, paragraph: Paragraph, markerInText: boolean): TaskFacts['block'] {
    // After a marker GFM does not know, the paragraph starts with that marker's text.
    const lead = paragraph.children[0];
    const skip = markerInText && lead?.type === 'text' && MARKER_IN_TEXT.test(lead.value) ? 1 : 0;
    if (skip && lead.type === 'text' && lead.value.replace(MARKER_IN_TEXT, '') !== '') return undefined;
    const strong = paragraph.children[skip];
    if (strong?.type !== 'strong') return undefined;
    const label = toString(strong).trim();
    const after = paragraph.children[skip + 1];
    const afterText = after?.type === 'text' ? after.value : '';
    if (!TASK_LABEL.test(label) || (!label.endsWith(':') && !afterText.startsWith(':'))) return undefined;
    const strongSpan = this.span(strong);
    const titleRaw = this.text.slice(strongSpan.end, lineEnd(this.text, strongSpan.end));
    const titleStart = strongSpan.end + (/^[ \t]*:?[ \t]*/.exec(titleRaw)?.[0].length ?? 0);
    const titleEnd = strongSpan.end + titleRaw.trimEnd().length;
    const fields = fieldsIn(this.text, this.span(paragraph), true);
    for (const child of node.children) {
      if (child.type !== 'list') continue;
      for (const li of child.children) {
        if (typeof li.checked === 'boolean') continue;
        const p = li.children[0];
        if (p?.type === 'paragraph') fields.push(...fieldsIn(this.text, this.span(p)));
      }
    }
    const numbered = TASK_LABEL.exec(label)?.[1];
    const title = firstLineOf(toString(paragraph))
      .replace(skip ? MARKER_IN_TEXT : /^/, '')
      .slice(label.length)
      .replace(/^[ \t]*:?[ \t]*/, '')
      .trim();
    return {
      title: numbered ? `${numbered} ${title}` : title,
      titleSpan: { start: titleStart, end: Math.max(titleStart, titleEnd) },
      fields,
    };
  }

  private table(node: MdTable): Table {
    const rows = node.children.map((row) => ({
      ...this.span(row),
      cells: row.children.map((cell) => ({ ...this.cellContent(this.span(cell)), text: toString(cell).trim() })),
    }));
    return { ...this.span(node), header: rows[0], rows: rows.slice(1) };
  }

  /** A cell's span without its pipes and padding (an empty cell: the point after its pipe). */
  private cellContent(span: Span): Span {
    const source = this.text.slice(span.start, span.end);
    const lead = /^\|?[ \t]*/.exec(source)![0].length;
    const body = source.slice(lead).replace(/[ \t]*\|?[ \t]*$/, '');
    return { start: span.start + lead, end: span.start + lead + body.length };
  }
}

function firstLineOf(text: string): string {
  const m = /\r|\n/.exec(text);
  return m ? text.slice(0, m.index) : text;
}

function taskId(title: string, firstLine: string): string | undefined {
  for (const candidate of [title, firstLine]) {
    const m = TASK_ID.exec(candidate) ?? TASK_PREFIX_ID.exec(candidate);
    if (m) return (m[1] ?? m[0]).toUpperCase();
  }
  return undefined;
}
