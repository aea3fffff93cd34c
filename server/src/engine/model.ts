// The typed plan model. Everything here is plain data with source offsets
// (UTF-16 code units into the original text, BOM included), so rules never
// touch mdast and ranges convert to LSP positions in one place (LineIndex).

export interface Span {
  start: number;
  end: number;
}

export interface Heading extends Span {
  depth: number;
  /** Heading text as rendered (markup stripped, whitespace trimmed). */
  text: string;
  /** Forgiving comparison key: see headings.ts. */
  key: string;
  /** The key of the text before a trailing note ("2.2 Frontend ⚠️ MUST …" → "frontend"), if any. */
  keyBeforeNote?: string;
  /** Phase number when the heading names a phase ("Phase 2: …" → "2"). */
  phase?: string;
  /** The heading claims completion (✅, "(Complete)", "COMPLETE"). */
  claimsComplete: boolean;
}

export interface Section extends Span {
  heading: Heading;
  parent?: Section;
  children: Section[];
  /** True when anything other than headings and thematic breaks lies inside. */
  hasContent: boolean;
}

export interface Field extends Span {
  /** Label as written ("Files"). */
  label: string;
  /** Comparison key: lower case, singular ("file"). */
  key: string;
  value: string;
  valueSpan: Span;
}

/**
 * Where a task stands: `[ ]` open, `[x]` done, `[-]` / `[/]` in progress, any
 * other marker unknown (counted as not done, and reported).
 */
export type TaskState = 'open' | 'done' | 'in-progress' | 'unknown';

export interface TaskItem extends Span {
  /** Done (`[x]`); every other state counts as not done. */
  checked: boolean;
  state: TaskState;
  /** `- [ ]*`: an optional task, counted apart from the plan's progress. */
  optional: boolean;
  /** The `[ ]` / `[x]` / `[-]` marker itself. */
  checkbox: Span;
  /** Plain text of the item's first line (after the checkbox). */
  text: string;
  /** Explicit id such as T001, 1.2, TASK-003, B1.1, when the text starts with one. */
  id?: string;
  section?: Section;
  phase?: Section;
  parent?: TaskItem;
  block?: TaskBlock;
}

export interface TaskBlock {
  item: TaskItem;
  title: string;
  titleSpan: Span;
  fields: Field[];
}

export interface TableCell extends Span {
  text: string;
}

export interface TableRow extends Span {
  cells: TableCell[];
}

export interface Table extends Span {
  header: TableRow;
  rows: TableRow[];
  section?: Section;
}

/**
 * Text that may be a placeholder: a bracketed span such as `[FEATURE_NAME]` (not a
 * link, image, footnote or checkbox), a `{{NAME}}`, or spec-kit's bare `NEEDS CLARIFICATION`.
 */
export interface BracketText extends Span {
  /** The text including brackets. */
  text: string;
  /** Inside inline code, a code block, HTML or front matter. */
  inCode: boolean;
  /** It fills a whole slot: a paragraph line, a list item, a table cell, a field's value, a heading's name. */
  slot: boolean;
}

/** A list-like line that was probably meant as a task but is not one, or a task with a marker planmark does not know. */
export interface MalformedCheckbox extends Span {
  /** The corrected line prefix, e.g. `- [ ] `, when what was meant is certain. */
  replacement?: string;
  found: string;
  /** The line is a task (with an unknown marker, so not done); otherwise it is not tracked at all. */
  tracked: boolean;
  /**
   * Where the checkbox stands when that is what keeps the line from being a task: in a heading
   * (`#### [ ] T-001 …`), or after text that starts the line (`001: - [ ] …`).
   */
  placement?: 'heading' | 'after-text';
  /** The task as the author meant it, for the message (`- [ ] T-001 …`), where placement is set. */
  asTask?: string;
}

/** YAML (`---`) or TOML (`+++`) front matter at the top of the document, as remark-frontmatter reads it. */
export interface FrontMatter extends Span {
  kind: 'yaml' | 'toml';
  /** The text between the fences, as written (not interpreted). */
  value: string;
}

export interface PlanModel {
  text: string;
  frontMatter?: FrontMatter;
  title?: Heading;
  metadata: Field[];
  headings: Heading[];
  /** Top-level sections (H2, or the shallowest depth below the title). */
  sections: Section[];
  /** Sections whose heading names a phase, in document order. */
  phases: Section[];
  tasks: TaskItem[];
  blocks: TaskBlock[];
  tables: Table[];
  brackets: BracketText[];
  malformedCheckboxes: MalformedCheckbox[];
}
