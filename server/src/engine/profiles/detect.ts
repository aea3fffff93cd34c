import type { ProfileSettings } from '../config';
import { globMatcher } from '../globs';
import type { DetectInput, Profile, ProfileChoice, RepoFacts } from './profile';

// Which profile a plan gets, and why. Explicit configuration wins (the first
// `profiles` entry whose `files` globs match the path); then repository
// conventions, then content signatures, profile by profile in registry order;
// then the fallback the caller gives: the reference profile when the plan
// follows the template, otherwise checklist. Pure: the caller passes the facts.

export interface DetectOptions {
  profiles: readonly Profile[];
  settings: readonly ProfileSettings[];
  /** Last resort before `fallback`: does the plan follow the engine's template, and why. */
  followsTemplate(text: string): string | undefined;
  /** The profile of a plan that matches nothing else, with its reason. */
  fallback: ProfileChoice;
}

const HEAD_CHARS = 4096;

export function detectProfile(path: string, text: string, facts: RepoFacts, options: DetectOptions): ProfileChoice {
  const known = detectFormat(path, text, facts, options);
  if (known) return known;
  const follows = options.followsTemplate(text);
  if (follows) return { id: 'reference', reason: follows };
  return options.fallback;
}

/**
 * The profile that configuration, a repository convention or a content signature gives a
 * file, or undefined: what folder mode uses to select plans beyond the include globs.
 */
export function detectFormat(
  path: string,
  text: string,
  facts: RepoFacts,
  options: Pick<DetectOptions, 'profiles' | 'settings'>,
): ProfileChoice | undefined {
  const posix = path.replace(/\\/g, '/');
  for (const [index, entry] of options.settings.entries()) {
    if (entry.files && globMatcher(entry.files)(posix)) {
      return {
        id: entry.profile,
        reason: `.planmarkrc.json assigns it (files: ${entry.files.join(', ')})`,
        entry: index,
      };
    }
  }
  const input: DetectInput = { path: posix, text, head: text.slice(0, HEAD_CHARS), facts };
  for (const stage of ['convention', 'content'] as const) {
    for (const profile of options.profiles) {
      const reason = profile.detect?.[stage]?.(input);
      if (reason) return { id: profile.id, reason };
    }
  }
  return undefined;
}
