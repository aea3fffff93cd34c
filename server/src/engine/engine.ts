import type { CompletionFacts } from './completion';
import { DEFAULT_CONFIG, type PlanConfig } from './config';
import { buildDependencyGraph, type DependencyGraph } from './dependencies';
import { buildPlanGraph, type PlanGraph } from './graph';
import { VALIDATION_SKIPPED, type Finding, type RawFinding, type Severity } from './findings';
import { LineIndex } from './lineIndex';
import { phaseNamesAgree } from './headings';
import { SkippedError } from './markdown';
import type { PieceCache } from './pieceCache';
import type { BracketText, PlanModel, Section } from './model';
import { sectionLevels, type SectionLevel } from './rules/sections';
import { buildOutline, noProgress, type Outline } from './outline';
import { parsePlan } from './parse';
import { PlaceholderMatcher } from './placeholders';
import { RULES, RULE_IDS } from './rules';
import type { RuleContext } from './rules/rule';
import { placeholderSeverity } from './stage';
import { applySuppressions, UNUSED_SUPPRESSION } from './suppressions';
import { deriveTemplate, type TemplateSchema } from './template';
import { detectProfile } from './profiles/detect';
import type { ProfileChoice, RepoFacts, ResolvedProfile } from './profiles/profile';
import { followsTemplate } from './profiles/reference';
import { PROFILES, profileById } from './profiles/registry';
import { resolveProfile } from './profiles/resolve';

/** Everything known about one version of one document. Features read it; none re-parses. */
export interface Analysis {
  text: string;
  lines: LineIndex;
  /** Undefined when validation was skipped (see `skipped`). */
  model?: PlanModel;
  findings: Finding[];
  outline: Outline;
  /** The tasks' dependencies as written, resolved (undefined when skipped). */
  dependencies?: DependencyGraph;
  /** The task graph: waves, ready and blocked tasks, critical path (undefined when skipped). */
  graph?: PlanGraph;
  /** Why validation was skipped (too large, too deeply nested), if it was. */
  skipped?: string;
  /** The profile the plan was checked with, and why (undefined when skipped). */
  profile?: AnalysisProfile;
  /** That profile made concrete (schema, task grammar): editor features speak the plan's format with it. */
  resolvedProfile?: ResolvedProfile;
  /** What the caller knew of the repository around the plan (files beside it, templates). */
  facts?: RepoFacts;
}

/** The chosen profile as output shows it: its id and title, why it was chosen, where its schema comes from. */
export interface AnalysisProfile extends ProfileChoice {
  title: string;
  schemaSource: string;
}

export interface AnalyzeOptions {
  /** YYYY-MM-DD used by fixes that fill in today's date; defaults to the current UTC date. */
  today?: string;
  /**
   * Where parsed pieces of documents are kept between analyses, so that an edit
   * re-parses only the piece it is in. The caller owns it (the language server keeps
   * one for the process, the CLI one per run); without one, nothing is kept.
   */
  cache?: PieceCache;
  /**
   * Analyze the text as one piece instead of piece by piece. Slower, never cached, and
   * the reference the piecewise path must equal: the differential tests compare the two
   * on the model, the findings and the outline.
   */
  wholeDocument?: boolean;
  /**
   * The plan's path relative to its repository root (forward slashes): the profile is
   * detected from it, the text and `facts`. Without a path and a profile, the plan is
   * checked with the reference profile (the template is the schema).
   */
  path?: string;
  /** What the caller knows of the repository around the plan (see profiles/profile.ts). */
  facts?: RepoFacts;
  /** A profile chosen by the caller (a CLI flag): wins over configuration and detection. */
  profile?: ProfileChoice;
  /** What the disk and git say about ticked tasks' files (phantom-completion); gathered by the caller. */
  completion?: CompletionFacts;
}

const EMPTY_OUTLINE: Outline = { sections: [], percent: 0, ...noProgress() };

/** The plan engine for one template and one configuration. Pure: text in, analysis out. */
export class PlanEngine {
  readonly template: TemplateSchema;
  /** Resolved profiles by id and repository template text: deriving a template costs a parse. */
  private readonly resolved = new Map<string, { profile: ResolvedProfile; placeholders: PlaceholderMatcher }>();

