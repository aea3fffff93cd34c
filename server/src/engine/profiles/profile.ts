import type { Severity } from '../findings';
import type { TemplateSchema } from '../template';

// What a profile is: the description of one kind of plan (its sections, metadata,
// task grammar, and which rules apply with which severity). Profiles are plain
// data plus two optional detection tests; the engine turns one into a
// ResolvedProfile (with its schema) per template text. See index.ts for the API.

/** Which rules run in a profile, and how severe their findings are. A rule not listed does not run. */
export type RuleSeverities = Readonly<Record<string, Severity>>;

/** What a checkbox marker means. `[ ]` and `[x]`/`[X]` are in every profile. */
export type TaskState = 'open' | 'done' | 'in-progress' | 'cancelled' | 'blocked';

export interface TaskGrammar {
  /** A task id the profile expects at the start of a task's text (spec-kit: `T001`). */
  id?: RegExp;
  /** Every task must carry an id matching `id`. */
  idRequired?: boolean;
  /** Bracketed markers that may follow the id, e.g. `P` for `[P]` (parallel). */
  markers: readonly string[];
  /** A bracketed label naming a group of tasks, e.g. `/^US\d+$/` for `[US1]`. */
  label?: RegExp;
  /** Checkbox markers (the character between the brackets) and what they mean. */
  states: Readonly<Record<string, TaskState>>;
}

/** A section as a built-in profile states it (our own schema, not another project's template). */
export interface SectionSpec {
  /** The section's name, as messages show it. */
  title: string;
  /** Matches the plan heading's text; without it the heading key of `title` must be equal. */
  pattern?: RegExp;
  /** A plan without it is reported (missing-section). */
  required: boolean;
  /** It may occur more than once (duplicate-section does not report it): a phase per user story. */
  repeatable?: boolean;
  /**
   * The section is kept as the template writes it (a format legend, a legacy process
   * description): bracketed text inside it is the template's, not a placeholder to fill.
   */
  verbatim?: boolean;
  /** The section should have content of its own (empty-section reports it otherwise). */
  hasContent?: boolean;
  depth?: number;
}

/** What detection looks at. The caller (CLI, server) gathers it; the engine reads no disk. */
export interface RepoFacts {
  /** The repository uses spec-kit: a `.specify/` folder is at its root. */
  specKit?: boolean;
  /** The repository uses Kiro: a `.kiro/` folder is at its root. */
  kiro?: boolean;
  /** Text of convention files beside the plan, by file name: `spec.md`, `requirements.md`, `design.md`. */
  siblings?: Readonly<Record<string, string>>;
  /**
   * The repository's own templates, by the profile they define: for spec-kit,
   * `.specify/templates/plan-template.md` as `spec-kit-plan` and `tasks-template.md` as `spec-kit-tasks`.
   */
  templates?: Readonly<Record<string, RepositoryTemplate>>;
  /** When the plan file was added to the repository (git's commit time, seconds); absent: not committed or not known. */
  planAdded?: number;
}

export interface RepositoryTemplate {
  /** For messages: where the template is, relative to the root. */
  path: string;
  text: string;
  /**
   * The `##` headings that the repository's plans of this kind carry (every feature's
   * `plan.md` or `tasks.md` beside this one). A section the team added to the template that
   * none of them carries is guidance for the writer ("Writing guidelines", a checklist to
   * consult), not a section plans must have. Absent: not known, every added section is required.
   */
  carried?: readonly string[];
  /** When each `##` heading of the template was added to it (git's commit time, seconds), by heading text. */
  added?: Readonly<Record<string, number>>;
}

/** What a detection test sees. `path` is relative to the repository root, with forward slashes. */
export interface DetectInput {
  path: string;
  text: string;
  /** The first lines of `text` (up to 4 KB): signatures are looked for here. */
  head: string;
  facts: RepoFacts;
}

/** A detection test: the reason this profile applies, or undefined. */
export type Detector = (input: DetectInput) => string | undefined;

export interface Profile {
  /** Public contract: used in `.planmarkrc.json`, output and docs (docs/profiles/<id>.md). */
  id: string;
  /** Short human name: "spec-kit tasks". */
  title: string;
  /**
   * Where the schema comes from. `engine`: the template the engine was built with (the
   * configured one, or the built-in reference template). `repository`: the repository's own
   * template for this profile (RepoFacts.templates[id]) when present, else `sections`.
   * `none`: the profile has no section schema (checklist).
   */
  schemaFrom: 'engine' | 'repository' | 'none';
  /** The built-in section schema (for `repository` without a template, and to annotate one). */
  sections: readonly SectionSpec[];
  tasks: TaskGrammar;
  rules: RuleSeverities;
  /**
   * Detection, in stages: `convention` (repository layout, such as `.specify/` with
   * `specs/<feature>/tasks.md`), then `content` (signatures in the text). Explicit
   * configuration comes before both, and the reference/checklist fallback after.
   */
  detect?: { convention?: Detector; content?: Detector };
}

/** The profile chosen for a document and why, as the CLI, outline, hover and status bar show it. */
export interface ProfileChoice {
  id: string;
  /** One sentence fragment: "the repository has .specify/ and this is specs/<feature>/tasks.md". */
  reason: string;
  /** Index of the `.planmarkrc.json` `profiles` entry that assigned it: its settings apply. */
  entry?: number;
}

/** A profile made concrete for one template text and configuration: what rules read. */
export interface ResolvedProfile {
  profile: Profile;
  schema: TemplateSchema;
  tasks: TaskGrammar;
  rules: RuleSeverities;
  /** Where the schema came from, for messages: "the built-in reference template", a template's path. */
  schemaSource: string;
}

export const BASIC_STATES: Readonly<Record<string, TaskState>> = Object.freeze({ ' ': 'open', x: 'done', X: 'done' });
