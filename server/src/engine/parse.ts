import type { Heading as MdHeading, List, ListItem, Nodes, Paragraph, Parents, Root, Table as MdTable } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseMarkdown } from './markdown';
import { claimsComplete, headingKey, phaseNumber } from './headings';
import { fieldsIn } from './fields';
import { scanBrackets } from './brackets';
import { scanMalformedCheckboxes } from './checkboxes';
import type { Heading, PlanModel, Section, Span, Table, TaskBlock, TaskItem } from './model';

// Spans that are not prose: brackets inside them are code, and list-like lines
// inside them are not checkboxes.
const CODE_TYPES = new Set(['code', 'inlineCode', 'html', 'yaml', 'toml', 'math', 'inlineMath']);
// Spans whose brackets are Markdown syntax, not text.
const LINK_TYPES = new Set(['link', 'linkReference', 'image', 'imageReference', 'definition', 'footnoteReference']);

const TASK_ID = /^(?:[A-Z]{1,5}-?\d+(?:\.\d+)*|\d+(?:\.\d+)+)(?=$|[\s:.,;)\]*_—–-])/;
const TASK_PREFIX_ID = /^task[\s-]+(\d+(?:\.\d+)*)\b/i;
const TASK_LABEL = /^task\b[\s-]*(\d+(?:\.\d+)*)?[\s:]*$/i;

/** Parses plan Markdown into the plan model. Throws SkippedError for input it refuses. */
export function parsePlan(text: string): PlanModel {
  // micromark drops a leading BOM; parse without it and shift offsets back.
  const shift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const root = parseMarkdown(shift ? text.slice(1) : text);
  return new ModelBuilder(text, shift).build(root);
}

class ModelBuilder {
  private readonly model: PlanModel;
  private readonly codeSpans: Span[] = [];
  private readonly linkSpans: Span[] = [];
  private readonly flatSections: Section[] = [];

  constructor(
    private readonly text: string,
    private readonly shift: number,
  ) {
    this.model = {
      text,
      metadata: [],
      headings: [],
      sections: [],
      phases: [],
      tasks: [],
      blocks: [],
      tables: [],
      brackets: [],
      malformedCheckboxes: [],
    };
  }

  build(root: Root): PlanModel {
    this.buildSections(root);
    this.walk(root, undefined);
    this.readMetadata(root);
    this.codeSpans.sort((a, b) => a.start - b.start);
    this.linkSpans.sort((a, b) => a.start - b.start);
    this.model.brackets = scanBrackets(this.text, this.codeSpans, this.linkSpans);
    this.model.malformedCheckboxes = scanMalformedCheckboxes(this.text, this.codeSpans);
    return this.model;
  }

  private span(node: Nodes): Span {
    return {
      start: (node.position?.start.offset ?? 0) + this.shift,
      end: (node.position?.end.offset ?? 0) + this.shift,
    };
  }

  private heading(node: MdHeading): Heading {
    const text = toString(node).trim();
    return {
      ...this.span(node),
      depth: node.depth,
      text,
      key: headingKey(text),
      phase: phaseNumber(text),
      claimsComplete: claimsComplete(text),
    };
  }

  /** Sections come from top-level headings only: a heading in a list or quote structures nothing. */
  private buildSections(root: Root): void {
    const stack: Section[] = [];
    const contentMarks: Array<Section | undefined> = [];
    let current: Section | undefined;
    for (const node of root.children) {
      if (node.type === 'heading') {
        const heading = this.heading(node);
        this.model.headings.push(heading);
        if (!this.model.title && heading.depth === 1 && this.flatSections.length === 0) {
          this.model.title = heading;
          continue;
        }
        while (stack.length > 0 && stack[stack.length - 1].heading.depth >= heading.depth) stack.pop();
        const parent = stack[stack.length - 1];
        const section: Section = {
          heading,
          parent,
          children: [],
          hasContent: false,
          start: heading.start,
          end: this.text.length,
        };
        if (parent) parent.children.push(section);
        else this.model.sections.push(section);
        if (heading.phase !== undefined) this.model.phases.push(section);
        stack.push(section);
        this.flatSections.push(section);
        current = section;
      } else if (node.type !== 'thematicBreak' && node.type !== 'definition') {
        if (node.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(node.value)) continue;
        contentMarks.push(current);
      }
    }
    // A section ends where the next heading at its depth or shallower begins.
    for (let i = 0; i < this.flatSections.length; i++) {
      const s = this.flatSections[i];
      for (let j = i + 1; j < this.flatSections.length; j++) {
        if (this.flatSections[j].heading.depth <= s.heading.depth) {
          s.end = this.flatSections[j].start;
          break;
        }
      }
    }
    for (let s of contentMarks) {
      while (s && !s.hasContent) {
        s.hasContent = true;
        s = s.parent;
      }
    }
  }

  /** The innermost section containing an offset. */
  private sectionAt(offset: number): Section | undefined {
    let lo = 0;
    let hi = this.flatSections.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.flatSections[mid].start <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    let s: Section | undefined = found >= 0 ? this.flatSections[found] : undefined;
    while (s && s.end <= offset) s = s.parent;
    return s;
  }