  readonly templateSource: string;

  /**
   * `customTemplate` names a team's own template (a path, for output): it is then the schema
   * of every plan that follows no other format. Undefined: planmark's reference template.
   * `schema`: the template's schema derived beforehand (the built-in one is derived at build
   * time, see node/builtinSchema.ts), else derived here.
   */
  constructor(
    templateText: string,
    readonly config: PlanConfig = { ...DEFAULT_CONFIG },
    readonly customTemplate: string | undefined = config.template,
    schema?: TemplateSchema,
  ) {
    this.template = schema ?? deriveTemplate(templateText);
    this.templateSource = customTemplate ?? 'the built-in reference template';
  }

  /** The profile `id` made concrete for this engine's template, settings and the repository's templates. */
  resolveProfile(choice: ProfileChoice, facts: RepoFacts = {}): ResolvedProfile {
    return this.resolvedEntry(choice, facts).profile;
  }

  private resolvedEntry(choice: ProfileChoice, facts: RepoFacts) {
    const profile = profileById(choice.id) ?? profileById('checklist')!;
    const repoTemplate = profile.schemaFrom === 'repository' ? facts.templates?.[profile.id] : undefined;
    // The settings of the entry that assigned the profile, else those of an entry that only configures it.
    const assigned = choice.entry === undefined ? undefined : this.config.profiles[choice.entry];
    const settings = assigned ?? this.config.profiles.find((p) => p.profile === profile.id && !p.files);
    const key = `${profile.id}\0${choice.entry ?? ''}\0${repoTemplate?.path ?? ''}\0${repoTemplate?.text ?? ''}\0${repoTemplate?.carried?.join('\0') ?? '-'}\0${JSON.stringify(repoTemplate?.added ?? null)}`;
    let entry = this.resolved.get(key);
    if (!entry) {
      if (this.resolved.size > 32) this.resolved.clear();
      const resolved = resolveProfile(profile, { schema: this.template, source: this.templateSource }, facts, settings);
      entry = {
        profile: resolved,
        placeholders: new PlaceholderMatcher(
          resolved.schema.placeholders,
          this.config.placeholderPatterns,
          resolved.schema.codePlaceholders,
        ),
      };
      this.resolved.set(key, entry);
    }
    return entry;
  }

  /** The profile of a plan at `path` (relative to its repository root), and why. Parses the text. */
  detect(path: string, text: string, facts: RepoFacts = {}): ProfileChoice {
    return this.choose(path, text, facts, () => parsePlan(text));
  }

  private choose(path: string, text: string, facts: RepoFacts, model: () => PlanModel): ProfileChoice {
    return detectProfile(path, text, facts, {
      profiles: PROFILES,
      settings: this.config.profiles,
      followsTemplate: () => followsTemplate(model(), this.template),
      // A team's own template is the schema of every plan it selects.
      fallback: this.customTemplate
        ? { id: 'reference', reason: `the team's template (${this.customTemplate}) is the schema` }
        : { id: 'checklist', reason: 'it follows no known plan format' },
    });
  }

  /** The analysis of a file planmark does not validate: one information finding that says why. */
  skipped(text: string, reason: string): Analysis {
    return {
      text,
      lines: new LineIndex(text),
      outline: EMPTY_OUTLINE,
      skipped: reason,
      findings: [
        {
          rule: VALIDATION_SKIPPED.id,
          severity: VALIDATION_SKIPPED.defaultSeverity,
          message: `planmark skipped this file: ${reason}.`,
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        },
      ],
    };
  }

  /**
   * The plan's model alone, as `analyze` reads it (give both one `cache` and the text is
   * parsed once), or undefined where `analyze` skips the text: what a caller needs to
   * gather facts for the analysis (see server/src/node/completionFacts.ts).
   */
  model(text: string, options: Pick<AnalyzeOptions, 'cache' | 'wholeDocument'> = {}): PlanModel | undefined {
    const read = this.read(text, options);
    return typeof read === 'string' ? undefined : read;
  }

