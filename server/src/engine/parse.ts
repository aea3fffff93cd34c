import { chunkFacts, type TaskFacts, type TopLevel } from './chunkFacts';
import { parseMarkdown, withoutBom } from './markdown';
import { PieceCache } from './pieceCache';
import type { Field, Heading, PlanModel, Section, Span, Table, TaskItem } from './model';

export interface ParseOptions {
  /** Where parsed pieces are kept between calls; without one, nothing is kept. */
  cache?: PieceCache;
  /** Parse the text as one piece: the reference the piecewise parse must equal. */
  wholeDocument?: boolean;
}

/**
 * Parses plan Markdown into the plan model. The document is parsed by sections
 * (markdown.ts) whose facts are read once and cached (chunkFacts.ts); here they
 * are shifted to document offsets and linked: sections, tasks to their section
 * and phase, metadata, link definitions. Throws SkippedError for input it refuses.
 */
export function parsePlan(text: string, options: ParseOptions = {}): PlanModel {
  // A whole parse is the reference: it neither reads nor fills the caller's cache.
  const cache = options.wholeDocument ? new PieceCache(Infinity) : (options.cache ?? new PieceCache());
  // micromark drops a leading BOM; parse without it and shift offsets back.
  const source = withoutBom(text);
  const bom = text.length - source.length;
  const chunks = parseMarkdown(source, cache, { whole: options.wholeDocument });
  const model: PlanModel = {
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
  const sections = new SectionBuilder(model);
  const metadata = new MetadataBuilder(model);
  for (const chunk of chunks) {
    const facts = cache.factsOf(chunk.root, () => chunkFacts(chunk.text, chunk.root));
    // Facts of the definitions written before the piece (see references.ts) are not the document's.
    const skip = chunk.prefix.length;
    const d = bom + chunk.offset - skip;
    for (const node of facts.topLevel) {
      if (topLevelStart(node) < skip) continue;
      if (node.kind === 'heading') {
        const h = node.heading;
        const heading: Heading = {
          start: h.start + d,
          end: h.end + d,
          depth: h.depth,
          text: h.text,
          key: h.key,
          keyBeforeNote: h.keyBeforeNote,
          phase: h.phase,
          claimsComplete: h.claimsComplete,
        };
        metadata.heading();
        if (sections.add(heading)) metadata.close();
      } else if (node.kind === 'frontMatter') {
        model.frontMatter = {
          ...shift(node.frontMatter, d),
          kind: node.frontMatter.kind,
          value: node.frontMatter.value,
        };
      } else {
        if (node.kind !== 'other') sections.content();
        metadata.add(node, d, node.start + d === bom + chunk.offset);
      }
    }
    const tasks: TaskItem[] = [];
    for (const t of facts.tasks) if (t.start >= skip) tasks.push(toTask(t, d, tasks, model));
    for (const t of facts.tables) if (t.start >= skip) model.tables.push(shiftTable(t, d));
    for (const b of facts.brackets)
      if (b.start >= skip)
        model.brackets.push({ start: b.start + d, end: b.end + d, text: b.text, inCode: b.inCode, slot: b.slot });
    for (const m of facts.malformedCheckboxes)
      if (m.start >= skip) model.malformedCheckboxes.push({ ...m, start: m.start + d, end: m.end + d });
  }
  metadata.heading();
  sections.finish(model.text.length);
  for (const t of model.tasks) {
    t.section = sections.at(t.start);
    let phase = t.section;
    while (phase && phase.heading.phase === undefined) phase = phase.parent;
    t.phase = phase;
  }
  for (const t of model.tables) t.section = sections.at(t.start);
  return model;
}

function topLevelStart(node: TopLevel): number {
  if (node.kind === 'heading') return node.heading.start;
  if (node.kind === 'frontMatter') return node.frontMatter.start;
  return node.start;
}

/**
 * The plan's metadata: `**Label**: value` fields before the first section. A list split
 * into pieces at its items (markdown.ts) is one list again here: its fields are
 * metadata only when none of its items, in any piece, is a task.
 */
class MetadataBuilder {
  private open = true;
  private list: { marker: string; hasTask: boolean; fields: Field[] } | undefined;

  constructor(private readonly model: PlanModel) {}

  /** A top-level node other than a heading; `atPieceStart`: it begins its piece. */
  add(node: Exclude<TopLevel, { kind: 'heading' | 'frontMatter' }>, d: number, atPieceStart: boolean): void {
    if (node.kind === 'list') {
      const fields = node.fields.map((f) => shiftField(f, d));
      // The previous top-level node was a list with the same marker, ended where this piece begins: the same list.
      if (this.list && atPieceStart && this.list.marker === node.marker) {
        this.list.hasTask ||= node.hasTask;
        this.list.fields.push(...fields);
        return;
      }
      this.flush();
      this.list = { marker: node.marker, hasTask: node.hasTask, fields };
      return;
    }
    this.flush();
    if (node.kind === 'fields' && this.open) this.model.metadata.push(...node.fields.map((f) => shiftField(f, d)));
  }

  /** A heading, or the end: no list goes on across it. */
  heading(): void {
    this.flush();
  }

  /** The first section began: later fields are not metadata. */
  close(): void {
    this.open = false;
  }

  private flush(): void {
    if (this.list && !this.list.hasTask && this.open) this.model.metadata.push(...this.list.fields);
    this.list = undefined;
  }
}

/** Sections from top-level headings: a heading in a list or quote structures nothing. */
class SectionBuilder {
  private readonly stack: Section[] = [];
  private readonly flat: Section[] = [];
  private current: Section | undefined;

  constructor(private readonly model: PlanModel) {}

  /** Adds a heading; true when it opens a section (the first H1 before any section is the title). */
  add(heading: Heading): boolean {
    this.model.headings.push(heading);
    if (!this.model.title && heading.depth === 1 && this.flat.length === 0) {
      this.model.title = heading;
      return false;
    }
    while (this.stack.length > 0 && this.stack[this.stack.length - 1].heading.depth >= heading.depth) this.stack.pop();
    const parent = this.stack[this.stack.length - 1];
    const section: Section = { heading, parent, children: [], hasContent: false, start: heading.start, end: 0 };
    if (parent) parent.children.push(section);
    else this.model.sections.push(section);
    if (heading.phase !== undefined) this.model.phases.push(section);
    this.stack.push(section);
    this.flat.push(section);
    this.current = section;
    return true;
  }

  /** Content follows in the current section (and so in each enclosing one). */
  content(): void {
    for (let s = this.current; s && !s.hasContent; s = s.parent) s.hasContent = true;
  }

  /** A section ends where the next heading at its depth or shallower begins. */
  finish(textEnd: number): void {
    const open: Section[] = [];
    for (const s of this.flat) {
      while (open.length > 0 && open[open.length - 1].heading.depth >= s.heading.depth) open.pop()!.end = s.start;
      open.push(s);
    }
    for (const s of open) s.end = textEnd;
  }

  /** The innermost section containing an offset. */
  at(offset: number): Section | undefined {
    let lo = 0;
    let hi = this.flat.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.flat[mid].start <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    let s: Section | undefined = found >= 0 ? this.flat[found] : undefined;
    while (s && s.end <= offset) s = s.parent;
    return s;
  }
}

function toTask(t: TaskFacts, d: number, chunkTasks: TaskItem[], model: PlanModel): TaskItem {
  const item: TaskItem = {
    start: t.start + d,
    end: t.end + d,
    checked: t.state === 'done',
    state: t.state,
    optional: t.optional,
    checkbox: shift(t.checkbox, d),
    text: t.text,
    id: t.id,
    parent: t.parent === undefined ? undefined : chunkTasks[t.parent],
  };
  if (t.block) {
    item.block = {
      item,
      title: t.block.title,
      titleSpan: shift(t.block.titleSpan, d),
      fields: t.block.fields.map((f) => shiftField(f, d)),
    };
    model.blocks.push(item.block);
  }
  model.tasks.push(item);
  return item;
}

// Explicit constructors, not object spreads: shifting runs for every fact of every
// section on each keystroke, and spreads were the engine's largest cost there.
function shift(s: Span, d: number): Span {
  return { start: s.start + d, end: s.end + d };
}

function shiftField(f: Field, d: number): Field {
  return {
    label: f.label,
    key: f.key,
    value: f.value,
    valueSpan: shift(f.valueSpan, d),
    start: f.start + d,
    end: f.end + d,
  };
}

function shiftTable(t: Table, d: number): Table {
  const row = (r: Table['header']) => ({
    start: r.start + d,
    end: r.end + d,
    cells: r.cells.map((c) => ({ start: c.start + d, end: c.end + d, text: c.text })),
  });
  return { start: t.start + d, end: t.end + d, header: row(t.header), rows: t.rows.map(row) };
}
