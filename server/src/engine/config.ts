import * as z from 'zod/mini';
import { PROFILE_IDS } from './profiles/registry';
import { PLACEHOLDER_SEVERITIES, type PlaceholderSeverity } from './stage';

// The configuration, as read from VS Code settings (`planmark.*`) or
// `.planmarkrc.json`. Each key is validated on its own: a bad value is reported
// with the key's name and what it expects, falls back to its default, and
// leaves every other key alone.

export const RULE_LEVELS = ['error', 'warning', 'information', 'hint', 'off'] as const;
export type RuleLevel = (typeof RULE_LEVELS)[number];

export const DEFAULT_INCLUDE = ['**/plan.md', '**/*-plan.md', '**/*.plan.md'];
/** Which plan files the Problems panel lists: every plan in the workspace, or the open ones only. */
export const WORKSPACE_DIAGNOSTICS = ['workspace', 'openFiles'] as const;
/** Whether each phase waits for the one before it: per the plan's kind (`auto`), always, or never. */
export const PHASE_ORDER = ['auto', 'on', 'off'] as const;
/** How the editor shows whether an open task can start: a hint at the line's end, a lens above it, or not at all. */
export const TASK_READINESS = ['inlayHint', 'codeLens', 'off'] as const;
export const DEFAULT_STATUSES = ['Planning', 'In Progress', 'In Review', 'Blocked', 'Complete', 'Cancelled'];

const validRegex = z.string().check(
  z.refine(
    (source) => {
      try {
        new RegExp(source, 'u');
        return true;
      } catch {
        return false;
      }
    },
    { message: 'a valid regular expression' },
  ),
);

const nonEmpty = z.string().check(z.minLength(1));

const sectionSetting = z.strictObject({
  required: z.optional(z.boolean()),
  repeatable: z.optional(z.boolean()),
  pattern: z.optional(validRegex),
});

/** One `profiles` entry: which files take a profile (`files`), and that profile's settings. */
const profileSettings = z.strictObject({
  files: z.optional(z.array(nonEmpty).check(z.minLength(1))),
  profile: z.enum(PROFILE_IDS as [string, ...string[]]),
  sections: z.optional(z.record(nonEmpty, sectionSetting)),
  taskId: z.optional(validRegex),
});

export type ProfileSettings = z.infer<typeof profileSettings>;

// zod/mini rather than zod: the same checks, a fraction of the code to load at every start of the CLI.

/** One schema per key, so that one bad key never spoils the others. */
export const configKeys = {
  template: z.optional(nonEmpty),
  include: z.array(nonEmpty),
  includeByTitle: z.boolean(),
  rules: z.record(z.string(), z.enum(RULE_LEVELS)),
  statuses: z.array(nonEmpty).check(z.minLength(1)),
  hoursPerDay: z.number().check(z.positive(), z.maximum(24)),
  daysPerWeek: z.number().check(z.positive(), z.maximum(7)),
  placeholderPatterns: z.array(validRegex),
  maxFileSize: z.int().check(z.positive()),
  debounceMs: z.int().check(z.minimum(0), z.maximum(10_000)),
  parseTimeoutMs: z.int().check(z.minimum(0), z.maximum(60_000)),
  codeLens: z.boolean(),
  workspaceDiagnostics: z.enum(WORKSPACE_DIAGNOSTICS),
  profiles: z.array(profileSettings),
  placeholderSeverity: z.enum(PLACEHOLDER_SEVERITIES),
  phaseOrder: z.enum(PHASE_ORDER),
  taskReadiness: z.enum(TASK_READINESS),
  phantomCompletionGit: z.enum(RULE_LEVELS),
} as const;

/** What each key expects, for the message when a value is not that. */
export const CONFIG_EXPECTS: Record<keyof typeof configKeys, string> = {
  template: 'a path to a template Markdown file',
  include: 'an array of glob patterns',
  includeByTitle: 'true or false',
  rules: `an object mapping rule ids to one of ${RULE_LEVELS.join(', ')}`,
  statuses: 'a non-empty array of status names',
  hoursPerDay: 'a number of hours between 0 and 24',
  daysPerWeek: 'a number of days between 0 and 7',
  placeholderPatterns: 'an array of regular expressions (strings)',
  maxFileSize: 'a positive whole number of bytes',
  debounceMs: 'a whole number of milliseconds from 0 to 10000',
  parseTimeoutMs: 'a whole number of milliseconds from 0 to 60000',
  codeLens: 'true or false',
  workspaceDiagnostics: `one of ${WORKSPACE_DIAGNOSTICS.join(', ')}`,
  profiles: `an array of { "files": [globs], "profile": one of ${PROFILE_IDS.join(', ')}, "sections": { name: { "required", "repeatable", "pattern" } }, "taskId": a regular expression }`,
  placeholderSeverity: `one of ${PLACEHOLDER_SEVERITIES.join(', ')}`,
  phaseOrder: `one of ${PHASE_ORDER.join(', ')}`,
  taskReadiness: `one of ${TASK_READINESS.join(', ')}`,
  phantomCompletionGit: `one of ${RULE_LEVELS.join(', ')}`,
};

export type ConfigKey = keyof typeof configKeys;