  /** The model, or why the text is not validated. */
  private read(text: string, options: Pick<AnalyzeOptions, 'cache' | 'wholeDocument'>): PlanModel | string {
    if (text.length > this.config.maxFileSize)
      return `it is ${formatSize(text.length)}, over the maxFileSize setting (${formatSize(this.config.maxFileSize)})`;
    if (looksBinary(text)) return 'it does not look like text (it contains NUL characters)';
    try {
      return parsePlan(text, { cache: options.cache, wholeDocument: options.wholeDocument });
    } catch (error) {
      if (error instanceof SkippedError) return error.message;
      throw error;
    }
  }

  analyze(text: string, options: AnalyzeOptions = {}): Analysis {
    const model = this.read(text, options);
    if (typeof model === 'string') return this.skipped(text, model);
    const lines = new LineIndex(text);
    const facts = options.facts ?? {};
    let choice: ProfileChoice =
      options.profile ??
      (options.path !== undefined
        ? this.choose(options.path, text, facts, () => model)
        : { id: 'reference', reason: 'no path was given to detect a profile from' });
    const entry = this.resolvedEntry(choice, facts);
    const context = this.context(model, lines, options, entry.profile, entry.placeholders, facts);
    // A detected profile whose sections the plan mostly does not have (a translated plan, a plan
    // restructured its own way): the section rules would only list the schema back. Configured
    // schemas (a team template, a `profiles` entry, a forced profile) are always held to.
    const unlike =
      options.profile ||
      choice.entry !== undefined ||
      (this.customTemplate && entry.profile.profile.schemaFrom === 'engine')
        ? undefined
        : unlikeSchema(model, entry.profile.schema);
    if (unlike) choice = { ...choice, reason: `${choice.reason}; ${unlike}, so its sections are not checked` };
    const findings: Finding[] = [];
    for (const rule of RULES) {
      if (unlike && SECTION_RULES.has(rule.id)) continue;
      const severity = this.severity(rule.id, entry.profile.rules[rule.id], model);
      if (!severity) continue;
      rule.check(context, (raw: RawFinding) => findings.push(toFinding(rule.id, severity, raw, lines)));
    }
    // `<!-- planmark-disable… -->` comments drop findings; stale or mistyped ones are reported.
    const suppressed = applySuppressions(text, findings, RULE_IDS);
    const kept = [
      ...suppressed.kept,
      ...suppressed.problems.map((p) => toFinding(UNUSED_SUPPRESSION, 'information', p, lines)),
    ];
    kept.sort(
      (a, b) =>
        a.range.start.line - b.range.start.line ||
        a.range.start.character - b.range.start.character ||
        a.rule.localeCompare(b.rule),
    );
    const profile: AnalysisProfile = {
      ...choice,
      id: entry.profile.profile.id,
      title: entry.profile.profile.title,
      schemaSource: entry.profile.schemaSource,
    };
    const graph = context.graph();
    const outline = { ...buildOutline(model, lines, this.config, graph), profile };
    return {
      text,
      lines,
      model,
      findings: kept,
      outline,
      profile,
      resolvedProfile: entry.profile,
      facts,
      dependencies: context.dependencies(),
      graph,
    };
  }

  /**
   * A rule runs when the profile lists it; the settings can change its severity or turn it off.
   * Unfilled placeholders follow the plan's stage unless `rules` names a level (see stage.ts).
   */
  private severity(id: string, inProfile: Severity | undefined, model: PlanModel): Severity | undefined {
    if (!inProfile) return undefined;
    const level = this.config.rules[id];
    if (level === 'off') return undefined;
    if (level) return level;
    return id === 'unfilled-placeholder'
      ? placeholderSeverity(model, this.config.placeholderSeverity, inProfile)
      : inProfile;
  }

