import type { PlanConfig } from '../config';
import type { RawFinding, Severity } from '../findings';
import type { BracketText, PlanModel, Span } from '../model';
import type { TemplateSchema } from '../template';
import type { DependencyGraph } from '../dependencies';
import type { RepoFacts, ResolvedProfile } from '../profiles/profile';
import type { PlanGraph } from '../graph';
import type { CompletionFacts } from '../completion';
import type { SectionLevel } from './sections';

/** What every rule sees. Derived facts shared by several rules are computed once, on first use. */
export interface RuleContext {
  model: PlanModel;
  /** The section schema of the plan's profile (for the reference profile: the template). */
  template: TemplateSchema;
  /** The plan's profile: its task grammar and rule severities. */
  profile: ResolvedProfile;
  /** What the caller knows of the repository around the plan (files beside it, templates). */
  facts: RepoFacts;
  config: PlanConfig;
  /** Today as YYYY-MM-DD, for fixes that fill in a date. */
  today: string;
  /** Brackets that are unfilled placeholders. */
  placeholders(): BracketText[];
  /** Does an unfilled placeholder lie within the span? */
  hasPlaceholder(span: Span): boolean;
  /** Which plan sections stand for which sections of `template` (see sections.ts), matched once. */
  sectionLevels(): SectionLevel[];
  dependencies(): DependencyGraph;
  /** The task graph (waves, conflicts), built from `dependencies()` once. */
  graph(): PlanGraph;
  /** Files and git facts about ticked tasks, when the caller gathered them. */
  completion?: CompletionFacts;
}

export interface Rule {
  /** Public contract: documented in docs/rules.md, used in settings and in output. */
  id: string;
  description: string;
  defaultSeverity: Severity;
  check(context: RuleContext, report: (finding: RawFinding) => void): void;
}
