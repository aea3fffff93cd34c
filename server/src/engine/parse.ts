import { chunkFacts, type TaskFacts } from './chunkFacts';
import { parseMarkdown } from './markdown';
import { PieceCache } from './pieceCache';
import type { BracketText, Field, Heading, PlanModel, Section, Span, Table, TaskItem } from './model';

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
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const source = bom ? text.slice(1) : text;
  const chunks = parseMarkdown(source, cache, options.wholeDocument);
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
  const definitions = new Set<string>();
  const brackets: BracketText[] = [];
  /** Per bracket, the reference label that would make it a link (see brackets.ts). */
  const labels: Array<string | undefined> = [];
  let metadataOpen = true;
  chunks.forEach((chunk, i) => {
    const end = i + 1 < chunks.length ? chunks[i + 1].offset : source.length;
    const facts = cache.factsOf(chunk.root, () => chunkFacts(source.slice(chunk.offset, end), chunk.root));
    const d = bom + chunk.offset;
    for (const node of facts.topLevel) {
      if (node.kind === 'heading') {
        const h = node.heading;
        const heading: Heading = {
          start: h.start + d,
          end: h.end + d,
          depth: h.depth,
          text: h.text,
          key: h.key,
          phase: h.phase,
          claimsComplete: h.claimsComplete,
        };
        if (sections.add(heading)) metadataOpen = false;
      } else {
        if (node.kind !== 'other') sections.content();
        if (node.kind === 'fields' && metadataOpen) model.metadata.push(...node.fields.map((f) => shiftField(f, d)));
      }
    }
    const tasks: TaskItem[] = [];
    for (const t of facts.tasks) tasks.push(toTask(t, d, tasks, model));
    for (const t of facts.tables) model.tables.push(shiftTable(t, d));
    for (const b of facts.brackets) {
      brackets.push({ start: b.start + d, end: b.end + d, text: b.text, inCode: b.inCode, slot: b.slot });
      labels.push(b.label);
    }
    for (const m of facts.malformedCheckboxes)
      model.malformedCheckboxes.push({
        start: m.start + d,
        end: m.end + d,
        replacement: m.replacement,
        found: m.found,
        tracked: m.tracked,
      });
    for (const label of facts.definitions) definitions.add(label);
  });
  sections.finish(model.text.length);
  for (const t of model.tasks) {
    t.section = sections.at(t.start);
    let phase = t.section;
    while (phase && phase.heading.phase === undefined) phase = phase.parent;
    t.phase = phase;
  }
  for (const t of model.tables) t.section = sections.at(t.start);
  // A reference to a definition in another section is a link, not bracketed text.
  model.brackets =
    definitions.size === 0
      ? brackets
      : brackets.filter((_, i) => labels[i] === undefined || !definitions.has(labels[i]));
  return model;
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
