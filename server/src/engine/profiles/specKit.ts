import { BASIC_STATES, type DetectInput, type Profile, type TaskGrammar } from './profile';
import { UNIVERSAL_RULES } from './universal';

// The spec-kit profiles (github/spec-kit keeps each feature in
// `specs/NNN-feature/` with `spec.md`, `plan.md` and `tasks.md`). What is
// written here is our own schema of that format: section names and patterns,
// the task grammar, and how files are recognised. A repository's own templates
// (`.specify/templates/plan-template.md`, `tasks-template.md`) take the place of
// these sections when present; see resolve.ts.

/**
 * `specs/<feature>/<file>` anywhere in the repository (some keep specs under docs/), but not
 * Kiro's `.kiro/specs/<feature>/tasks.md` in a repository that uses both tools.
 */
function inSpecsFolder(path: string, file: string): boolean {
  return new RegExp(`(?:^|/)(?<!\\.kiro/)specs/[^/]+/${file}$`, 'i').test(path);
}

function convention(file: string): (input: DetectInput) => string | undefined {
  return ({ path, facts }) =>
    facts.specKit && inSpecsFolder(path, file)
      ? `the repository has .specify/ and this is specs/<feature>/${file}`
      : undefined;
}

/** A phase heading, numbered or written as the templates do ("Phase N"), with any separator. */
const PHASE = String.raw`^(?:Phase\s+(?:\d+(?:\.\d+)*\+?|N)\s*[:.：–—-]?\s*)?`;
const PHASE_ANY = /^Phase\s+(?:\d+(?:\.\d+)*\+?|N)(?=$|[^\p{L}\p{N}])/iu;

/** Task ids `T001` (and inserted `T018b`); markers `[P]` (parallel); labels `[US1]` (the user story a task belongs to). */
export const SPEC_KIT_TASKS: TaskGrammar = {
  // Teams insert tasks later as `T018b`, `T027A`, `T158-1` or `T031-MIN`: ids all the same.
  id: /^T\d{3,}(?:[a-zA-Z]|[-.][A-Za-z0-9]+)?$/,
  idRequired: true,
  markers: ['P'],
  label: /^US\d+$/,
  states: BASIC_STATES,
};

export const specKitPlan: Profile = {
  id: 'spec-kit-plan',
  title: 'spec-kit plan',
  schemaFrom: 'repository',
  sections: [
    { title: 'Summary', required: true, hasContent: true },
    { title: 'Technical Context', required: true, hasContent: true },
    { title: 'Constitution Check', required: true, hasContent: true },
    { title: 'Project Structure', required: true, hasContent: true },
    // Filled only when a constitution gate is violated.
    { title: 'Complexity Tracking', required: false },
    // Sections of older plans (the "legacy" form): the plan command's process, kept as written.
    { title: 'Execution Flow', pattern: /^Execution Flow\b/i, required: false, verbatim: true },
    { title: 'Phase N: …', pattern: PHASE_ANY, required: false, repeatable: true, verbatim: true },
    { title: 'Progress Tracking', required: false },
  ],
  tasks: SPEC_KIT_TASKS,
  rules: {
    ...UNIVERSAL_RULES,
    'missing-section': 'error',
    'duplicate-section': 'warning',
    'empty-section': 'warning',
  },
  detect: {
    convention: convention('plan.md'),
    content: ({ head }) =>
      /^#[ \t]+Implementation Plan:/im.test(head) && /^\*\*(?:Branch|Spec)\*\*:/im.test(head)
        ? 'its title is "Implementation Plan: …" with a **Branch**/**Spec** line'
        : undefined,
  },
};

export const specKitTasks: Profile = {
  id: 'spec-kit-tasks',
  title: 'spec-kit tasks',
  schemaFrom: 'repository',
  sections: [
    // The task format's legend, kept as the template writes it.
    { title: 'Format', pattern: /^Format\b/i, required: false, verbatim: true },
    { title: 'Path Conventions', required: false },
    { title: 'Phase N: Setup', pattern: new RegExp(`${PHASE}Setup\\b`, 'i'), required: false },
    { title: 'Phase N: Foundational', pattern: new RegExp(`${PHASE}Foundational\\b`, 'i'), required: false },
    {
      title: 'Phase N: User Story k – …',
      pattern: new RegExp(`${PHASE}User Story\\s+\\d+\\b`, 'i'),
      required: false,
      repeatable: true,
    },
    { title: 'Phase N: Polish', pattern: new RegExp(`${PHASE}Polish\\b`, 'i'), required: false },
    { title: 'Dependencies & Execution Order', pattern: /^Dependencies\b/i, required: false },
    { title: 'Parallel Example: …', pattern: /^Parallel Example\b/i, required: false, repeatable: true },
    { title: 'Implementation Strategy', required: false },
    { title: 'Notes', required: false, verbatim: true },
    // Any other phase of a template is an example of the phase structure, not a requirement.
    { title: 'Phase N: …', pattern: PHASE_ANY, required: false, repeatable: true },
    // Sections of older templates that speak to the generator, not to the plan.
    { title: 'Execution Flow', pattern: /^Execution Flow\b/i, required: false, verbatim: true },
    { title: 'Task Generation Rules', required: false, verbatim: true },
    { title: 'Validation Checklist', required: false, verbatim: true },
  ],
  tasks: SPEC_KIT_TASKS,
  rules: {
    ...UNIVERSAL_RULES,
    'missing-section': 'error',
    'duplicate-section': 'warning',
    'task-format': 'warning',
    'story-label': 'warning',
  },
  detect: {
    convention: convention('tasks.md'),
    content: ({ head }) => {
      if (!/^#[ \t]+Tasks:/im.test(head)) return undefined;
      if (/^\*\*Input\*\*:\s*Design documents from/im.test(head))
        return 'its title is "Tasks: …" with **Input**: Design documents';
      if (/^[ \t]*[-*+][ \t]+\[[ xX]\][ \t]+(?:\*\*)?T\d{3}\b/m.test(head))
        return 'its title is "Tasks: …" and its tasks have T001 ids';
      return undefined;
    },
  },
};