  private context(
    model: PlanModel,
    lines: LineIndex,
    options: AnalyzeOptions,
    profile: ResolvedProfile,
    matcher: PlaceholderMatcher,
    facts: RepoFacts,
  ): RuleContext {
    let placeholders: BracketText[] | undefined;
    let dependencies: DependencyGraph | undefined;
    let graph: PlanGraph | undefined;
    let levels: SectionLevel[] | undefined;
    const sections = () => (levels ??= sectionLevels(model, profile.schema.sections));
    const deps = () => (dependencies ??= buildDependencyGraph(model));
    const found = () => {
      if (placeholders) return placeholders;
      const kept = verbatimSpans(profile.schema.sections, sections);
      return (placeholders = model.brackets.filter(
        (b) => matcher.matches(b) && !kept.some((s) => s.start <= b.start && b.end <= s.end),
      ));
    };
    return {
      model,
      template: profile.schema,
      profile,
      facts,
      config: this.config,
      today: options.today ?? new Date().toISOString().slice(0, 10),
      placeholders: found,
      hasPlaceholder: (span) => {
        // Brackets come in document order: binary search for the first one at or after span.start.
        const list = found();
        let lo = 0;
        let hi = list.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (list[mid].start < span.start) lo = mid + 1;
          else hi = mid;
        }
        return lo < list.length && list[lo].end <= span.end;
      },
      sectionLevels: sections,
      dependencies: deps,
      graph: () => (graph ??= buildPlanGraph(model, deps(), lines, { ...this.config, profile: profile.profile.id })),
      completion: options.completion,
    };
  }
}

/** The rules that hold a plan to its schema's sections and metadata. */
const SECTION_RULES = new Set([
  'missing-section',
  'section-order',
  'duplicate-section',
  'empty-section',
  'invalid-metadata',
]);

/**
 * Why the plan's headings are mostly not the schema's, or undefined: fewer than a third of the
 * required top-level sections are there, while the plan has three or more top-level sections of its own.
 */
function unlikeSchema(model: PlanModel, schema: TemplateSchema): string | undefined {
  const required = schema.sections.filter((r) => !r.optional);
  if (required.length < 3 || model.sections.length < 3) return undefined;
  const [top] = sectionLevels(model, required);
  // A phase counts as the schema's only when its name agrees, not by its number alone.
  const matched = new Set<Section>();
  for (const r of required)
    for (const s of top.present.get(r.key) ?? []) if (phaseNamesAgree(r.title, s.heading.text)) matched.add(s);
  const followed = required.filter((r) => top.present.get(r.key)?.some((s) => matched.has(s)));
  if (followed.length * 3 >= required.length) return undefined;
  // A plan just begun from the template has few sections, all of them the template's: those
  // missing are worth listing. A plan with sections of its own instead is another structure.
  if (model.sections.filter((s) => !matched.has(s)).length < 3) return undefined;
  return `its headings are mostly not the schema's (${followed.length} of ${required.length} required sections)`;
}

/** Plan sections that stand for template sections kept as written: their brackets are the template's. */
function verbatimSpans(required: TemplateSchema['sections'], levels: () => SectionLevel[]): Section[] {
  if (!required.some((r) => r.verbatim)) return [];
  const [top] = levels();
  return required.filter((r) => r.verbatim).flatMap((r) => top.present.get(r.key) ?? []);
}

function toFinding(rule: string, severity: Severity, raw: RawFinding, lines: LineIndex): Finding {
  const finding: Finding = {
    rule,
    severity: raw.severity ?? severity,
    message: raw.message,
    range: lines.range(raw.span),
  };
  if (raw.detail) finding.detail = raw.detail;
  if (raw.fixes && raw.fixes.length > 0) {
    finding.fixes = raw.fixes.map((f) => ({
      title: f.title,
      preferred: f.preferred,
      ...(f.safe ? { safe: true } : {}),
      edits: f.edits.map((e) => ({ range: lines.range(e.span), newText: e.newText })),
    }));
  }
  return finding;
}

function looksBinary(text: string): boolean {
  return text.slice(0, 8192).includes('\u0000');
}

/** A size for messages: `812 bytes`, `40 KB`, `5.2 MB` (the CLI's file sizes say the same). */
export function formatSize(size: number): string {
  if (size >= 1024 * 1024) return `${(size / 1024 / 1024).toFixed(1)} MB`;
  if (size >= 1024) return `${Math.round(size / 1024)} KB`;
  return `${size} bytes`;
}
