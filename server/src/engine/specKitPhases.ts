import type { Section, TaskItem } from './model';

// What a spec-kit tasks.md phase is for, from its heading: Setup, Foundational and
// Polish phases hold shared work (no user-story label); a "User Story k" phase holds
// the work of story k. Headings in other words (translated plans) give no kind: the
// rules that need one say nothing about their tasks.

/** A story phase names one story or several ("User Story 2 & 3": `stories` is ['2', '3']). */
export type PhaseKind = { kind: 'story'; story: string; stories: string[] } | { kind: 'shared'; name: string };

// "User Story 2", "User Stories 2 & 3", "User Story 4, 5 and 6" (not the "2 - Title" dash).
const STORY = /\bUser\s+Stor(?:y|ies)\s+(\d+(?:\s*(?:,|&|\/|\+|\band\b)\s*\d+)*)\b/i;
const SHARED = /\b(Setup|Foundation(?:al)?|Polish)\b/i;

export function phaseKind(heading: string): PhaseKind | undefined {
  const story = STORY.exec(heading);
  if (story) {
    const stories = [...story[1].matchAll(/\d+/g)].map((m) => String(Number(m[0])));
    return { kind: 'story', story: stories[0], stories };
  }
  const shared = SHARED.exec(heading);
  return shared ? { kind: 'shared', name: shared[1] } : undefined;
}

/** The nearest enclosing section whose heading says what kind of phase it is. */
export function taskPhase(task: TaskItem): { section: Section; kind: PhaseKind } | undefined {
  for (let s = task.section; s; s = s.parent) {
    const kind = phaseKind(s.heading.text);
    if (kind) return { section: s, kind };
  }
  return undefined;
}

/** The user stories a spec.md has: headings "User Story 1 - …" (numbers, as written). */
export function specStories(spec: string): Set<string> {
  const stories = new Set<string>();
  for (const m of spec.matchAll(/^ {0,3}#{2,6}[ \t]+.*?\bUser\s+Story\s+(\d+)\b/gim)) stories.add(String(Number(m[1])));
  return stories;
}
