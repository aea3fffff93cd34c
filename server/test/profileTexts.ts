// Small texts of the spec-kit and Kiro formats that several tests use (unit, protocol and
// in-editor): a Kiro requirements.md and a spec-kit plan template. Data only, so that the
// in-editor suite's bundle can take them too.

/** A requirements.md with one requirement and its two acceptance criteria (1.1, 1.2). */
export const KIRO_REQUIREMENTS = [
  '# Requirements',
  '',
  '### Requirement 1: Sharing',
  '',
  '1. WHEN the writer shares a note THEN the service SHALL create a link',
  '2. WHEN the link is opened THEN the service SHALL show the note',
  '',
].join('\n');

/** A repository's `.specify/templates/plan-template.md`, with a section the team added (Rollout). */
export const SPEC_KIT_PLAN_TEMPLATE = [
  '# Implementation Plan: [FEATURE]',
  '',
  '**Branch**: `[###-feature-name]` | **Date**: [DATE] | **Spec**: [link]',
  '',
  '## Summary',
  '',
  '[Extract from feature spec]',
  '',
  '## Technical Context',
  '',
  '**Language/Version**: [LANGUAGE]',
  '',
  '## Rollout',
  '',
  'Flags: [FLAGS]',
].join('\n');