  private walk(node: Nodes, parentTask: TaskItem | undefined): void {
    if (CODE_TYPES.has(node.type)) {
      this.codeSpans.push(this.span(node));
      return;
    }
    if (LINK_TYPES.has(node.type)) this.linkSpans.push(this.span(node));
    if (node.type === 'table') this.model.tables.push(this.table(node));
    let task = parentTask;
    if (node.type === 'listItem' && typeof node.checked === 'boolean') task = this.task(node, parentTask);
    if ('children' in node) for (const child of (node as Parents).children) this.walk(child, task);
  }

  private task(node: ListItem, parent: TaskItem | undefined): TaskItem {
    const span = this.span(node);
    const head = this.text.slice(span.start, Math.min(span.end, span.start + 40));
    const marker = /^[ \t]*(?:[*+-]|\d{1,9}[.)])[ \t]+(\[[ xX]\])/.exec(head);
    const checkboxStart = marker ? span.start + marker[0].length - 3 : span.start;
    const first = node.children[0];
    const paragraph = first?.type === 'paragraph' ? first : undefined;
    const firstLine = paragraph ? (toString(paragraph).split(/\r\n|\r|\n/)[0] ?? '').trim() : '';
    const section = this.sectionAt(span.start);
    let phase = section;
    while (phase && phase.heading.phase === undefined) phase = phase.parent;
    const item: TaskItem = {
      ...span,
      checked: node.checked === true,
      checkbox: { start: checkboxStart, end: checkboxStart + 3 },
      text: firstLine,
      section,
      phase,
      parent,
    };
    if (paragraph) item.block = this.block(item, node, paragraph);
    item.id = taskId(item.block ? item.block.title : firstLine, firstLine);
    this.model.tasks.push(item);
    if (item.block) this.model.blocks.push(item.block);
    return item;
  }

  /** `- [ ] **Task**: title` with its fields on following lines or in a nested list. */
  private block(item: TaskItem, node: ListItem, paragraph: Paragraph): TaskBlock | undefined {
    const strong = paragraph.children[0];
    if (strong?.type !== 'strong') return undefined;
    const label = toString(strong).trim();
    const after = paragraph.children[1];
    const afterText = after?.type === 'text' ? after.value : '';
    const labelHasColon = label.endsWith(':');
    if (!TASK_LABEL.test(label) || (!labelHasColon && !afterText.startsWith(':'))) return undefined;
    const strongSpan = this.span(strong);
    const lineEnd = lineEndAt(this.text, strongSpan.end);
    const titleRaw = this.text.slice(strongSpan.end, lineEnd);
    const leading = /^[ \t]*:?[ \t]*/.exec(titleRaw)?.[0].length ?? 0;
    const titleStart = strongSpan.end + leading;
    const titleEnd = strongSpan.end + titleRaw.trimEnd().length;
    const fields = fieldsIn(this.text, this.span(paragraph), true);
    for (const child of node.children) {
      if (child.type !== 'list') continue;
      for (const li of (child as List).children) {
        if (typeof li.checked === 'boolean') continue;
        const p = li.children[0];
        if (p?.type === 'paragraph') fields.push(...fieldsIn(this.text, this.span(p)));
      }
    }
    const numbered = TASK_LABEL.exec(label)?.[1];
    const title = toString(paragraph).split(/\r\n|\r|\n/)[0].slice(label.length).replace(/^[ \t]*:?[ \t]*/, '').trim();
    return {
      item,
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
    const span = this.span(node);
    return { ...span, header: rows[0], rows: rows.slice(1), section: this.sectionAt(span.start) };
  }

  /** A cell's span without its pipes and padding (an empty cell: the point after its pipe). */
  private cellContent(span: Span): Span {
    const source = this.text.slice(span.start, span.end);
    const lead = /^\|?[ \t]*/.exec(source)![0].length;
    const body = source.slice(lead).replace(/[ \t]*\|?[ \t]*$/, '');
    return { start: span.start + lead, end: span.start + lead + body.length };
  }

  /** Metadata: `**Label**: value` lines between the title and the first section. */
  private readMetadata(root: Root): void {
    const firstSection = this.flatSections[0]?.start ?? this.text.length;
    for (const node of root.children) {
      const span = this.span(node);
      if (span.start >= firstSection) break;
      if (node.type === 'paragraph' || node.type === 'blockquote' || node.type === 'list') {
        this.model.metadata.push(...fieldsIn(this.text, span));
      }
    }
  }
}

function lineEndAt(text: string, offset: number): number {
  const re = /\r|\n/g;
  re.lastIndex = offset;
  const m = re.exec(text);
  return m ? m.index : text.length;
}

function taskId(title: string, firstLine: string): string | undefined {
  for (const candidate of [title, firstLine]) {
    const m = TASK_ID.exec(candidate) ?? TASK_PREFIX_ID.exec(candidate);
    if (m) return (m[1] ?? m[0]).toUpperCase();
  }
  return undefined;
}