export interface PlanConfig {
  /** Path of a custom template; undefined means the built-in reference template. */
  template?: string;
  include: string[];
  /** Also treat Markdown whose H1 ends in "Implementation Plan" as a plan. */
  includeByTitle: boolean;
  rules: Record<string, RuleLevel>;
  statuses: string[];
  hoursPerDay: number;
  daysPerWeek: number;
  placeholderPatterns: string[];
  maxFileSize: number;
  debounceMs: number;
  /**
   * How long the language server waits for a large parse, done off its main thread, before it
   * answers with a notice instead of findings (the findings follow when parsing ends); 0 parses
   * everything on the main thread, as the CLI does.
   */
  parseTimeoutMs: number;
  /** Progress lenses above phase headings. */
  codeLens: boolean;
  /** `workspace`: diagnostics for plan files that are not open too; `openFiles`: open ones only. */
  workspaceDiagnostics: (typeof WORKSPACE_DIAGNOSTICS)[number];
  /**
   * Profiles by file (the first entry whose `files` globs match a plan's path wins over
   * detection) and per-profile settings (an entry without `files` only sets them).
   */
  profiles: ProfileSettings[];
  /**
   * Severity of unfilled placeholders: `stage` (hints while the plan's Status says it is being
   * drafted, the rule's severity after) or a fixed one. `rules["unfilled-placeholder"]` wins.
   */
  placeholderSeverity: PlaceholderSeverity;
  /**
   * Each phase depends on the one before it (spec-kit: Setup → Foundational → the user
   * stories, side by side → Polish). `auto`: on for spec-kit task lists, off otherwise.
   */
  phaseOrder: (typeof PHASE_ORDER)[number];
  /** "Ready" / "Blocked by T012" on open tasks, in the editor. */
  taskReadiness: (typeof TASK_READINESS)[number];
  /**
   * Severity of phantom-completion's git check (a ticked task whose files no commit changed
   * after it was written); `off` runs only the existence check. The CLI's `--no-git` turns it off too.
   */
  phantomCompletionGit: RuleLevel;
}

export const DEFAULT_CONFIG: Readonly<PlanConfig> = Object.freeze({
  template: undefined,
  include: DEFAULT_INCLUDE,
  includeByTitle: true,
  rules: {},
  statuses: DEFAULT_STATUSES,
  hoursPerDay: 8,
  daysPerWeek: 5,
  placeholderPatterns: [],
  // Parsing runs at a few hundred KB/s on a slow machine: past this, an editor would stall.
  maxFileSize: 512 * 1024,
  debounceMs: 250,
  // With the debounce delay, an answer within a second of the last keystroke.
  parseTimeoutMs: 750,
  codeLens: true,
  workspaceDiagnostics: 'workspace',
  profiles: [],
  placeholderSeverity: 'stage',
  phaseOrder: 'auto',
  taskReadiness: 'inlayHint',
  phantomCompletionGit: 'warning',
});

export interface ConfigProblem {
  key: string;
  message: string;
}

export interface ResolvedConfig {
  config: PlanConfig;
  problems: ConfigProblem[];
}

/**
 * Validates raw settings key by key. Unknown keys and unknown rule ids are
 * reported too (a typo should not silently do nothing). `source` names where
 * the values came from, for messages ("planmark" settings, ".planmarkrc.json").
 */
export function resolveConfig(raw: unknown, knownRules: readonly string[], source = 'planmark'): ResolvedConfig {
  const config: PlanConfig = { ...DEFAULT_CONFIG, rules: {} };
  const problems: ConfigProblem[] = [];
  if (raw === undefined || raw === null) return { config, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push({ key: source, message: `${source}: expected an object of settings; using the defaults` });
    return { config, problems };
  }
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (value === undefined || value === null) continue;
    if (!(key in configKeys)) {
      problems.push({ key, message: `${source}.${key}: unknown setting; ignored` });
      continue;
    }
    if (key === 'rules') {
      config.rules = readRules(value, knownRules, source, problems);
      continue;
    }
    const result = z.safeParse(configKeys[key as ConfigKey], value);
    if (result.success) {
      (config as unknown as Record<string, unknown>)[key] = result.data;
    } else {
      problems.push({
        key,
        message: `${source}.${key}: expected ${CONFIG_EXPECTS[key as ConfigKey]}; using the default`,
      });
    }
  }
  return { config, problems };
}

function readRules(
  value: unknown,
  knownRules: readonly string[],
  source: string,
  problems: ConfigProblem[],
): Record<string, RuleLevel> {
  const rules: Record<string, RuleLevel> = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push({
      key: 'rules',
      message: `${source}.rules: expected ${CONFIG_EXPECTS.rules}; using the defaults`,
    });
    return rules;
  }
  const level = z.enum(RULE_LEVELS);
  for (const [id, setting] of Object.entries(value as Record<string, unknown>)) {
    if (!knownRules.includes(id)) {
      problems.push({ key: `rules.${id}`, message: `${source}.rules.${id}: unknown rule id; ignored` });
      continue;
    }
    const parsed = z.safeParse(level, setting);
    if (parsed.success) rules[id] = parsed.data;
    else
      problems.push({
        key: `rules.${id}`,
        message: `${source}.rules.${id}: expected one of ${RULE_LEVELS.join(', ')}; using the rule's default`,
      });
  }
  return rules;
}
