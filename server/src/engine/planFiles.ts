import type { PlanConfig } from './config';
import { globMatcher } from './globs';
import { detectFormat } from './profiles/detect';
import type { RepoFacts } from './profiles/profile';
import { PROFILES } from './profiles/registry';

// An ATX H1 near the top whose text ends in "Implementation Plan" (decorations allowed).
const PLAN_TITLE = /^\uFEFF?[ ]{0,3}#[ \t]+[^\r\n]*implementation plan[^\p{L}\p{N}\r\n]*$/imu;

export type PlanSelection = Pick<PlanConfig, 'include' | 'includeByTitle'> &
  Partial<Pick<PlanConfig, 'profiles' | 'template'>>;

/**
 * Is this Markdown document a plan? `path` is relative to the workspace root
 * (forward slashes) or a bare file name when there is no root. A plan is a file the
 * include globs match, one that configuration, a repository convention or a content
 * signature gives a profile (spec-kit's `specs/<feature>/tasks.md`), or one whose H1
 * ends in "Implementation Plan" — never a template (`.specify/templates/*`, the
 * configured template). The tests read only the first lines of the text.
 */
export function isPlanDocument(path: string, text: string, config: PlanSelection, facts: RepoFacts = {}): boolean {
  const posix = path.replace(/\\/g, '/');
  if (isTemplatePath(posix, config.template)) return false;
  if (isAgentCommand(posix, text)) return false;
  if (globMatcher(config.include)(posix)) return true;
  const head = text.slice(0, 4096);
  if (detectFormat(posix, head, facts, { profiles: PROFILES, settings: config.profiles ?? [] })) return true;
  if (!config.includeByTitle) return false;
  return PLAN_TITLE.test(head);
}

/** A repository's template files (spec-kit's `.specify/templates/`, `*-template.md`, the configured template): the schema, not plans. */
export function isTemplatePath(path: string, configured?: string): boolean {
  if (/(?:^|\/)\.specify\/templates\//i.test(path)) return true;
  // `plan-template.md`, `tasks.template.md`: older spec-kit repositories keep theirs in `templates/`.
  if (/(?:^|\/|[-_.])template\.md$/i.test(path)) return true;
  return configured !== undefined && normalizePath(configured) === normalizePath(path);
}

function normalizePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(?:\.\/)+/, '');
}

// Coding agents keep their commands and prompts as Markdown in a dot folder of their own
// (`.claude/commands/`, `.github/prompts/`, `.windsurf/workflows/`, `.cursor/commands/`, …);
// spec-kit installs its commands there as `plan.md` or `speckit.plan.md`, which the default
// globs would take for plans. A command is instructions to an agent, never a plan.
const AGENT_COMMAND_FOLDER = /(?:^|\/)\.[^/]+\/(?:commands?|prompts?|workflows?)\//i;
// Or, wherever it lies: front matter with a `description:` and the agent's `$ARGUMENTS` slot.
const COMMAND_FRONT_MATTER = /^\uFEFF?---\r?\n(?:(?!---)[^\r\n]*\r?\n)*?description:/;

/** Is this Markdown file a coding agent's command or prompt (see above)? */
export function isAgentCommand(path: string, text: string): boolean {
  if (AGENT_COMMAND_FOLDER.test(path)) return true;
  const head = text.slice(0, 8192);
  return COMMAND_FRONT_MATTER.test(head) && head.includes('$ARGUMENTS');
}
